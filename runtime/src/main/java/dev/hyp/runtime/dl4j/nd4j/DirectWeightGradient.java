package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stride-1 convolution's weight and bias gradients from its input and the pre-activation's gradient
 * ({@code delta}), one image at a time: {@code [dW | dB] += delta_b x [X_b ; 1]^T}, one OpenBLAS product
 * per image, where {@code delta_b} is the image's {@code [out, oH * oW]} block of the c-order delta as it
 * lies in memory and {@code X_b} the image's input channels shifted by each kernel place (0 in the padding),
 * one row per {@code (channel, kernel row, kernel column)}, with a row of ones for the bias. For the 28x28
 * CNN's first layer (1 channel in, 16 out, 3x3, batch 64) DL4J's im2col path costs the columns
 * (gathered place by place), a permuted copy of the delta into {@code [out, batch * oH * oW]}, one
 * 16 x 9 x 50,176 product that OpenBLAS runs far below its peak and libnd4j's sequential row sum for the
 * bias (docs/performance.md, "The 28x28 CNN (twelfth session)"); here the shifted rows are whole row
 * copies, the delta is not moved, and the bias comes out of the same product.
 *
 * <p>Not the bits of the im2col path (the products sum in another order): used only where the layer's
 * gradients are already not DL4J's bits (the oneDNN build, {@code dl4j.OpConvolution}). One instance per
 * layer: it keeps its scratch memory between calls.
 */
public final class DirectWeightGradient {
  private float[] padded = new float[0]; // one image's input channels, zero around them, each pH x pW
  private float[] shifted = new float[0]; // X_b with its row of ones, on the heap
  private float[] source = new float[0];
  private FloatPointer rows; // X_b in native memory, for OpenBLAS
  private FloatPointer product; // [out, places + 1]: the weights' and the bias's gradient
  private int[] geometry = new int[0]; // the padded plane's: where its inside lies

  /**
   * Writes the gradients into {@code weightGradient} ({@code [out, in, kH, kW]}, dense c order) and
   * {@code biasGradient} (null for none, else {@code out} dense floats in any shape). Returns false, having
   * done nothing, unless all are float arrays, {@code input} ({@code [b, in, h, w]}) has contiguous image
   * rows one after the other, {@code delta} ({@code [b, out, oH, oW]}) is c order within each image, and
   * the output is what stride 1 gives with these paddings ({@code oH = h + padTop + padBottom - kH + 1},
   * both paddings non-negative, the same across).
   */
  public boolean compute(INDArray input, INDArray delta, int kH, int kW, int padTop, int padLeft,
      INDArray weightGradient, INDArray biasGradient) {
    FloatMemory in = FloatMemory.of(input);
    FloatMemory d = FloatMemory.of(delta);
    FloatMemory w = FloatMemory.of(weightGradient);
    FloatMemory bias = biasGradient == null ? null : FloatMemory.of(biasGradient);
    if (!planes(in) || !planes(d) || w == null || !w.dense() || w.shape().length != 4 || !cOrder(w)
        || (biasGradient != null && (bias == null || !bias.dense())) || in.size(0) != d.size(0)) {
      return false;
    }
    int batch = in.size(0);
    int channels = in.size(1);
    int h = in.size(2);
    int wd = in.size(3);
    int filters = d.size(1);
    int oH = d.size(2);
    int oW = d.size(3);
    int k = oH * oW;
    int padBottom = oH + kH - 1 - h - padTop;
    int padRight = oW + kW - 1 - wd - padLeft;
    if (padTop < 0 || padLeft < 0 || padBottom < 0 || padRight < 0 || w.size(0) != filters
        || w.size(1) != channels || w.size(2) != kH || w.size(3) != kW
        || (bias != null && biasGradient.length() != filters) || (filters > 1 && d.stride(1) != k)) {
      return false;
    }
    int pH = oH + kH - 1;
    int pW = oW + kW - 1;
    int places = channels * kH * kW;
    long rowsSize = (long) (places + 1) * k;
    if ((long) channels * pH * pW > Integer.MAX_VALUE || rowsSize > Integer.MAX_VALUE) {
      return false;
    }
    scratch(new int[] {channels, h, wd, pH, pW, padTop, padLeft}, (int) rowsSize, filters * (places + 1));
    Arrays.fill(shifted, places * k, (places + 1) * k, 1f);
    FloatBuffer rowsBuffer = rows.asBuffer();
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        in.data().get(b * in.stride(0) + c * in.stride(1), source, 0, h * wd);
        int plane = c * pH * pW;
        for (int y = 0; y < h; y++) {
          System.arraycopy(source, y * wd, padded, plane + (y + padTop) * pW + padLeft, wd);
        }
        for (int kh = 0; kh < kH; kh++) {
          for (int kw = 0; kw < kW; kw++) {
            int row = ((c * kH + kh) * kW + kw) * k;
            for (int y = 0; y < oH; y++) {
              System.arraycopy(padded, plane + (y + kh) * pW + kw, shifted, row + y * oW, oW);
            }
          }
        }
      }
      rowsBuffer.put(0, shifted, 0, (int) rowsSize);
      openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
          openblas_nolapack.CblasTrans, filters, places + 1, k, 1f, new At(d.address() + 4L * b * d.stride(0)), k,
          rows, k, b == 0 ? 0f : 1f, product, places + 1);
    }
    float[] sums = new float[filters * (places + 1)];
    product.asBuffer().get(0, sums);
    float[] weights = new float[filters * places];
    float[] biases = new float[filters];
    for (int f = 0; f < filters; f++) {
      System.arraycopy(sums, f * (places + 1), weights, f * places, places);
      biases[f] = sums[f * (places + 1) + places];
    }
    w.data().put(0, weights);
    if (bias != null) {
      bias.data().put(0, biases);
    }
    return true;
  }

  /** Grows the scratch arrays; the padded planes' border stays 0 while the geometry does (only the inside is written). */
  private void scratch(int[] geometry, int rowsSize, int productSize) {
    if (!Arrays.equals(geometry, this.geometry)) {
      padded = new float[geometry[0] * geometry[3] * geometry[4]];
      this.geometry = geometry;
    }
    int sourceSize = geometry[1] * geometry[2];
    if (shifted.length < rowsSize) {
      shifted = new float[rowsSize];
      rows = new FloatPointer(rowsSize);
    }
    if (source.length < sourceSize) {
      source = new float[sourceSize];
    }
    if (product == null || product.capacity() < productSize) {
      product = new FloatPointer(productSize);
    }
  }

  /** Rank 4, each image plane's rows contiguous and one after the other. */
  private static boolean planes(FloatMemory a) {
    return a != null && a.shape().length == 4 && (a.size(3) == 1 || a.stride(3) == 1)
        && (a.size(2) == 1 || a.stride(2) == a.size(3));
  }

  /** A dense rank-4 array in c order. */
  private static boolean cOrder(FloatMemory a) {
    long expected = 1;
    for (int dim = 3; dim >= 0; dim--) {
      if (a.size(dim) != 1 && a.stride(dim) != expected) {
        return false;
      }
      expected *= a.size(dim);
    }
    return true;
  }

  /** Memory owned elsewhere (ND4J's buffer), from {@code address}: nothing to free. */
  private static final class At extends FloatPointer {
    At(long address) {
      super((Pointer) null);
      this.address = address;
    }
  }
}
