package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;

/**
 * libnd4j's {@code maxpool2d} and {@code maxpool2d_bp} on float arrays, in Java, writing the same
 * values into the same arrays. DL4J's subsampling layer runs them on a convolution's activation, a
 * permuted view (channels last in memory); libnd4j 1.0.0-M2.1 walks it in its generic loop, a sixth of
 * a small CNN's native time. Here each image is read into a heap array in one bulk transfer where its
 * memory allows, and the windows are scanned there.
 *
 * <p>The same bits, because the same comparisons are made in the same order: a window's maximum
 * starts at libnd4j's lowest float ({@link #START}) and takes an element when it is greater ({@code >}), by kernel row,
 * then kernel column, over the window clipped to the image; so a NaN is never taken and, of equal
 * elements (a ReLU's zeros, {@code 0} and {@code -0}), the first wins. The backward pass adds each
 * output gradient (onto 0) at the element the forward took, the window's first element when none was
 * greater, in output row then output column order for each image and channel, as libnd4j does.
 * Geometries with a window that misses the image altogether (padding as wide as the kernel), where
 * libnd4j writes outside its clipped window, are left to libnd4j.
 *
 * <p>{@link PooledContextExecutioner} asks it for each custom op unless {@code
 * -Dhyp.nd4j.libnd4jMaxPooling=true} ({@link Nd4jPatches.Patch#JAVA_MAX_POOLING}).
 */
final class JavaMaxPooling {
  /**
   * Where libnd4j's maximum starts: minus its largest float, written {@code 3.402823e+38f} there, two
   * steps below {@code Float.MAX_VALUE}. An all-NaN window (or one of -infinity and -MAX_VALUE) gives it.
   */
  static final float START = -3.402823e+38f;

  private JavaMaxPooling() {}

  /** The pooling {@code op} asks for when it is a float maxpool2d or maxpool2d_bp this class does; null otherwise. */
  static Runnable of(CustomOp op) {
    String name = op.opName();
    boolean forward = "maxpool2d".equals(name);
    if (!forward && !"maxpool2d_bp".equals(name) || op.isInplaceCall()) {
      return null;
    }
    List<INDArray> inputs = op.inputArguments();
    List<INDArray> outputs = op.outputArguments();
    long[] args = op.iArgs();
    if (inputs.size() != (forward ? 1 : 2) || outputs.size() != 1 || args.length < 9) {
      return null;
    }
    boolean nhwc = args.length > 10 && args[10] != 0;
    FloatMemory in = nchw(FloatMemory.of(inputs.get(0)), nhwc);
    FloatMemory gradOut = forward ? null : nchw(FloatMemory.of(inputs.get(1)), nhwc);
    FloatMemory out = nchw(FloatMemory.of(outputs.get(0)), nhwc);
    if (in == null || out == null || (!forward && gradOut == null)) {
      return null;
    }
    for (int i = 0; i < 9; i++) {
      if (args[i] < 0 || args[i] > 1 << 20) {
        return null;
      }
    }
    Windows windows = Windows.of((int) args[0], (int) args[1], (int) args[2], (int) args[3], (int) args[4],
        (int) args[5], (int) args[6], (int) args[7], args[8] != 0, in.size(2), in.size(3));
    if (windows == null) {
      return null;
    }
    FloatMemory pooled = forward ? out : gradOut;
    if (pooled.size(0) != in.size(0) || pooled.size(1) != in.size(1) || pooled.size(2) != windows.oH()
        || pooled.size(3) != windows.oW()) {
      return null;
    }
    if (forward) {
      return () -> forward(in, out, windows);
    }
    if (!java.util.Arrays.equals(out.shape(), in.shape())) {
      return null;
    }
    return () -> backward(in, gradOut, out, windows);
  }

  /** An NHWC array's memory seen as NCHW ({@code [b, h, w, c]} permuted to {@code [b, c, h, w]}). */
  private static FloatMemory nchw(FloatMemory memory, boolean nhwc) {
    if (memory == null || memory.shape().length != 4 || !nhwc) {
      return memory == null || memory.shape().length != 4 ? null : memory;
    }
    long[] s = memory.shape();
    long[] t = memory.stride();
    return new FloatMemory(memory.data(), new long[] {s[0], s[3], s[1], s[2]}, new long[] {t[0], t[3], t[1], t[2]});
  }

  /**
   * Each output row's and column's window, clipped to the image as libnd4j clips it: rows
   * {@code rowFrom[oh]} to {@code rowTo[oh]} (exclusive) in steps of dH, and likewise for columns.
   */
  record Windows(int oH, int oW, int dH, int dW, int[] rowFrom, int[] rowTo, int[] colFrom, int[] colTo) {

    /** libnd4j's output size and padding (SAME: computed from the output size), or null when a window is empty. */
    static Windows of(int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, boolean same, int iH, int iW) {
      if (kH < 1 || kW < 1 || sH < 1 || sW < 1 || dH < 1 || dW < 1) {
        return null;
      }
      int kHEff = kH + (kH - 1) * (dH - 1);
      int kWEff = kW + (kW - 1) * (dW - 1);
      int oH;
      int oW;
      if (same) {
        oH = (int) Math.ceil(iH * 1.0 / sH);
        oW = (int) Math.ceil(iW * 1.0 / sW);
        pH = ((oH - 1) * sH + kHEff - iH) / 2;
        pW = ((oW - 1) * sW + kWEff - iW) / 2;
      } else {
        oH = (iH - kHEff + 2 * pH) / sH + 1;
        oW = (iW - kWEff + 2 * pW) / sW + 1;
      }
      if (oH < 1 || oW < 1) { // SAME padding can come out negative (a kernel smaller than the stride): as in libnd4j
        return null;
      }
      int[][] rows = clip(oH, sH, pH, kHEff, dH, iH);
      int[][] cols = clip(oW, sW, pW, kWEff, dW, iW);
      return rows == null || cols == null ? null : new Windows(oH, oW, dH, dW, rows[0], rows[1], cols[0], cols[1]);
    }

