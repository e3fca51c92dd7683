package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;

/**
 * libnd4j's {@code im2col} and {@code col2im} on float arrays, in Java, writing the same values into
 * the same arrays. DL4J's convolution layer hands im2col a column array that is a permuted view
 * ({@code [batch, outH, outW, channels, kH, kW]} in memory, seen as {@code [batch, channels, kH, kW,
 * outH, outW]}); libnd4j 1.0.0-M2.1 fills it through a generic loop of six strided indices per
 * element, more than half of a small CNN's training time. Here the loops run in the order of the
 * column array's memory as DL4J lays it out, so the writes of im2col and the reads of col2im are
 * contiguous in the inner loop.
 *
 * <p>im2col only copies (each column element is one image element, or the padding value), so any
 * loop order gives the same array. col2im sums overlapping patches into each image element;
 * floating-point sums depend on their order, so it adds them in libnd4j's order for the layouts it
 * takes: per image element starting from 0, by kernel row, then kernel column (libnd4j's loop for a
 * column array whose strides do not fall from first to last dimension, which DL4J's always is). A
 * column array in plain c order, where libnd4j sums in another order, is left to libnd4j.
 *
 * <p>DL4J's column arrays, whose memory holds each image's columns in one block, go to {@link
 * ImageMajorColumns}, which does the same over heap arrays; the loops here take the other layouts.
 *
 * <p>{@link PooledContextExecutioner} asks it for each custom op unless {@code
 * -Dhyp.nd4j.libnd4jIm2col=true} ({@link Nd4jPatches.Patch#JAVA_IM2COL}).
 */
final class JavaIm2col {
  private JavaIm2col() {}

  /** The copy {@code op} asks for when it is a float im2col or col2im this class does; null when ND4J must run it. */
  static Runnable of(CustomOp op) {
    String name = op.opName();
    boolean im2col = "im2col".equals(name);
    if (!im2col && !"col2im".equals(name) || op.isInplaceCall()) {
      return null;
    }
    List<INDArray> inputs = op.inputArguments();
    List<INDArray> outputs = op.outputArguments();
    long[] args = op.iArgs();
    if (inputs.size() != 1 || outputs.size() != 1 || args.length < 8) {
      return null;
    }
    FloatMemory in = FloatMemory.of(inputs.get(0));
    FloatMemory out = FloatMemory.of(outputs.get(0));
    if (in == null || out == null || in.data().capacity() == 0 || out.data().capacity() == 0) {
      return null;
    }
    int[] a = new int[8];
    for (int i = 0; i < 8; i++) {
      if (args[i] < 0 || args[i] > Integer.MAX_VALUE) {
        return null;
      }
      a[i] = (int) args[i];
    }
    if (im2col) {
      double[] scalars = op.tArgs();
      float padValue = scalars.length > 0 ? (float) scalars[0] : 0f;
      return image2col(in, out, a, padValue);
    }
    return col2image(in, out, a);
  }

  /** iArgs kH, kW, sH, sW, pH, pW, dH, dW: image [b, c, iH, iW] into columns [b, c, kH, kW, oH, oW]. */
  private static Runnable image2col(FloatMemory image, FloatMemory col, int[] a, float padValue) {
    if (image.shape().length != 4 || col.shape().length != 6 || col.size(0) != image.size(0)
        || col.size(1) != image.size(1) || col.size(2) != a[0] || col.size(3) != a[1]) {
      return null;
    }
    if (ImageMajorColumns.fits(col)) {
      return () -> ImageMajorColumns.image2col(image, col, a[2], a[3], a[4], a[5], a[6], a[7], padValue);
    }
    return () -> image2col(image, col, a[2], a[3], a[4], a[5], a[6], a[7], padValue);
  }

