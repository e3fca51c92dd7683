package dev.hyp.runtime.dl4j.nd4j;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * {@link JavaIm2col}'s im2col and col2im for the column arrays DL4J's convolution layer uses, whose
 * memory is {@code [batch, outH, outW, channels, kH, kW]} in c order (seen as {@code [batch, channels,
 * kH, kW, outH, outW]}): each image's columns are one block of memory. One image at a time, the
 * image goes into a heap array with its padding written out around it, so that the copy's inner loop
 * has no bounds tests and no buffer accessor per element; the image's columns are built in a heap
 * array too and go to (or come from) the column array in one bulk transfer.
 *
 * <p>im2col only copies. col2im adds, into each element of the padded image starting from 0, in the
 * order of the column array's memory (output row, output column, channel, kernel row, kernel column),
 * as {@link JavaIm2col}'s loop and libnd4j do; the terms that fall into the padding land in its border
 * and are dropped with it.
 */
final class ImageMajorColumns {
  private ImageMajorColumns() {}

  /** Whether {@code col}'s memory holds each image's columns in one block, in {@code [outH, outW, c, kH, kW]} order. */
  static boolean fits(FloatMemory col) {
    int channels = col.size(1);
    int kH = col.size(2);
    int kW = col.size(3);
    int oW = col.size(5);
    long pixel = (long) channels * kH * kW;
    return col.stride(3) == 1 && col.stride(2) == kW && col.stride(1) == kH * kW && col.stride(5) == pixel
        && col.stride(4) == oW * pixel && (col.size(0) == 1 || col.stride(0) >= col.size(4) * oW * pixel);
  }

  /** The padded image's height (or width): every place a kernel reaches, and the whole image. */
  private static int padded(int in, int pad, int out, int stride, int k, int dilation) {
    return Math.max(in + pad, (out - 1) * stride + (k - 1) * dilation + 1);
  }

  static void image2col(FloatMemory image, FloatMemory col, int sH, int sW, int pH, int pW, int dH, int dW,
      float padValue) {
    FloatBuffer out = col.data();
    int batch = col.size(0);
    int channels = col.size(1);
    int kH = col.size(2);
    int kW = col.size(3);
    int oH = col.size(4);
    int oW = col.size(5);
    int iH = image.size(2);
    int iW = image.size(3);
    int ph = padded(iH, pH, oH, sH, kH, dH);
    int pw = padded(iW, pW, oW, sW, kW, dW);
    float[] plane = new float[channels * ph * pw];
    float[] columns = new float[oH * oW * channels * kH * kW];
    boolean padding = ph > iH || pw > iW;
    int rowStep = dH * pw;
    for (int b = 0; b < batch; b++) {
      if (padding) {
        Arrays.fill(plane, padValue);
      }
      read(image, b, plane, ph, pw, pH, pW);
      int o = 0;
      for (int oh = 0; oh < oH; oh++) {
        for (int ow = 0; ow < oW; ow++) {
          int corner = oh * sH * pw + ow * sW;
          for (int c = 0; c < channels; c++) {
            int at = c * ph * pw + corner;
            for (int kh = 0; kh < kH; kh++, at += rowStep) {
              if (kW == 3 && dW == 1) { // the common case, unrolled
                columns[o] = plane[at];
                columns[o + 1] = plane[at + 1];
                columns[o + 2] = plane[at + 2];
                o += 3;
              } else {
                for (int kw = 0, x = at; kw < kW; kw++, x += dW) {
                  columns[o++] = plane[x];
                }
              }
            }
          }
        }
      }
      out.put(b * col.stride(0), columns, 0, o);
    }
  }

  static void col2image(FloatMemory col, FloatMemory image, int sH, int sW, int pH, int pW, int dH, int dW) {
    FloatBuffer in = col.data();
    int batch = col.size(0);
    int channels = col.size(1);
    int kH = col.size(2);
    int kW = col.size(3);
    int oH = col.size(4);
    int oW = col.size(5);
    int iH = image.size(2);
    int iW = image.size(3);
    int ph = padded(iH, pH, oH, sH, kH, dH);
    int pw = padded(iW, pW, oW, sW, kW, dW);
    float[] plane = new float[channels * ph * pw];
    float[] columns = new float[oH * oW * channels * kH * kW];
    int rowStep = dH * pw;
    for (int b = 0; b < batch; b++) {
      Arrays.fill(plane, 0f);
      in.get(b * col.stride(0), columns, 0, columns.length);
      int o = 0;
      for (int oh = 0; oh < oH; oh++) {
        for (int ow = 0; ow < oW; ow++) {
          int corner = oh * sH * pw + ow * sW;
          for (int c = 0; c < channels; c++) {
            int at = c * ph * pw + corner;
            for (int kh = 0; kh < kH; kh++, at += rowStep) {
              for (int kw = 0, x = at; kw < kW; kw++, x += dW) {
                plane[x] += columns[o++];
              }
            }
          }
        }
      }
      write(plane, ph, pw, pH, pW, image, b);
    }
  }

  /** Image {@code b} into {@code plane} ([c, ph, pw]), at row pH and column pW of each channel's plane. */
  private static void read(FloatMemory image, int b, float[] plane, int ph, int pw, int pH, int pW) {
    FloatBuffer im = image.data();
    int channels = image.size(1);
    int iH = image.size(2);
    int iW = image.size(3);
    int is3 = image.stride(3);
    for (int c = 0; c < channels; c++) {
      for (int ih = 0; ih < iH; ih++) {
        int from = b * image.stride(0) + c * image.stride(1) + ih * image.stride(2);
        int to = (c * ph + ih + pH) * pw + pW;
        if (is3 == 1) {
          im.get(from, plane, to, iW);
        } else {
          for (int iw = 0; iw < iW; iw++) {
            plane[to + iw] = im.get(from + iw * is3);
          }
        }
      }
    }
  }

  /** The inside of {@code plane} (as {@link #read} lays it out) into image {@code b}. */
  private static void write(float[] plane, int ph, int pw, int pH, int pW, FloatMemory image, int b) {
    FloatBuffer im = image.data();
    int channels = image.size(1);
    int iH = image.size(2);
    int iW = image.size(3);
    int is3 = image.stride(3);
    for (int c = 0; c < channels; c++) {
      for (int ih = 0; ih < iH; ih++) {
        int to = b * image.stride(0) + c * image.stride(1) + ih * image.stride(2);
        int from = (c * ph + ih + pH) * pw + pW;
        if (is3 == 1) {
          im.put(to, plane, from, iW);
        } else {
          for (int iw = 0; iw < iW; iw++) {
            im.put(to + iw * is3, plane[from + iw]);
          }
        }
      }
    }
  }
}
