package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link MaxPooling}'s arg-maxes of libnd4j's {@code maxpool2d} output give libnd4j's {@code maxpool2d_bp}
 * gradient to the raw bit, over window sizes, image sizes (windows clipped at the far edges in same mode), truncate and
 * same mode, layouts, and values full of ties, zeros and -0, NaN, infinities and the values around
 * libnd4j's starting maximum; gradients with -0, NaN and infinities.
 */
class MaxPoolingTest {

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
  }

  /** Values that decide a window: ties, both zeros, NaNs, infinities, the extremes and libnd4j's start and its neighbours. */
  private static final float[] EDGES = {0f, -0f, 1f, -1f, 1f, 2f, -2f, Float.NaN, Float.intBitsToFloat(0xffc00000),
      Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, MaxPooling.START,
      Float.intBitsToFloat(0xff7ffffe), Float.intBitsToFloat(0xff7ffffc), Float.MIN_VALUE, -Float.MIN_VALUE};

  /** c-order values of {@code shape}: mostly {@link #EDGES}, some whole windows of NaN or -infinity, some plain noise. */
  private static INDArray values(long seed, long... shape) {
    Random random = new Random(seed);
    float[] flat = new float[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = random.nextInt(4) == 0 ? random.nextFloat() * 4 - 2 : EDGES[random.nextInt(EDGES.length)];
    }
    if (flat.length >= 8) { // runs of one value: windows with nothing above the start, or all ties
      float[] runs = {Float.NaN, Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, 0f, -0f};
      for (int r = 0; r < 3; r++) {
        int from = random.nextInt(flat.length - 6);
        java.util.Arrays.fill(flat, from, from + 6, runs[random.nextInt(runs.length)]);
      }
    }
    return Nd4j.create(flat, shape, 'c');
  }

  private static int[] rawBits(INDArray a) {
    float[] values = a.dup('c').data().asFloat();
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }

  /** libnd4j's op as DL4J's subsampling layer calls it: padding 0, dilation 1, channels first. */
  private static DynamicCustomOp op(String name, int[] k, boolean same, INDArray[] inputs, INDArray output) {
    return DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(output)
        .addIntegerArguments(k[0], k[1], k[0], k[1], 0, 0, 1, 1, same ? 1 : 0, 0, 0).build();
  }

  /** The input layouts: c order; DL4J's im2col output ([c, b, h, w] memory seen as [b, c, h, w]); channels picked out of a wider array. */
  private static List<BiFunction<Long, long[], INDArray>> layouts() {
    List<BiFunction<Long, long[], INDArray>> layouts = new ArrayList<>();
    layouts.add((seed, s) -> values(seed, s));
    layouts.add((seed, s) -> values(seed, s[1], s[0], s[2], s[3]).permute(1, 0, 2, 3));
    layouts.add((seed, s) -> values(seed, s[0], s[1] + 2, s[2], s[3]).get(NDArrayIndex.all(),
        NDArrayIndex.interval(1, 1 + s[1]), NDArrayIndex.all(), NDArrayIndex.all()));
    return layouts;
  }

  @Test
  void theArgMaxesGiveLibnd4jsBackwardBits() {
    int[][] kernels = {{2, 2}, {1, 1}, {3, 3}, {2, 3}, {3, 2}, {4, 4}, {1, 2}};
    int[][] images = {{2, 2}, {4, 4}, {5, 5}, {6, 7}, {7, 6}, {9, 9}, {12, 13}, {28, 28}, {3, 8}};
    long seed = 0;
    int cases = 0;
    for (int[] k : kernels) {
      for (int[] image : images) {
        for (boolean same : new boolean[] {false, true}) {
          if (image[0] < k[0] || image[1] < k[1]) {
            continue;
          }
          int oH = same ? (image[0] + k[0] - 1) / k[0] : (image[0] - k[0]) / k[0] + 1;
          int oW = same ? (image[1] + k[1] - 1) / k[1] : (image[1] - k[1]) / k[1] + 1;
          if (same && ((oH * k[0] - image[0]) / 2 != 0 || (oW * k[1] - image[1]) / 2 != 0)) {
            continue; // padding before the first window: DL4J's path
          }
          for (BiFunction<Long, long[], INDArray> layout : layouts()) {
            long[] shape = {1 + seed % 3, 1 + (seed / 3) % 3, image[0], image[1]};
            INDArray input = layout.apply(++seed, shape);
            String what = java.util.Arrays.toString(k) + " on " + java.util.Arrays.toString(shape) + (same ? " same" : "")
                + " strides " + java.util.Arrays.toString(input.stride());
            INDArray pooled = Nd4j.create(DataType.FLOAT, shape[0], shape[1], oH, oW);
            Nd4j.exec(op("maxpool2d", k, same, new INDArray[] {input}, pooled));
            byte[] argMax = new byte[(int) pooled.length()];
            assertTrue(MaxPooling.argMax(input, k, pooled, argMax), what);

            INDArray epsilon = values(seed + 500, shape[0], shape[1], oH, oW);
            INDArray expectedGradient = Nd4j.create(DataType.FLOAT, shape);
            Nd4j.exec(op("maxpool2d_bp", k, same, new INDArray[] {input, epsilon}, expectedGradient));
            INDArray gradient = Nd4j.create(DataType.FLOAT, shape).assign(7f);
            assertTrue(MaxPooling.backward(epsilon, argMax, k, gradient), what);
            assertArrayEquals(rawBits(expectedGradient), rawBits(gradient), "backward " + what);
            cases++;
          }
        }
      }
    }
    assertTrue(cases > 200, "cases: " + cases);
  }

  @Test
  void layoutsWhoseRowsAreNotContiguousAreLeftToLibnd4j() {
    int[] k = {2, 2};
    INDArray channelsLast = values(1, 2, 4, 4, 3).permute(0, 3, 1, 2); // [b, c, h, w] over [b, h, w, c] memory
    INDArray out = Nd4j.create(DataType.FLOAT, 2, 3, 2, 2);
    byte[] argMax = new byte[(int) out.length()];
    assertFalse(MaxPooling.argMax(channelsLast, k, out, argMax));
    INDArray transposed = values(2, 2, 3, 4, 4).permute(0, 1, 3, 2);
    assertFalse(MaxPooling.argMax(transposed, k, out, argMax));
    INDArray doubles = values(3, 2, 3, 4, 4).castTo(DataType.DOUBLE);
    assertFalse(MaxPooling.argMax(doubles, k, out, argMax));
    assertFalse(MaxPooling.argMax(values(4, 2, 3, 4, 4), k, Nd4j.create(DataType.FLOAT, 2, 3, 3, 2), new byte[18]),
        "an output larger than the windows");
    assertFalse(MaxPooling.backward(out, argMax, k, channelsLast), "a gradient whose rows are not contiguous");
    assertEquals(0xff7ffffd, Float.floatToRawIntBits(MaxPooling.START));
    assertEquals(-3.402823e+38f, MaxPooling.START);
  }
}
