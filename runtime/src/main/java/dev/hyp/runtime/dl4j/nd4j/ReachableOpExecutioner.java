package dev.hyp.runtime.dl4j.nd4j;

import java.lang.ref.Reference;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.BroadcastOp;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.IndexAccumulation;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.RandomOp;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.aggregates.Aggregate;
import org.nd4j.linalg.api.ops.aggregates.Batch;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;

/**
 * ND4J's CPU executioner, keeping each op (and so its arrays) reachable until its native call has
 * returned. ND4J 1.0.0-M2.1 reads an op's buffers into the native call's arguments and does not
 * touch the op afterwards, so once the JIT has compiled the executioner, an op that nobody else
 * holds is garbage during its own native call: a broadcast's dimension array, or a view that
 * exists only in the op (a bias reshaped for a row-wise add). A garbage collection at that moment
 * lets the deallocator free a native buffer the op is still reading, and the JVM dies in
 * libnd4j (seen once in about thirty two-trial benchmark runs: SIGSEGV in
 * {@code sd::DataBuffer::primary()} inside {@code execBroadcast}, 10 ms after a collection).
 *
 * <p>Every entry point that reaches native code is overridden here with a reachability fence (the
 * single-argument {@code exec}s of legacy ops only delegate to these); {@code
 * ReachableOpExecutionerTest} checks that none is missing. The overrides are written out rather
 * than routed through one helper taking a lambda: that would allocate a capturing lambda per op,
 * on the path every op of every training step takes.
 */
class ReachableOpExecutioner extends NativeOpExecutioner {

  @Override
  public INDArray exec(Op op, OpContext context) {
    try {
      return super.exec(op, context);
    } finally {
      Reference.reachabilityFence(op);
      Reference.reachabilityFence(context);
    }
  }

  @Override
  public INDArray exec(IndexAccumulation op, OpContext context) {
    try {
      return super.exec(op, context);
    } finally {
      Reference.reachabilityFence(op);
      Reference.reachabilityFence(context);
    }
  }

  @Override
  public INDArray exec(ReduceOp op, OpContext context) {
    try {
      return super.exec(op, context);
    } finally {
      Reference.reachabilityFence(op);
      Reference.reachabilityFence(context);
    }
  }

  @Override
  public INDArray exec(ScalarOp op, OpContext context) {
    try {
      return super.exec(op, context);
    } finally {
      Reference.reachabilityFence(op);
      Reference.reachabilityFence(context);
    }
  }

  @Override
  public INDArray exec(BroadcastOp op, OpContext context) {
    try {
      return super.exec(op, context);
    } finally {
      Reference.reachabilityFence(op);
      Reference.reachabilityFence(context);
    }
  }

  @Override
  public INDArray exec(RandomOp op, OpContext context, Random random) {
    try {
      return super.exec(op, context, random);
    } finally {
      Reference.reachabilityFence(op);
      Reference.reachabilityFence(context);
    }
  }

  @Override
  public INDArray[] exec(CustomOp op, OpContext context) {
    try {
      return super.exec(op, context);
    } finally {
      Reference.reachabilityFence(op);
      Reference.reachabilityFence(context);
    }
  }

  @Override
  public INDArray[] exec(CustomOp op) {
    try {
      return super.exec(op);
    } finally {
      Reference.reachabilityFence(op);
    }
  }

  @Override
  public void exec(Aggregate op) {
    try {
      super.exec(op);
    } finally {
      Reference.reachabilityFence(op);
    }
  }

  @Override
  public <T extends Aggregate> void exec(Batch<T> batch) {
    try {
      super.exec(batch);
    } finally {
      Reference.reachabilityFence(batch);
    }
  }

  @Override
  public void exec(List<Aggregate> batch) {
    try {
      super.exec(batch);
    } finally {
      Reference.reachabilityFence(batch);
    }
  }
}
