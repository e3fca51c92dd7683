package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link JavaMaxPooling} writes what libnd4j's maxpool2d and maxpool2d_bp write, bit for bit, over
 * kernels, strides (overlapping windows too), paddings, dilations, same and valid, NCHW and NHWC, in
 * the layouts DL4J hands them; on values with many ties (a ReLU's zeros, {@code 0} next to {@code -0})
 * and NaN, infinities and {@code -Float.MAX_VALUE}, where the element a tie sends the gradient to is
 * libnd4j's (the first one greater than all before it).
 */
class JavaMaxPoolingTest {
  private static NativeOpExecutioner stock;

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    stock = new NativeOpExecutioner();
  }

  private record Geometry(int batch, int channels, int inH, int inW, int k, int stride, int pad, int dilation,
      boolean same) {
    int kEff() {
      return k + (k - 1) * (dilation - 1);
    }

    int out(int in) {
      return same ? (in + stride - 1) / stride : (in - kEff() + 2 * pad) / stride + 1;
    }

    int[] iArgs(boolean nhwc) {
      return new int[] {k, k, stride, stride, pad, pad, dilation, dilation, same ? 1 : 0, 0, nhwc ? 1 : 0};
    }
  }

  private static List<Geometry> geometries() {
    List<Geometry> all = new ArrayList<>();
    int seed = 0;
    for (int k = 1; k <= 3; k++) {
      for (int stride = 1; stride <= 3; stride++) {
        for (int dilation = 1; dilation <= 2; dilation++) {
          for (int pad = 0; pad < k; pad++) {
            for (boolean same : new boolean[] {false, true}) {
              seed++;
              Geometry g = new Geometry(1 + seed % 3, 1 + (seed / 2) % 4, 4 + seed % 5, 3 + (seed * 7) % 6, k, stride,
                  same ? 0 : pad, dilation, same);
              if (g.out(g.inH()) > 0 && g.out(g.inW()) > 0 && (same || pad == 0 || g.kEff() > pad)) {
                all.add(g);
              }
            }
          }
        }
      }
    }
    all.add(new Geometry(2, 16, 28, 28, 2, 2, 0, 1, false)); // the samples' CNN
    all.add(new Geometry(3, 5, 7, 7, 2, 2, 0, 1, true));
    return all;
  }

  /**
   * Values on a coarse grid (ties in most windows), half of them cut to 0 as a ReLU does, with a -0
   * among the zeros and, when {@code special}, NaN, infinities and -Float.MAX_VALUE.
   */
  private static float[] values(long seed, int n, boolean special) {
    java.util.Random random = new java.util.Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      float x = (random.nextInt(9) - 4) * 0.25f;
      v[i] = x > 0 ? x : (random.nextInt(4) == 0 ? -0f : 0f);
      if (special && random.nextInt(12) == 0) {
        v[i] = new float[] {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, -Float.MAX_VALUE,
            -x - 1}[random.nextInt(5)];
      }
    }
    return v;
  }

  /** A [b, c, h, w] array (or [b, h, w, c] when nhwc) in one of the layouts DL4J makes, from these values. */
  private static INDArray array(float[] v, int layout, boolean nhwc, int b, int c, int h, int w) {
    long[] logical = nhwc ? new long[] {b, h, w, c} : new long[] {b, c, h, w};
    return switch (layout) {
      case 0 -> Nd4j.create(v, logical, 'c');
      // a convolution's output: channels last in memory
      case 1 -> nhwc ? Nd4j.create(v, logical, 'c').permute(0, 1, 2, 3)
          : Nd4j.create(v, new long[] {b, h, w, c}, 'c').permute(0, 3, 1, 2);
      // a convolution's epsilon: [c, b, h, w] in memory, images interleaved
      default -> nhwc ? Nd4j.create(v, new long[] {c, b, h, w}, 'c').permute(1, 2, 3, 0)
          : Nd4j.create(v, new long[] {c, b, h, w}, 'c').permute(1, 0, 2, 3);
    };
  }

  private static INDArray nans(boolean nhwc, int b, int c, int h, int w) {
    return Nd4j.valueArrayOf(nhwc ? new long[] {b, h, w, c} : new long[] {b, c, h, w}, Float.NaN, DataType.FLOAT);
  }

  private static CustomOp op(String name, int[] iArgs, INDArray output, INDArray... inputs) {
    return DynamicCustomOp.builder(name).addInputs(inputs).addOutputs(output).addIntegerArguments(iArgs).build();
  }

  private static int[] bits(INDArray a) {
    float[] f = a.dup('c').data().asFloat();
    int[] bits = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      bits[i] = Float.floatToRawIntBits(f[i]);
    }
    return bits;
  }

  private static void sameAsLibnd4j(String name, Supplier<CustomOp> op) {
    CustomOp expected = op.get();
    stock.exec(expected);
    CustomOp actual = op.get();
    assertNotNull(JavaMaxPooling.of(actual), name + ": taken");
    Nd4j.getExecutioner().exec(actual);
    assertArrayEquals(bits(expected.outputArguments().get(0)), bits(actual.outputArguments().get(0)), name);
  }

  @Test
  void forwardAndBackwardAreLibnd4jsBitsOnTiesAndSpecialValues() {
    List<Geometry> geometries = geometries();
    assertTrue(geometries.size() > 50, geometries.size() + " geometries");
    int seed = 0;
    for (Geometry g : geometries) {
      int oH = g.out(g.inH());
      int oW = g.out(g.inW());
      for (boolean nhwc : new boolean[] {false, true}) {
        for (int layout = 0; layout < 3; layout++) {
          seed++;
          boolean special = seed % 2 == 0;
          float[] in = values(seed, g.batch() * g.channels() * g.inH() * g.inW(), special);
          float[] gradient = values(seed + 1000, g.batch() * g.channels() * oH * oW, special);
          int l = layout;
          int[] iArgs = g.iArgs(nhwc);
          String name = g + (nhwc ? " nhwc" : " nchw") + " layout " + layout + (special ? " special" : "");
          sameAsLibnd4j("maxpool2d " + name, () -> op("maxpool2d", iArgs,
              nans(nhwc, g.batch(), g.channels(), oH, oW), array(in, l, nhwc, g.batch(), g.channels(), g.inH(),
                  g.inW())));
          sameAsLibnd4j("maxpool2d_bp " + name, () -> op("maxpool2d_bp", iArgs,
              nans(nhwc, g.batch(), g.channels(), g.inH(), g.inW()),
              array(in, l, nhwc, g.batch(), g.channels(), g.inH(), g.inW()),
              array(gradient, 2 - l, nhwc, g.batch(), g.channels(), oH, oW)));
        }
      }
    }
  }

  /** Windows of equal elements: the gradient goes to the first of them, as in libnd4j, and not to another. */
  @Test
  void aTieSendsTheGradientWhereLibnd4jDoes() {
    Geometry g = new Geometry(1, 1, 4, 4, 2, 2, 0, 1, false);
    float[] in = {0f, -0f, 1f, 1f, -0f, 0f, 1f, 1f, Float.NaN, 0f, Float.NaN, Float.NaN, 0f, 0f, Float.NaN, Float.NaN};
    INDArray gradient = Nd4j.create(new float[] {1f, 2f, 3f, 4f}, new long[] {1, 1, 2, 2}, 'c');
    CustomOp op = op("maxpool2d_bp", g.iArgs(false), nans(false, 1, 1, 4, 4),
        Nd4j.create(in, new long[] {1, 1, 4, 4}, 'c'), gradient);
    Nd4j.getExecutioner().exec(op);
    // a window's first element takes it: 0 before -0, the first 1, the 0 after a NaN, the first of all-NaN
    assertArrayEquals(new float[] {1f, 0f, 2f, 0f, 0f, 0f, 0f, 0f, 0f, 3f, 4f, 0f, 0f, 0f, 0f, 0f},
        op.outputArguments().get(0).data().asFloat());
    sameAsLibnd4j("ties", () -> op("maxpool2d_bp", g.iArgs(false), nans(false, 1, 1, 4, 4),
        Nd4j.create(in, new long[] {1, 1, 4, 4}, 'c'), gradient.dup()));
  }

  @Test
  void doublesAndEmptyWindowsAreLeftToLibnd4j() {
    Geometry g = new Geometry(1, 1, 5, 5, 2, 2, 0, 1, false);
    INDArray doubles = Nd4j.rand(DataType.DOUBLE, 1, 1, 5, 5);
    assertNull(JavaMaxPooling.of(op("maxpool2d", g.iArgs(false), Nd4j.create(DataType.DOUBLE, 1, 1, 2, 2), doubles)));
    // padding 3 with a kernel of 2: the first window lies wholly in the padding
    int[] padded = {2, 2, 1, 1, 3, 3, 1, 1, 0, 0, 0};
    assertNull(JavaMaxPooling.of(op("maxpool2d", padded, nans(false, 1, 1, 10, 10), Nd4j.rand(DataType.FLOAT,
        1, 1, 5, 5))));
  }
}
