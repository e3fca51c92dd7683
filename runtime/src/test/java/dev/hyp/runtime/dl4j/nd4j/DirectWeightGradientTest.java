package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link DirectWeightGradient} gives a stride-1 convolution's weight and bias gradients: the sums over images
 * and places of {@code delta * input} (0 in the padding), here against the same sums in double, to float
 * rounding of sums of up to 50,176 products (1e-5 of the largest gradient; the products of the im2col
 * path sum in OpenBLAS's order, so neither is the exact value).
 */
class DirectWeightGradientTest {

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
  }

  @Test
  void givesTheSumsOfDeltaTimesTheShiftedInput() {
    // {batch, in, h, w, out, kH, kW, padTop, padLeft, padBottom, padRight}
    int[][] cases = {
        {64, 1, 28, 28, 16, 3, 3, 1, 1, 1, 1}, // the 28x28 CNN's first layer, same mode
        {5, 3, 7, 6, 4, 3, 3, 1, 1, 1, 1},
        {4, 2, 9, 8, 3, 3, 3, 0, 0, 0, 0}, // truncate, no padding
        {3, 2, 6, 7, 5, 2, 3, 0, 1, 1, 1}, // same mode with an even kernel: the extra row at the bottom
        {2, 4, 5, 5, 2, 1, 1, 0, 0, 0, 0},
        {3, 1, 8, 5, 3, 5, 5, 2, 2, 2, 2},
        {2, 2, 6, 6, 3, 3, 3, 2, 1, 2, 1}, // truncate with explicit padding, wider than same
        {1, 1, 4, 4, 1, 3, 3, 1, 1, 1, 1}};
    DirectWeightGradient gradient = new DirectWeightGradient(); // one instance over every geometry: its scratch follows
    for (int[] c : cases) {
      for (boolean withBias : new boolean[] {true, false}) {
        Nd4j.getRandom().setSeed(c[0] * 31 + c[1] * 7 + c[2]);
        INDArray input = Nd4j.randn(DataType.FLOAT, c[0], c[1], c[2], c[3]);
        int oH = c[2] + c[7] + c[9] - c[5] + 1;
        int oW = c[3] + c[8] + c[10] - c[6] + 1;
        INDArray delta = Nd4j.randn(DataType.FLOAT, c[0], c[4], oH, oW);
        INDArray weights = Nd4j.zeros(DataType.FLOAT, c[4], c[1], c[5], c[6]).addi(7f); // overwritten
        INDArray bias = withBias ? Nd4j.zeros(DataType.FLOAT, 1, c[4]).addi(7f) : null;
        assertTrue(gradient.compute(input, delta, c[5], c[6], c[7], c[8], weights, bias), java.util.Arrays.toString(c));
        double[][] expected = reference(input, delta, c[5], c[6], c[7], c[8]);
        assertClose(expected[0], weights, c);
        if (withBias) {
          assertClose(expected[1], bias, c);
        }
      }
    }
  }

  @Test
  void readsAnInputWhoseImagesAreViewsOfAWiderArray() {
    // the channels picked out of a wider array: rows contiguous, images apart
    Nd4j.getRandom().setSeed(3);
    INDArray wide = Nd4j.randn(DataType.FLOAT, 6, 5, 7, 7);
    INDArray input = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3), NDArrayIndex.all(), NDArrayIndex.all());
    INDArray delta = Nd4j.randn(DataType.FLOAT, 6, 4, 7, 7);
    INDArray weights = Nd4j.createUninitialized(DataType.FLOAT, new long[] {4, 2, 3, 3}, 'c');
    INDArray bias = Nd4j.createUninitialized(DataType.FLOAT, new long[] {4}, 'c');
    assertTrue(new DirectWeightGradient().compute(input, delta, 3, 3, 1, 1, weights, bias));
    double[][] expected = reference(input.dup(), delta, 3, 3, 1, 1);
    assertClose(expected[0], weights, new int[0]);
    assertClose(expected[1], bias, new int[0]);
  }

  @Test
  void declinesWhatItDoesNotCover() {
    DirectWeightGradient gradient = new DirectWeightGradient();
    INDArray input = Nd4j.rand(DataType.FLOAT, 2, 1, 6, 6);
    INDArray delta = Nd4j.rand(DataType.FLOAT, 2, 3, 6, 6);
    INDArray weights = Nd4j.zeros(DataType.FLOAT, 3, 1, 3, 3);
    INDArray bias = Nd4j.zeros(DataType.FLOAT, 3);
    // a delta whose size is not stride 1's (as a stride-2 layer's would be)
    assertFalse(gradient.compute(input, Nd4j.rand(DataType.FLOAT, 2, 3, 3, 3), 3, 3, 1, 1, weights, bias));
    // doubles, a permuted (channels-last) delta, weights of another shape, a permuted weight gradient
    assertFalse(gradient.compute(input.castTo(DataType.DOUBLE), delta, 3, 3, 1, 1, weights, bias));
    assertFalse(gradient.compute(input, Nd4j.rand(DataType.FLOAT, 2, 6, 6, 3).permute(0, 3, 1, 2), 3, 3, 1, 1,
        weights, bias));
    assertFalse(gradient.compute(input, delta, 3, 3, 1, 1, Nd4j.zeros(DataType.FLOAT, 3, 2, 3, 3), bias));
    assertFalse(gradient.compute(input, delta, 3, 3, 1, 1, Nd4j.zeros(DataType.FLOAT, 3, 3, 1, 3).permute(3, 2, 0, 1),
        bias));
    assertFalse(gradient.compute(input, delta, 3, 3, 1, 1, weights, Nd4j.zeros(DataType.FLOAT, 4)));
    assertArrayEquals(new float[9 * 3], weights.data().asFloat()); // nothing written
  }

  /** The gradients in double: {weights in c order, bias}. */
  private static double[][] reference(INDArray input, INDArray delta, int kH, int kW, int padTop, int padLeft) {
    float[] x = input.dup('c').data().asFloat();
    float[] d = delta.dup('c').data().asFloat();
    int batch = (int) input.size(0);
    int channels = (int) input.size(1);
    int h = (int) input.size(2);
    int w = (int) input.size(3);
    int filters = (int) delta.size(1);
    int oH = (int) delta.size(2);
    int oW = (int) delta.size(3);
    double[] weights = new double[filters * channels * kH * kW];
    double[] bias = new double[filters];
    for (int b = 0; b < batch; b++) {
      for (int f = 0; f < filters; f++) {
        for (int y = 0; y < oH; y++) {
          for (int xo = 0; xo < oW; xo++) {
            double g = d[((b * filters + f) * oH + y) * oW + xo];
            bias[f] += g;
            for (int c = 0; c < channels; c++) {
              for (int kh = 0; kh < kH; kh++) {
                for (int kw = 0; kw < kW; kw++) {
                  int iy = y + kh - padTop;
                  int ix = xo + kw - padLeft;
                  if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                    weights[((f * channels + c) * kH + kh) * kW + kw] += g * x[((b * channels + c) * h + iy) * w + ix];
                  }
                }
              }
            }
          }
        }
      }
    }
    return new double[][] {weights, bias};
  }

  private static void assertClose(double[] expected, INDArray actual, int[] c) {
    float[] got = actual.dup('c').data().asFloat();
    assertEquals(expected.length, got.length);
    double scale = 0;
    for (double e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], got[i], 1e-5 * scale, java.util.Arrays.toString(c) + " at " + i);
    }
  }
}