    private static int[][] clip(int outSize, int stride, int pad, int kEff, int dilation, int inSize) {
      int[] from = new int[outSize];
      int[] to = new int[outSize];
      for (int o = 0; o < outSize; o++) {
        int start = o * stride - pad;
        int end = start + kEff;
        if (start < 0) {
          start += dilation * ((-start + dilation - 1) / dilation);
        }
        if (end > inSize) {
          end -= dilation * ((end - inSize + dilation - 1) / dilation);
        }
        if (start >= end || start >= inSize) {
          return null;
        }
        from[o] = start;
        to[o] = end;
      }
      return new int[][] {from, to};
    }
  }

  private static void forward(FloatMemory in, FloatMemory out, Windows w) {
    Image image = new Image(in);
    Image pooled = new Image(out);
    int batch = in.size(0);
    int channels = in.size(1);
    for (int b = 0; b < batch; b++) {
      float[] x = image.read(b);
      float[] z = pooled.plane(b);
      for (int c = 0; c < channels; c++) {
        for (int oh = 0; oh < w.oH(); oh++) {
          for (int ow = 0; ow < w.oW(); ow++) {
            float max = START;
            for (int ih = w.rowFrom()[oh]; ih < w.rowTo()[oh]; ih += w.dH()) {
              int row = c * image.s1 + ih * image.s2;
              for (int iw = w.colFrom()[ow]; iw < w.colTo()[ow]; iw += w.dW()) {
                float v = x[row + iw * image.s3];
                if (v > max) {
                  max = v;
                }
              }
            }
            z[c * pooled.s1 + oh * pooled.s2 + ow * pooled.s3] = max;
          }
        }
      }
      pooled.write(b, z);
    }
  }

  private static void backward(FloatMemory in, FloatMemory gradOut, FloatMemory gradIn, Windows w) {
    Image image = new Image(in);
    Image gradient = new Image(gradOut);
    Image result = new Image(gradIn);
    int batch = in.size(0);
    int channels = in.size(1);
    for (int b = 0; b < batch; b++) {
      float[] x = image.read(b);
      float[] g = gradient.read(b);
      float[] z = result.plane(b);
      java.util.Arrays.fill(z, 0f);
      for (int c = 0; c < channels; c++) {
        for (int oh = 0; oh < w.oH(); oh++) {
          for (int ow = 0; ow < w.oW(); ow++) {
            float max = START;
            int maxH = w.rowFrom()[oh];
            int maxW = w.colFrom()[ow];
            for (int ih = w.rowFrom()[oh]; ih < w.rowTo()[oh]; ih += w.dH()) {
              int row = c * image.s1 + ih * image.s2;
              for (int iw = w.colFrom()[ow]; iw < w.colTo()[ow]; iw += w.dW()) {
                float v = x[row + iw * image.s3];
                if (v > max) {
                  max = v;
                  maxH = ih;
                  maxW = iw;
                }
              }
            }
            z[c * result.s1 + maxH * result.s2 + maxW * result.s3] += g[c * gradient.s1 + oh * gradient.s2
                + ow * gradient.s3];
          }
        }
      }
      result.write(b, z);
    }
  }

  /**
   * One image of a [b, c, h, w] array at a time in a heap array, at {@link #s1}, {@link #s2}, {@link #s3}:
   * when the image's elements fill its block of memory (whatever their order), the block as it is, read
   * and written in one bulk transfer; otherwise (a view whose images interleave, or with gaps that a bulk
   * write would overwrite) in c order, element by element.
   */
  private static final class Image {
    private final FloatMemory memory;
    private final int span;
    private final boolean dense;
    private final float[] plane;
    final int s1;
    final int s2;
    final int s3;

    Image(FloatMemory memory) {
      this.memory = memory;
      int channels = memory.size(1);
      int h = memory.size(2);
      int w = memory.size(3);
      span = 1 + (channels - 1) * memory.stride(1) + (h - 1) * memory.stride(2) + (w - 1) * memory.stride(3);
      dense = span == channels * h * w;
      s1 = dense ? memory.stride(1) : h * w;
      s2 = dense ? memory.stride(2) : w;
      s3 = dense ? memory.stride(3) : 1;
      plane = new float[channels * h * w];
    }

    /** The heap array for image {@code b}, to fill. */
    float[] plane(int b) {
      return plane;
    }

    float[] read(int b) {
      FloatBuffer data = memory.data();
      int at = b * memory.stride(0);
      if (dense) {
        data.get(at, plane, 0, span);
        return plane;
      }
      int i = 0;
      for (int c = 0; c < memory.size(1); c++) {
        for (int h = 0; h < memory.size(2); h++) {
          int from = at + c * memory.stride(1) + h * memory.stride(2);
          for (int w = 0; w < memory.size(3); w++) {
            plane[i++] = data.get(from + w * memory.stride(3));
          }
        }
      }
      return plane;
    }

    void write(int b, float[] values) {
      FloatBuffer data = memory.data();
      int at = b * memory.stride(0);
      if (dense) {
        data.put(at, values, 0, span);
        return;
      }
      int i = 0;
      for (int c = 0; c < memory.size(1); c++) {
        for (int h = 0; h < memory.size(2); h++) {
          int to = at + c * memory.stride(1) + h * memory.stride(2);
          for (int w = 0; w < memory.size(3); w++) {
            data.put(to + w * memory.stride(3), values[i++]);
          }
        }
      }
    }
  }
}
