package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling over windows that do not overlap (kernel = stride, no padding, no dilation) on
 * channels-first floats, as libnd4j 1.0.0-M2.1's {@code maxpool2d} and {@code maxpool2d_bp} compute
 * it, but with the forward pass recording each window's arg-max so that the backward pass only
 * scatters. libnd4j's backward pass searches every window again.
 *
 * <p>libnd4j's semantics, kept to the bit: a window's maximum starts at {@code -3.402823e+38f}
 * ({@link #START}, two ulps above {@code -Float.MAX_VALUE}) and takes an element when {@code v > max},
 * by kernel row, then column, over the window clipped to the image: NaN is never taken, and of equal
 * elements (0 and -0 too) the first wins. The backward pass adds each output gradient onto 0 at that
 * element (the window's first when none was taken); with windows that do not overlap each element gets
 * at most one, so it is {@code 0f + gradient} there (-0 becomes +0) and +0 elsewhere.
 *
 * <p>Each image plane goes through a small heap array (one bulk read or write), so that the loops run
 * without a bounds-checked buffer call per element.
 */
public final class MaxPooling {
  private MaxPooling() {}

  /** libnd4j's starting maximum: {@code -3.402823e+38f}, bits {@code 0xff7ffffd}. */
  static final float START = Float.intBitsToFloat(0xff7ffffd);

  /**
   * {@code output[b, c, oh, ow]} = the maximum of {@code input}'s window {@code (oh, ow)} of
   * {@code k[0] x k[1]} (stride the same), and its place in the window ({@code row * k[1] + column})
   * into {@code argMax} (one byte per output element, in the output's c order). Returns false, having
   * done nothing, unless both are float arrays whose image rows are contiguous ({@code [.., .., h, w]}
   * with w's stride 1 and h's the width), the window has at most 127 places, and the output's size
   * fits the windows. {@code argMax} null: the maximum alone.
   */
  public static boolean forward(INDArray input, int[] k, INDArray output, byte[] argMax) {
    FloatMemory in = FloatMemory.of(input);
    FloatMemory out = FloatMemory.of(output);
    if (!planes(in) || !planes(out) || in.size(0) != out.size(0) || in.size(1) != out.size(1)
        || k[0] * k[1] > 127 || !fits(in, out, k) || (argMax != null && argMax.length < output.length())) {
      return false;
    }
    int iH = in.size(2);
    int iW = in.size(3);
    int oH = out.size(2);
    int oW = out.size(3);
    float[] plane = new float[iH * iW];
    float[] pooled = new float[oH * oW];
    byte[] at = new byte[oH * oW];
    int p = 0;
    for (int b = 0; b < in.size(0); b++) {
      for (int c = 0; c < in.size(1); c++, p++) {
        in.data().get(b * in.stride(0) + c * in.stride(1), plane);
        if (k[0] == 2 && k[1] == 2) {
          pool2x2(plane, iH, iW, pooled, at, oH, oW);
        } else {
          pool(plane, iH, iW, k, pooled, at, oH, oW);
        }
        out.data().put(b * out.stride(0) + c * out.stride(1), pooled);
        if (argMax != null) {
          System.arraycopy(at, 0, argMax, p * at.length, at.length);
        }
      }
    }
    return true;
  }

  /**
   * The input's gradient from the output's ({@code epsilon}) and the forward pass's {@code argMax}
   * into {@code inputGradient} (every element written): the backward pass of {@link #forward} with
   * the same windows. Returns false, having done nothing, under the same conditions as {@link #forward}.
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

  /** One plane, windows of 2 x 2 (the common case), the running maximum as libnd4j's, unrolled. */
  private static void pool2x2(float[] x, int iH, int iW, float[] pooled, byte[] at, int oH, int oW) {
    int o = 0;
    for (int oh = 0; oh < oH; oh++) {
      int r0 = 2 * oh * iW;
      boolean twoRows = 2 * oh + 1 < iH;
      for (int ow = 0; ow < oW; ow++, o++) {
        int i = r0 + 2 * ow;
        if (!twoRows || 2 * ow + 1 >= iW) {
          window(x, iW, Math.min(2, iH - 2 * oh), Math.min(2, iW - 2 * ow), i, 2, pooled, at, o);
          continue;
        }
        float m = START;
        int place = 0;
        float v = x[i];
        if (v > m) {
          m = v;
        }
        v = x[i + 1];
        if (v > m) {
          m = v;
          place = 1;
        }
        v = x[i + iW];
        if (v > m) {
          m = v;
          place = 2;
        }
        v = x[i + iW + 1];
        if (v > m) {
          m = v;
          place = 3;
        }
        pooled[o] = m;
        at[o] = (byte) place;
      }
    }
  }

  /** One plane, any window size. */
  private static void pool(float[] x, int iH, int iW, int[] k, float[] pooled, byte[] at, int oH, int oW) {
    int o = 0;
    for (int oh = 0; oh < oH; oh++) {
      for (int ow = 0; ow < oW; ow++, o++) {
        window(x, iW, Math.min(k[0], iH - oh * k[0]), Math.min(k[1], iW - ow * k[1]), oh * k[0] * iW + ow * k[1], k[1],
            pooled, at, o);
      }
    }
  }

  /** The window of {@code rows x cols} (clipped) from {@code first}; places counted in rows of {@code kW}. */
  private static void window(float[] x, int iW, int rows, int cols, int first, int kW, float[] pooled, byte[] at,
      int o) {
    float m = START;
    int place = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float v = x[first + r * iW + c];
        if (v > m) {
          m = v;
          place = r * kW + c;
        }
      }
    }
    pooled[o] = m;
    at[o] = (byte) place;
  }
}
