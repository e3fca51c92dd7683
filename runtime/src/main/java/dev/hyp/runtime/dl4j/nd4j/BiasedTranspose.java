package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer's f-order product copied into its c-order pre-activation with the bias added on the way, in
 * Java: what DL4J's {@code preOutput} does in two ND4J ops after the product ({@code BaseNDArray.mmuli}'s
 * {@code assign} of its f-order temporary into the c-order result, then {@code addiRowVector(b)}, libnd4j's
 * broadcast add), in one pass over the memory. Each element is {@code product + bias} in float, the same
 * addition as libnd4j's broadcast ({@code x + y}), so the same bits.
 *
 * <p>Public for hyp's dense and output layers ({@code dl4j.BiasedPreOutput}); the switch is theirs
 * ({@code -Dhyp.dl4j.separateBiasAdd=true}).
 */
public final class BiasedTranspose {
  private BiasedTranspose() {}

  /** Heap copies reused by each thread: the product, the result and the bias. */
  private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[3][0]);

  /**
   * Writes {@code product + bias} (a row vector added to every row) into {@code result} and returns true
   * when {@code product} is a dense f-order float matrix, {@code result} a distinct dense c-order float
   * matrix of its shape and {@code bias} a dense float vector of one value per column, none overlapping
   * {@code result}; returns false, having written nothing, otherwise.
   */
  public static boolean add(INDArray product, INDArray bias, INDArray result) {
    if (product.rank() != 2 || result.rank() != 2 || product.dataType() != DataType.FLOAT
        || result.dataType() != DataType.FLOAT || bias.dataType() != DataType.FLOAT) {
      return false;
    }
    long rows = product.size(0);
    long cols = product.size(1);
    if (rows < 2 || cols < 2 || result.size(0) != rows || result.size(1) != cols || bias.length() != cols
        || product.stride(0) != 1 || product.stride(1) != rows || result.stride(0) != cols
        || result.stride(1) != 1 || rows * cols > Integer.MAX_VALUE) {
      return false;
    }
    FloatMemory from = FloatMemory.of(product);
    FloatMemory to = FloatMemory.of(result);
    FloatMemory b = FloatMemory.of(bias);
    if (from == null || to == null || b == null || !from.dense() || !to.dense() || !b.dense()
        || overlap(to, from) || overlap(to, b)) {
      return false;
    }
    add(from.data(), b.data(), to.data(), (int) rows, (int) cols);
    return true;
  }

  private static boolean overlap(FloatMemory a, FloatMemory b) {
    return a.address() < b.address() + 4L * b.data().capacity() && b.address() < a.address() + 4L * a.data().capacity();
  }

  private static void add(FloatBuffer product, FloatBuffer bias, FloatBuffer result, int rows, int cols) {
    int n = rows * cols;
    float[][] scratch = SCRATCH.get();
    if (scratch[0].length < n) {
      scratch[0] = new float[n];
      scratch[1] = new float[n];
    }
    if (scratch[2].length < cols) {
      scratch[2] = new float[cols];
    }
    float[] f = scratch[0];
    float[] c = scratch[1];
    float[] b = scratch[2];
    product.get(0, f, 0, n);
    bias.get(0, b, 0, cols);
    transposeAdding(f, b, c, rows, cols);
    result.put(0, c, 0, n);
  }

  /**
   * {@code c[r][k] = f[k][r] + b[k]} for the column-major {@code f} and row-major {@code c}: four columns at
   * a time, down the rows, so that four reads run along memory and each row's four writes share a cache
   * line (about 35% faster than a square-tiled transpose here).
   */
  static void transposeAdding(float[] f, float[] b, float[] c, int rows, int cols) {
    int k = 0;
    for (; k + 4 <= cols; k += 4) {
      float b0 = b[k];
      float b1 = b[k + 1];
      float b2 = b[k + 2];
      float b3 = b[k + 3];
      int i0 = k * rows;
      int i1 = i0 + rows;
      int i2 = i1 + rows;
      int i3 = i2 + rows;
      for (int r = 0; r < rows; r++) {
        int o = r * cols + k;
        c[o] = f[i0 + r] + b0;
        c[o + 1] = f[i1 + r] + b1;
        c[o + 2] = f[i2 + r] + b2;
        c[o + 3] = f[i3 + r] + b3;
      }
    }
    for (; k < cols; k++) {
      float bk = b[k];
      int in = k * rows;
      for (int r = 0; r < rows; r++) {
        c[r * cols + k] = f[in + r] + bk;
      }
    }
  }
}