  private static void image2col(FloatMemory image, FloatMemory col, int sH, int sW, int pH, int pW, int dH, int dW,
      float padValue) {
    FloatBuffer im = image.data();
    FloatBuffer out = col.data();
    int batch = col.size(0);
    int channels = col.size(1);
    int kH = col.size(2);
    int kW = col.size(3);
    int oH = col.size(4);
    int oW = col.size(5);
    int iH = image.size(2);
    int iW = image.size(3);
    int is0 = image.stride(0);
    int is1 = image.stride(1);
    int is2 = image.stride(2);
    int is3 = image.stride(3);
    int cs0 = col.stride(0);
    int cs1 = col.stride(1);
    int cs2 = col.stride(2);
    int cs3 = col.stride(3);
    int cs4 = col.stride(4);
    int cs5 = col.stride(5);
    for (int b = 0; b < batch; b++) {
      for (int oh = 0; oh < oH; oh++) {
        for (int ow = 0; ow < oW; ow++) {
          int colAt = b * cs0 + oh * cs4 + ow * cs5;
          for (int c = 0; c < channels; c++) {
            int imChannel = b * is0 + c * is1;
            for (int kh = 0; kh < kH; kh++) {
              int ih = oh * sH - pH + kh * dH;
              int colRow = colAt + c * cs1 + kh * cs2;
              if (ih < 0 || ih >= iH) {
                for (int kw = 0; kw < kW; kw++) {
                  out.put(colRow + kw * cs3, padValue);
                }
                continue;
              }
              int imRow = imChannel + ih * is2;
              int iw = ow * sW - pW;
              for (int kw = 0; kw < kW; kw++, iw += dW) {
                out.put(colRow + kw * cs3, iw < 0 || iw >= iW ? padValue : im.get(imRow + iw * is3));
              }
            }
          }
        }
      }
    }
  }

  /** iArgs sH, sW, pH, pW, iH, iW, dH, dW: columns [b, c, kH, kW, oH, oW] summed into the image [b, c, iH, iW]. */
  private static Runnable col2image(FloatMemory col, FloatMemory image, int[] a) {
    if (image.shape().length != 4 || col.shape().length != 6 || col.size(0) != image.size(0)
        || col.size(1) != image.size(1) || image.size(2) != a[4] || image.size(3) != a[5]) {
      return null;
    }
    if (ImageMajorColumns.fits(col)) {
      return () -> ImageMajorColumns.col2image(col, image, a[0], a[1], a[2], a[3], a[6], a[7]);
    }
    return () -> col2image(col, image, a[0], a[1], a[2], a[3], a[6], a[7]);
  }

  private static void col2image(FloatMemory col, FloatMemory image, int sH, int sW, int pH, int pW, int dH, int dW) {
    FloatBuffer in = col.data();
    FloatBuffer im = image.data();
    int batch = col.size(0);
    int channels = col.size(1);
    int kH = col.size(2);
    int kW = col.size(3);
    int oH = col.size(4);
    int oW = col.size(5);
    int iH = image.size(2);
    int iW = image.size(3);
    int is0 = image.stride(0);
    int is1 = image.stride(1);
    int is2 = image.stride(2);
    int is3 = image.stride(3);
    int cs0 = col.stride(0);
    int cs1 = col.stride(1);
    int cs2 = col.stride(2);
    int cs3 = col.stride(3);
    int cs4 = col.stride(4);
    int cs5 = col.stride(5);
    for (int b = 0; b < batch; b++) {
      for (int c = 0; c < channels; c++) {
        int imChannel = b * is0 + c * is1;
        for (int ih = 0; ih < iH; ih++) {
          for (int iw = 0; iw < iW; iw++) {
            im.put(imChannel + ih * is2 + iw * is3, 0f);
          }
        }
      }
      // libnd4j's order: output row, output column, channel, kernel row, kernel column; each image
      // element receives its terms by output row, then output column. It is also the order of DL4J's
      // column array's memory, so the reads are contiguous.
      for (int oh = 0; oh < oH; oh++) {
        for (int ow = 0; ow < oW; ow++) {
          int colAt = b * cs0 + oh * cs4 + ow * cs5;
          for (int c = 0; c < channels; c++) {
            int imChannel = b * is0 + c * is1;
            for (int kh = 0; kh < kH; kh++) {
              int ih = oh * sH - pH + kh * dH;
              if (ih < 0 || ih >= iH) {
                continue;
              }
              int imRow = imChannel + ih * is2;
              int colRow = colAt + c * cs1 + kh * cs2;
              int iw = ow * sW - pW;
              for (int kw = 0; kw < kW; kw++, iw += dW) {
                if (iw >= 0 && iw < iW) {
                  int at = imRow + iw * is3;
                  im.put(at, im.get(at) + in.get(colRow + kw * cs3));
                }
              }
            }
          }
        }
      }
    }
  }
}
