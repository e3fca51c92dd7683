package dev.hyp.runtime.dl4j.nd4j;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.api.shape.Shape;

/**
 * A float matrix copied into the other order (f to c or c to f) in Java, in cache-sized blocks,
 * instead of by libnd4j's element-wise {@code assign}. DL4J's dense layer makes one such copy per
 * layer twice per training step: {@code BaseNDArray.mmuli} computes its product into a temporary
 * f-order array and assigns it to the layer's c-order activations, and libnd4j's assign across
 * orders took as long as the product itself (16% of a 50,000-row MLP trial's native time,
 * docs/performance.md "Real sizes"). A copy is exact, so the result is the same to the bit.
 *
 * <p>It takes an {@link Assign} of one whole, contiguous 2-D float array into another of the same
 * shape and the other order, both without offset or view, neither a row or column (whose copy is
 * a plain one); everything else stays with libnd4j.
 */
final class TransposeCopy {
  /** Larger copies go to libnd4j: the per-thread scratch arrays stay within 2 x 4 MB. */
  static final long MAX_LENGTH = 1 << 20;
  private static final int BLOCK = 16;

  private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

  private TransposeCopy() {}

  /** Whether {@code op} is an assign this class copies. */
  static boolean applies(Op op) {
    if (op.getClass() != Assign.class || op.y() != null) {
      return false;
    }
    INDArray from = op.x();
    INDArray to = op.z();
    return from != null && to != null && from != to && plain(from) && plain(to) && from.ordering() != to.ordering()
        && from.size(0) == to.size(0) && from.size(1) == to.size(1) && from.length() <= MAX_LENGTH;
  }

  private static boolean plain(INDArray a) {
    return a.rank() == 2 && a.size(0) > 1 && a.size(1) > 1 && a.dataType() == DataType.FLOAT && !a.isView() && !a.isEmpty() && a.offset() == 0
        && (a.ordering() == 'c' || a.ordering() == 'f') && Shape.hasDefaultStridesForShape(a);
  }

  /** Copies {@code op}'s x into its z; {@link #applies} must hold. */
  static void run(Op op) {
    INDArray from = op.x();
    INDArray to = op.z();
    int rows = (int) from.size(0);
    int columns = (int) from.size(1);
    // in memory, the source is a c-order p x q matrix and the target its transpose
    int p = from.ordering() == 'c' ? rows : columns;
    int q = from.ordering() == 'c' ? columns : rows;
    int n = p * q;
    float[][] scratch = SCRATCH.get();
    if (scratch[0].length < n) {
      scratch[0] = new float[n];
      scratch[1] = new float[n];
    }
    float[] in = scratch[0];
    float[] out = scratch[1];
    floats(from).get(in, 0, n);
    for (int i0 = 0; i0 < p; i0 += BLOCK) {
      int i1 = Math.min(p, i0 + BLOCK);
      for (int j0 = 0; j0 < q; j0 += BLOCK) {
        int j1 = Math.min(q, j0 + BLOCK);
        for (int j = j0; j < j1; j++) {
          int row = j * p;
          for (int i = i0; i < i1; i++) {
            out[row + i] = in[i * q + j];
          }
        }
      }
    }
    floats(to).put(out, 0, n);
  }

  private static FloatPointer floats(INDArray a) {
    Pointer address = a.data().addressPointer();
    return address instanceof FloatPointer f ? f : new FloatPointer(address);
  }
}
