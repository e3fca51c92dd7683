package dev.hyp.runtime.dl4j.nd4j;

import java.util.ArrayDeque;
import java.util.List;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.ReduceOp;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.TransformOp;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.cpu.nativecpu.buffer.BaseCpuDataBuffer;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.exception.ND4JIllegalStateException;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's CPU executioner (with its ops kept reachable through their native calls, {@link
 * ReachableOpExecutioner}), with two changes: a custom op (a matrix product, softmax, an updater
 * step: most of a dense network's ops) runs in an op context reused from a per-thread pool instead
 * of a new one, and a plain float matrix product skips the op context altogether
 * ({@link DirectMatmul}). ND4J 1.0.0-M2.1 builds a fresh libnd4j context per op, which costs a native
 * allocation with its own random generator, a buffer tracked by ND4J's deallocator and JavaCPP
 * pointers for the op's arguments: for a small network, more garbage-collection and deallocation
 * work than the op itself (docs/performance.md).
 *
 * <p>The op runs exactly as in ND4J: outputs are allocated from the op's shape function when it
 * has none, the random generator's state goes into the context and comes back after, and the
 * arrays' pointers are refreshed afterwards. Contexts that other code builds with
 * {@link #buildContext()} are ND4J's own and never pooled.
 */
final class PooledContextExecutioner extends ReachableOpExecutioner {
  private final ThreadLocal<ArrayDeque<ReusableOpContext>> pool = ThreadLocal.withInitial(ArrayDeque::new);
  private final boolean directMatmul;
  private final boolean javaIm2col;
  private final boolean denseElementwise;
  private final boolean javaAdam;
  private final boolean transposingCopy;
  private final boolean columnSums;
  /** Whether libnd4j has oneDNN inside: then only some ops may use it ({@link NativeBuild#usesOneDnn}). */
  private final boolean oneDnn = NativeBuild.hasOneDnn();

  /**
   * @param directMatmul whether plain float products go to {@link DirectMatmul} (else to libnd4j)
   * @param javaIm2col whether float im2col and col2im go to {@link JavaIm2col}
   * @param denseElementwise whether elementwise ops on permuted arrays go to {@link DenseElementwise}
   * @param javaAdam whether Adam's in-place float updater step goes to {@link JavaAdam}
   * @param transposingCopy whether the f-to-c float matrix assign goes to {@link TransposingCopy}
   * @param columnSums whether a float matrix's sum along dimension 0 goes to {@link ColumnSums}
   */
  PooledContextExecutioner(boolean directMatmul, boolean javaIm2col, boolean denseElementwise, boolean javaAdam,
      boolean transposingCopy, boolean columnSums) {
    this.directMatmul = directMatmul;
    this.javaIm2col = javaIm2col;
    this.denseElementwise = denseElementwise;
    this.javaAdam = javaAdam;
    this.transposingCopy = transposingCopy;
    this.columnSums = columnSums;
  }

  /** Whether a float matrix's column sums run in Java ({@link Nd4jPatches.Patch#COLUMN_SUMS}). */
  boolean usesColumnSums() {
    return columnSums;
  }

  /** Whether the f-to-c float matrix copy runs in Java ({@link Nd4jPatches.Patch#TRANSPOSING_COPY}). */
  boolean usesTransposingCopy() {
    return transposingCopy;
  }

  /** Whether Adam's updater step runs in Java ({@link Nd4jPatches.Patch#JAVA_ADAM}). */
  boolean usesJavaAdam() {
    return javaAdam;
  }

  /** Whether float im2col and col2im run in Java ({@link Nd4jPatches.Patch#JAVA_IM2COL}). */
  boolean usesJavaIm2col() {
    return javaIm2col;
  }

  /** Whether elementwise ops on permuted arrays skip libnd4j's generic loop ({@link Nd4jPatches.Patch#DENSE_ELEMENTWISE}). */
  boolean usesDenseElementwise() {
    return denseElementwise;
  }

  /** Whether plain float products skip libnd4j ({@link Nd4jPatches.Patch#DIRECT_MATMUL}). */
  boolean usesDirectMatmul() {
    return directMatmul;
  }

  @Override
  public INDArray[] exec(CustomOp op) {
    Runnable inJava = inJava(op);
    if (inJava != null) {
      long start = profilingConfigurableHookIn(op, null); // ND4J's checks and profiling, as for any op
      inJava.run();
      profilingConfigurableHookOut(op, null, start);
      return op.outputArguments().toArray(new INDArray[0]);
    }
    boolean shapesFromOp = op.numOutputArguments() == 0 && !op.isInplaceCall();
    if (shapesFromOp) {
      List<LongShapeDescriptor> shapes = calculateOutputShape(op);
      if (shapes.isEmpty()) {
        throw new ND4JIllegalStateException("Op name " + op.opName()
            + " failed to calculate output shape and data types.");
      }
      for (LongShapeDescriptor shape : shapes) {
        op.addOutputArgument(Nd4j.create(shape, false));
      }
    }
    ArrayDeque<ReusableOpContext> free = pool.get();
    ReusableOpContext context = free.isEmpty() ? new ReusableOpContext() : free.pop();
    try {
      context.shapeFunctionOverride(shapesFromOp);
      context.markInplace(op.isInplaceCall());
      if (oneDnn) {
        context.allowHelpers(NativeBuild.usesOneDnn(op.opName()));
      }
      context.setRngStates(Nd4j.getRandom().rootState(), Nd4j.getRandom().nodeState());
      context.setInputArrays(op.inputArguments());
      context.setOutputArrays(op.outputArguments());
      context.setBArguments(op.bArgs());
      context.setIArguments(op.iArgs());
      context.setTArguments(op.tArgs());
      context.setDArguments(op.dArgs());
      INDArray[] result = exec(op, context);
      Pair<Long, Long> states = context.getRngStates();
      refreshPointers(op.inputArguments());
      refreshPointers(op.outputArguments());
      Nd4j.getRandom().setStates(states.getFirst(), states.getSecond());
      return result;
    } finally {
      context.reset();
      free.push(context);
    }
  }

  /** The op's computation without libnd4j when one of the patches in use does it; null when libnd4j must. */
  private Runnable inJava(CustomOp op) {
    DirectMatmul.Product product = directMatmul ? DirectMatmul.of(op) : null;
    if (product != null) {
      return product::run;
    }
    Runnable copy = javaIm2col ? JavaIm2col.of(op) : null;
    if (copy != null) {
      return copy;
    }
    Runnable adam = javaAdam ? JavaAdam.of(op) : null;
    if (adam != null) {
      return adam;
    }
    return denseElementwise ? DenseElementwise.reluBackward(op) : null;
  }

  @Override
  public INDArray exec(ScalarOp op, OpContext context) {
    if (denseElementwise && context == null && DenseElementwise.run(op, flat -> super.exec((ScalarOp) flat, null))) {
      return op.z();
    }
    return super.exec(op, context);
  }

  @Override
  public INDArray exec(Op op, OpContext context) {
    Runnable copy = transposingCopy && context == null ? TransposingCopy.of(op) : null;
    if (copy != null) {
      long start = profilingConfigurableHookIn(op); // ND4J's checks and profiling, as for any op
      copy.run();
      profilingConfigurableHookOut(op, null, start);
      return op.z();
    }
    if (denseElementwise && context == null && op instanceof TransformOp
        && DenseElementwise.run(op, flat -> super.exec(flat, null))) {
      return op.z();
    }
    return super.exec(op, context);
  }

  @Override
  public INDArray exec(ReduceOp op, OpContext context) {
    Runnable sums = columnSums && context == null ? ColumnSums.of(op) : null;
    if (sums != null) {
      long start = profilingConfigurableHookIn(op); // ND4J's checks and profiling, as for any op
      sums.run();
      profilingConfigurableHookOut(op, null, start);
      return op.z();
    }
    return super.exec(op, context);
  }

  /** libnd4j may have moved an array's data: point the Java buffer at it again, as ND4J does. */
  private static void refreshPointers(List<INDArray> arrays) {
    for (INDArray array : arrays) {
      if (!array.isEmpty()) {
        ((BaseCpuDataBuffer) array.data()).actualizePointerAndIndexer();
      }
    }
  }

  /**
   * Makes this ND4J's executioner (loading ND4J if needed) when ND4J's is the stock CPU one.
   * Returns the one in use, or null when ND4J's is another. Call it before
   * {@link CachingTadManager#install}, which configures the executioner in use.
   * {@link Nd4jPatches#install} calls it once.
   */
  static PooledContextExecutioner install(boolean directMatmul, boolean javaIm2col, boolean denseElementwise,
      boolean javaAdam, boolean transposingCopy, boolean columnSums) {
    OpExecutioner current = Nd4j.getExecutioner();
    if (current instanceof PooledContextExecutioner pooled) {
      return pooled;
    }
    if (current.getClass() != NativeOpExecutioner.class) {
      return null;
    }
    return Nd4jInternals.replace(Nd4j.class, "OP_EXECUTIONER_INSTANCE", null, () -> {
      PooledContextExecutioner replacement = new PooledContextExecutioner(directMatmul, javaIm2col,
          denseElementwise, javaAdam, transposingCopy, columnSums);
      replacement.setProfilingMode(current.getProfilingMode());
      return replacement;
    });
  }
}
