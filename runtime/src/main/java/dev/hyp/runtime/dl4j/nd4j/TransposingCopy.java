package dev.hyp.runtime.dl4j.nd4j;

import java.nio.IntBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;

/**
 * ND4J's {@code assign} of a dense f-order float matrix into a dense c-order one, in Java. ND4J's
 * {@code BaseNDArray.mmuli} computes every product for a c-order result (a dense layer's
 * pre-activation, forward and in validation) into an f-order temporary and then assigns it: libnd4j's
 * generic build copies that with its per-element index arithmetic. Here the floats' bits are read into
 * a heap array, transposed in tiles and written back: a copy, so the same bits.
 *
 * <p>Only that case is taken: two distinct rank-2 float arrays of one shape, the source with strides
 * {@code [1, rows]}, the destination {@code [cols, 1]}, neither with gaps, not overlapping. Anything
 * else is left to libnd4j. {@link PooledContextExecutioner} asks it first for legacy ops, unless
 * {@code -Dhyp.nd4j.libnd4jAssign=true} ({@link Nd4jPatches.Patch#TRANSPOSING_COPY}).
 */
final class TransposingCopy {
  private TransposingCopy() {}

  /** The tile's side: two tiles of ints stay in the first-level cache. */
  private static final int TILE = 32;

  /** Heap copies reused by each thread. */
  private static final ThreadLocal<int[][]> SCRATCH = ThreadLocal.withInitial(() -> new int[2][0]);

  /** The copy {@code op} asks for when it is the f-to-c float assign; null when libnd4j must run it. */
  static Runnable of(Op op) {
    if (!(op instanceof Assign) || op.y() != null) {
      return null;
    }
    INDArray from = op.x();
    INDArray to = op.z();
    if (from == null || to == null || from == to || from.rank() != 2 || to.rank() != 2
        || from.dataType() != DataType.FLOAT || to.dataType() != DataType.FLOAT
        || from.size(0) != to.size(0) || from.size(1) != to.size(1)) {
      return null;
    }
    long rows = from.size(0);
    long cols = from.size(1);
    if (rows < 2 || cols < 2 || from.stride(0) != 1 || from.stride(1) != rows || to.stride(0) != cols
        || to.stride(1) != 1 || rows * cols > Integer.MAX_VALUE) {
      return null;
    }
    FloatMemory source = FloatMemory.of(from);
    FloatMemory target = FloatMemory.of(to);
    if (source == null || target == null || !source.dense() || !target.dense()) {
      return null;
    }
    long bytes = 4 * rows * cols;
    if (source.address() < target.address() + bytes && target.address() < source.address() + bytes) {
      return null; // overlapping memory: declined, libnd4j's own op runs it
    }
    return () -> copy(source.bits(), target.bits(), (int) rows, (int) cols);
  }

  private static void copy(IntBuffer source, IntBuffer target, int rows, int cols) {
    int n = rows * cols;
    int[][] scratch = SCRATCH.get();
    if (scratch[0].length < n) {
      scratch[0] = new int[n];
      scratch[1] = new int[n];
    }
    int[] f = scratch[0];
    int[] c = scratch[1];
    source.get(0, f, 0, n);
    for (int r0 = 0; r0 < rows; r0 += TILE) {
      int r1 = Math.min(rows, r0 + TILE);
      for (int k0 = 0; k0 < cols; k0 += TILE) {
        int k1 = Math.min(cols, k0 + TILE);
        for (int r = r0; r < r1; r++) {
          int out = r * cols;
          for (int k = k0; k < k1; k++) {
            c[out + k] = f[r + k * rows];
          }
        }
      }
    }
    target.put(0, c, 0, n);
  }
}
