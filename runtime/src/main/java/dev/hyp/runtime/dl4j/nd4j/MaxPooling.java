package dev.hyp.runtime.dl4j.nd4j;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backward pass of max pooling over windows that do not overlap (kernel = stride, no padding, no
 * dilation) on channels-first floats, as libnd4j 1.0.0-M2.1's {@code maxpool2d_bp} computes it, in two
 * parts: after the forward pass (libnd4j's {@code maxpool2d}), each window's arg-max from its input
 * and output; in the backward pass, the output gradient scattered there. libnd4j's backward pass
 * searches every window again with a compare that branches on every element (3.8 ms a call at the
 * 28x28 CNN's first pooling layer, batch 64 x 16 channels, against 0.6 ms for the scatter).
 *
 * <p>libnd4j's semantics, kept to the bit: a window's maximum starts at {@code -3.402823e+38f}
 * ({@link #START}, two ulps above {@code -Float.MAX_VALUE}) and takes an element when {@code v > max},
 * by kernel row, then column, over the window clipped to the image: NaN is never taken, and of equal
 * elements (0 and -0 too) the first wins. The backward pass adds each output gradient onto 0 at that
 * element (the window's first when none was taken); with windows that do not overlap each element gets
 * at most one, so it is {@code 0f + gradient} there (-0 becomes +0) and +0 elsewhere.
 *
 * <p>Each image plane goes through a small heap array (one bulk read or write), so that the loops run
 * without a bounds-checked buffer call per element. (A forward pass in Java, with the running maximum
 * as branches or as branch-free masks on order-preserving int keys, was 3-5x slower than libnd4j's.)
 */
public final class MaxPooling {
  private MaxPooling() {}

  /** libnd4j's starting maximum: {@code -3.402823e+38f}, bits {@code 0xff7ffffd}. */
  static final float START = Float.intBitsToFloat(0xff7ffffd);

  /**
   * Each window's arg-max, given {@code output}, libnd4j's {@code maxpool2d} of {@code input} with
   * windows of {@code k[0] x k[1]} (stride the same): its place in the window ({@code row * k[1] +
   * column}) into {@code argMax}, one byte per output element in the output's c order. The element
   * libnd4j's running maximum takes is the window's first equal to the maximum ({@code ==}: -0 and
   * +0 alike; a NaN is never the maximum): an earlier equal one would have been taken instead, and a
   * later one is not greater. When nothing was taken (the maximum is {@link #START}) it is the window's
   * first. On the oneDNN build {@code output} is oneDNN's ({@link NativeBuild#ONEDNN_OPS}): the same maximum, so
   * the same element, but in a window that holds a NaN (by then the network's outputs are NaN anyway). Returns
   * false, having done nothing, unless both are float arrays whose image rows are
   * contiguous ({@code [.., .., h, w]} with w's stride 1 and h's the width), the window has at most 127
   * places, and the output's size fits the windows.
   */
  public static boolean argMax(INDArray input, int[] k, INDArray output, byte[] argMax) {
    FloatMemory in = FloatMemory.of(input);
    FloatMemory out = FloatMemory.of(output);
    if (!planes(in) || !planes(out) || in.size(0) != out.size(0) || in.size(1) != out.size(1)
        || k[0] * k[1] > 127 || !fits(in, out, k) || argMax.length < output.length()) {
      return false;
    }
    int iH = in.size(2);
    int iW = in.size(3);
    int oH = out.size(2);
    int oW = out.size(3);
    float[] plane = new float[iH * iW];
    float[] pooled = new float[oH * oW];
    int p = 0;
    for (int b = 0; b < in.size(0); b++) {
      for (int c = 0; c < in.size(1); c++, p++) {
        in.data().get(b * in.stride(0) + c * in.stride(1), plane);
        out.data().get(b * out.stride(0) + c * out.stride(1), pooled);
        int from = p * pooled.length;
        int o = 0;
        for (int oh = 0; oh < oH; oh++) {
          int rows = Math.min(k[0], iH - oh * k[0]);
          for (int ow = 0; ow < oW; ow++, o++) {
            int first = oh * k[0] * iW + ow * k[1];
            int cols = Math.min(k[1], iW - ow * k[1]);
            argMax[from + o] = (byte) (rows == 2 && cols == 2 && k[1] == 2
                ? place2x2(plane, first, iW, pooled[o]) : place(plane, first, iW, rows, cols, k[1], pooled[o]));
          }
        }
      }
    }
    return true;
  }

  /**
   * The input's gradient from the output's ({@code epsilon}) and the forward pass's {@code argMax}
   * into {@code inputGradient} (every element written): libnd4j's {@code maxpool2d_bp} with
   * the same windows. Returns false, having done nothing, under the same conditions as {@link #argMax}.
   */
  public static boolean backward(INDArray epsilon, byte[] argMax, int[] k, INDArray inputGradient) {
    FloatMemory eps = FloatMemory.of(epsilon);
    FloatMemory in = FloatMemory.of(inputGradient);
    if (!planes(in) || !planes(eps) || in.size(0) != eps.size(0) || in.size(1) != eps.size(1)
        || k[0] * k[1] > 127 || !fits(in, eps, k) || argMax.length < epsilon.length()) {
      return false;
    }
    int iH = in.size(2);
    int iW = in.size(3);
    int oH = eps.size(2);
    int oW = eps.size(3);
    float[] plane = new float[iH * iW];
    float[] gradient = new float[oH * oW];
    int p = 0;
    for (int b = 0; b < in.size(0); b++) {
      for (int c = 0; c < in.size(1); c++, p++) {
        eps.data().get(b * eps.stride(0) + c * eps.stride(1), gradient);
        Arrays.fill(plane, 0f);
        int o = 0;
        int from = p * gradient.length;
        for (int oh = 0; oh < oH; oh++) {
          for (int ow = 0; ow < oW; ow++, o++) {
            int place = argMax[from + o];
            plane[(oh * k[0] + place / k[1]) * iW + ow * k[1] + place % k[1]] = 0f + gradient[o];
          }
        }
        in.data().put(b * in.stride(0) + c * in.stride(1), plane);
      }
    }
    return true;
  }

  /** Rank 4, each image plane's rows contiguous and one after the other. */
  private static boolean planes(FloatMemory a) {
    return a != null && a.shape().length == 4 && (a.size(3) == 1 || a.stride(3) == 1)
        && (a.size(2) == 1 || a.stride(2) == a.size(3));
  }

  /** Every output window starts inside the image (windows clipped at the far edges, as libnd4j's). */
  private static boolean fits(FloatMemory in, FloatMemory out, int[] k) {
    return out.size(2) > 0 && out.size(3) > 0 && (out.size(2) - 1) * k[0] < in.size(2)
        && (out.size(3) - 1) * k[1] < in.size(3);
  }

  /** The place of {@code max} in the 2 x 2 window from {@code i}: int selects on float compares, no branch to mispredict. */
  private static int place2x2(float[] x, int i, int iW, float max) {
    int p = x[i + iW] == max ? 2 : 3;
    p = x[i + 1] == max ? 1 : p;
    p = x[i] == max ? 0 : p;
    return max == START ? 0 : p;
  }

  /** The same for any window ({@code rows x cols}, clipped; places in rows of {@code kW}), from its last place back. */
  private static int place(float[] x, int first, int iW, int rows, int cols, int kW, float max) {
    if (max == START) {
      return 0;
    }
    int p = 0;
    for (int r = rows - 1; r >= 0; r--) {
      for (int c = cols - 1; c >= 0; c--) {
        p = x[first + r * iW + c] == max ? r * kW + c : p;
      }
    }
    return p;
  }
}
