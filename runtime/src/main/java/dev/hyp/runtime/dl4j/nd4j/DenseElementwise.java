package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.ScalarOp;
import org.nd4j.linalg.api.ops.TransformOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Elementwise ops on permuted arrays, computed as libnd4j computes them but without its per-element
 * index arithmetic. DL4J's convolution layer produces its output as a permuted view (the product's
 * {@code [batch * outH * outW, channels]} seen as {@code [batch, channels, outH, outW]}): dense in
 * memory but in neither c nor f order, so libnd4j 1.0.0-M2.1 runs the activation over it through
 * its generic loop, which computes every element's offset from its index by division.
 *
 * <p>Two cases are taken:
 * <ul>
 *   <li>a legacy scalar or transform op (ReLU, tanh, a multiplication by a scalar...) whose input and
 *       output have the same shape and strides and fill their memory without gaps: it runs on flat
 *       views of that memory instead. An elementwise op computes each element from the element at
 *       the same place alone, so the order it visits them in changes nothing;
 *   <li>ReLU's backward op ({@code relu_bp} with threshold 0: {@code in > 0 ? gradient : 0}) on
 *       floats of any layouts, in Java over the three arrays' strides.
 * </ul>
 *
 * <p>{@link PooledContextExecutioner} asks it first unless {@code -Dhyp.nd4j.libnd4jStridedOps=true}
 * ({@link Nd4jPatches.Patch#DENSE_ELEMENTWISE}).
 */
final class DenseElementwise {
  private DenseElementwise() {}

  /** Runs on flat views, in {@link #run}. */
  interface Executor {
    void exec(Op op);
  }

  /**
   * Runs {@code op} through {@code executor} on flat views of its arrays and returns true when it is a
   * scalar or transform op on a dense array that libnd4j would walk element by element; false, having
   * done nothing, otherwise. The op's arrays are put back afterwards.
   */
  static boolean run(Op op, Executor executor) {
    if (!(op instanceof ScalarOp || op instanceof TransformOp) || op.y() != null || op.x() == null) {
      return false;
    }
    if (op instanceof ScalarOp scalar && scalar.getDimension() != null && scalar.getDimension().length > 0) {
      return false;
    }
    INDArray x = op.x();
    INDArray z = op.z() == null ? x : op.z();
    if (!sameLayout(x, z) || !denseButUnordered(x)) {
      return false;
    }
    INDArray flatX = flat(x);
    INDArray flatZ = z == x ? flatX : flat(z);
    try {
      op.setX(flatX);
      op.setZ(flatZ);
      executor.exec(op);
    } finally {
      op.setX(x);
      op.setZ(z);
    }
    return true;
  }

  private static boolean sameLayout(INDArray a, INDArray b) {
    return a.dataType() == b.dataType() && java.util.Arrays.equals(a.shape(), b.shape())
        && java.util.Arrays.equals(a.stride(), b.stride()) && !a.isEmpty() && !b.isEmpty();
  }

  /**
   * Whether {@code a}'s elements fill {@code length} consecutive places of its buffer (strides a
   * permutation of some order's) while it is in neither c nor f order: the case libnd4j walks slowly.
   */
  static boolean denseButUnordered(INDArray a) {
    long[] shape = a.shape();
    long[] stride = a.stride();
    int rank = shape.length;
    if (rank < 2) {
      return false;
    }
    // dense: the dimensions of size > 1, sorted by stride, step by the product of the smaller ones
    long length = 1;
    long span = 1;
    for (int d = 0; d < rank; d++) {
      if (stride[d] <= 0 && shape[d] > 1) {
        return false;
      }
      length *= shape[d];
      span += (shape[d] - 1) * stride[d];
    }
    if (span != length || length < 2 || !distinctPlaces(shape, stride)) {
      return false;
    }
    return !ordered(shape, stride, true) && !ordered(shape, stride, false);
  }

  /** With span == length, the strides map indices one to one exactly when sorted they are each the product below. */
  private static boolean distinctPlaces(long[] shape, long[] stride) {
    int rank = shape.length;
    boolean[] used = new boolean[rank];
    long expected = 1;
    for (int step = 0; step < rank; step++) {
      int next = -1;
      for (int d = 0; d < rank; d++) {
        if (!used[d] && shape[d] > 1 && (next < 0 || stride[d] < stride[next])) {
          next = d;
        }
      }
      if (next < 0) {
        return true;
      }
      if (stride[next] != expected) {
        return false;
      }
      used[next] = true;
      expected *= shape[next];
    }
    return true;
  }

  /** Whether the strides are c order's (or f order's) for the shape, ignoring dimensions of size 1. */
  private static boolean ordered(long[] shape, long[] stride, boolean c) {
    long expected = 1;
    for (int i = 0; i < shape.length; i++) {
      int d = c ? shape.length - 1 - i : i;
      if (shape[d] == 1) {
        continue;
      }
      if (stride[d] != expected) {
        return false;
      }
      expected *= shape[d];
    }
    return true;
  }

  /** A vector over {@code a}'s memory, from its first element. */
  private static INDArray flat(INDArray a) {
    return Nd4j.create(a.data(), new long[] {a.length()}, new long[] {1}, 0, 'c', a.dataType());
  }

  /** ReLU's backward op {@code relu_bp} on floats with threshold 0, in Java; null when ND4J must run it. */
  static Runnable reluBackward(CustomOp op) {
    if (!"relu_bp".equals(op.opName()) || op.isInplaceCall()) {
      return null;
    }
    double[] scalars = op.tArgs();
    if (scalars.length > 1 || (scalars.length == 1 && scalars[0] != 0.0) || op.iArgs().length > 0) {
      return null;
    }
    List<INDArray> inputs = op.inputArguments();
    List<INDArray> outputs = op.outputArguments();
    if (inputs.size() != 2 || outputs.size() != 1) {
      return null;
    }
    FloatMemory in = FloatMemory.of(inputs.get(0));
    FloatMemory gradient = FloatMemory.of(inputs.get(1));
    FloatMemory out = FloatMemory.of(outputs.get(0));
    if (in == null || gradient == null || out == null || in.shape().length > 4
        || !java.util.Arrays.equals(in.shape(), gradient.shape()) || !java.util.Arrays.equals(in.shape(), out.shape())) {
      return null;
    }
    return () -> reluBackward(in, gradient, out);
  }

  /** Floats per chunk of {@link #flatReluBackward}: three chunks stay in the first-level cache. */
  private static final int CHUNK = 2048;

  /** Heap chunks for {@link #flatReluBackward}, reused by each thread. */
  private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[2][CHUNK]);

  private static void reluBackward(FloatMemory in, FloatMemory gradient, FloatMemory out) {
    if (in.dense() && in.sameLayout(gradient) && in.sameLayout(out)) {
      flatReluBackward(in.bits(), gradient.bits(), out.bits());
      return;
    }
    int rank = in.shape().length;
    int[] size = new int[4];
    int[][] strides = new int[3][4];
    FloatMemory[] arrays = {in, gradient, out};
    for (int d = 0; d < 4; d++) {
      int from = d - (4 - rank); // right-aligned: missing leading dimensions have size 1
      size[d] = from < 0 ? 1 : in.size(from);
      for (int a = 0; a < 3; a++) {
        strides[a][d] = from < 0 ? 0 : arrays[a].stride(from);
      }
    }
    FloatBuffer x = in.data();
    FloatBuffer g = gradient.data();
    FloatBuffer z = out.data();
    int[] xs = strides[0];
    int[] gs = strides[1];
    int[] zs = strides[2];
    for (int i0 = 0; i0 < size[0]; i0++) {
      for (int i1 = 0; i1 < size[1]; i1++) {
        for (int i2 = 0; i2 < size[2]; i2++) {
          int xi = i0 * xs[0] + i1 * xs[1] + i2 * xs[2];
          int gi = i0 * gs[0] + i1 * gs[1] + i2 * gs[2];
          int zi = i0 * zs[0] + i1 * zs[1] + i2 * zs[2];
          for (int i3 = 0; i3 < size[3]; i3++, xi += xs[3], gi += gs[3], zi += zs[3]) {
            z.put(zi, x.get(xi) > 0f ? g.get(gi) : 0f); // libnd4j's RELUDerivative: x > 0 ? y : 0
          }
        }
      }
    }
  }

  /**
   * {@code relu_bp} over three arrays of one dense layout (a dense layer's activations and gradients),
   * place by place over their memory (an elementwise op: the order is free), a chunk at a time through
   * heap arrays, where C2 vectorises the loop (a direct buffer's get and put it does not), on the floats'
   * bits without a branch (signs are random: a branch mispredicts every other element): {@code x > 0f}
   * holds exactly for the bits of +0 < x <= +infinity, that is {@code 1 <= bits <= 0x7f800000} as a
   * signed int (negative floats, -0 and +0 and every NaN fall outside); the result is the gradient's bits
   * or +0's, as libnd4j's.
   */
  private static void flatReluBackward(IntBuffer x, IntBuffer g, IntBuffer z) {
    int length = x.capacity();
    int[][] scratch = SCRATCH.get();
    int[] xs = scratch[0];
    int[] gs = scratch[1];
    for (int from = 0; from < length; from += CHUNK) {
      int n = Math.min(CHUNK, length - from);
      x.get(from, xs, 0, n);
      g.get(from, gs, 0, n);
      for (int i = 0; i < n; i++) {
        int t = xs[i] - 1; // in [0, 0x7f7fffff] exactly when x > 0f
        gs[i] &= ~((t | (0x7f7fffff - t)) >> 31);
      }
      z.put(from, gs, 0, n);
    }
  }
}
