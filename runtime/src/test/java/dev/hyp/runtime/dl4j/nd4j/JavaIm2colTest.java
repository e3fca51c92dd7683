package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Col2Im;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Im2col;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link JavaIm2col} writes what libnd4j's im2col and col2im write, bit for bit, over kernel sizes,
 * strides, paddings (same and valid), dilations and both the layouts DL4J's convolution layer uses
 * and plain c order; and leaves to libnd4j the col2im it would sum in another order.
 */
class JavaIm2colTest {
  private static NativeOpExecutioner stock;

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    stock = new NativeOpExecutioner();
  }

  /** One convolution's geometry. */
  private record Geometry(int batch, int channels, int inH, int inW, int k, int stride, int pad, int dilation,
      boolean same) {
    int effectiveK() {
      return k + (k - 1) * (dilation - 1);
    }

    int outH() {
      return (int) Convolution.outputSize(inH, k, stride, pad, dilation, same);
    }

    int outW() {
      return (int) Convolution.outputSize(inW, k, stride, pad, dilation, same);
    }

    Conv2DConfig config() {
      return Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(pad).pW(pad).dH(dilation).dW(dilation)
          .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID).build();
    }
  }

  private static java.util.List<Geometry> geometries() {
    java.util.List<Geometry> all = new java.util.ArrayList<>();
    int seed = 0;
    for (int k = 1; k <= 3; k++) {
      for (int stride = 1; stride <= 2; stride++) {
        for (int dilation = 1; dilation <= 2; dilation++) {
          for (int pad = 0; pad <= 2; pad++) {
            for (boolean same : new boolean[] {false, true}) {
              seed++;
              int inH = 5 + seed % 4;
              int inW = 4 + (seed * 7) % 5;
              Geometry g = new Geometry(1 + seed % 3, 1 + (seed / 3) % 3, inH, inW, k, stride, same ? pad % 2 : pad,
                  dilation, same);
              if (g.outH() > 0 && g.outW() > 0 && (same || inH + 2 * g.pad() >= g.effectiveK())
                  && (same || inW + 2 * g.pad() >= g.effectiveK())) {
                all.add(g);
              }
            }
          }
        }
      }
    }
    return all;
  }

  private static INDArray random(long seed, char order, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.FLOAT, order, shape).subi(0.5);
  }

  /** The column array as DL4J's ConvolutionLayer makes it: [b, oH, oW, c, kH, kW] in c order, seen as [b, c, kH, kW, oH, oW]. */
  private static INDArray dl4jColumns(Geometry g) {
    return Nd4j.valueArrayOf(new long[] {g.batch(), g.outH(), g.outW(), g.channels(), g.k(), g.k()}, Float.NaN,
        DataType.FLOAT).permute(0, 3, 4, 5, 1, 2);
  }

  private static INDArray plainColumns(Geometry g) {
    return Nd4j.valueArrayOf(new long[] {g.batch(), g.channels(), g.k(), g.k(), g.outH(), g.outW()}, Float.NaN,
        DataType.FLOAT);
  }

  private static CustomOp im2col(INDArray image, INDArray columns, Geometry g) {
    return Im2col.builder().inputArrays(new INDArray[] {image}).outputs(new INDArray[] {columns})
        .conv2DConfig(g.config()).build();
  }

  private static CustomOp col2im(INDArray columns, INDArray image, Geometry g) {
    return Col2Im.builder().inputArrays(new INDArray[] {columns}).outputs(new INDArray[] {image})
        .conv2DConfig(Conv2DConfig.builder().sH(g.stride()).sW(g.stride()).pH(g.pad()).pW(g.pad()).kH(g.inH())
            .kW(g.inW()).dH(g.dilation()).dW(g.dilation()).build())
        .build();
  }

  private static float[] cOrder(INDArray a) {
    return a.dup('c').data().asFloat();
  }

  @Test
  void im2colWritesLibnd4jsColumnsInEveryGeometryAndLayout() {
    java.util.List<Geometry> geometries = geometries();
    org.junit.jupiter.api.Assertions.assertTrue(geometries.size() > 40, geometries.size() + " geometries");
    int seed = 0;
    for (Geometry g : geometries) {
      seed++;
      for (int layout = 0; layout < 3; layout++) {
        long imageSeed = seed;
        // the image in c order, or permuted as a convolution's output comes to the next layer
        Supplier<INDArray> image = layout < 2 ? () -> random(imageSeed, 'c', g.batch(), g.channels(), g.inH(), g.inW())
            : () -> random(imageSeed, 'c', g.channels(), g.batch(), g.inH(), g.inW()).permute(1, 0, 2, 3);
        Supplier<INDArray> columns = layout == 1 ? () -> plainColumns(g) : () -> dl4jColumns(g);
        String name = g + " layout " + layout;
        CustomOp expected = im2col(image.get(), columns.get(), g);
        stock.exec(expected);
        CustomOp actual = im2col(image.get(), columns.get(), g);
        assertNotNull(JavaIm2col.of(actual), name);
        Nd4j.getExecutioner().exec(actual);
        assertArrayEquals(cOrder(expected.outputArguments().get(0)), cOrder(actual.outputArguments().get(0)), name);
      }
    }
  }

  @Test
  void col2imSumsInLibnd4jsOrderInEveryGeometryAndLayout() {
    int seed = 100;
    for (Geometry g : geometries()) {
      seed++;
      long columnsSeed = seed;
      for (int layout = 0; layout < 2; layout++) {
        // DL4J's backward pass: the product's f-order [kW, kH, c, oW, oH, b] seen as [b, c, kH, kW, oH, oW],
        // into [c, b, iH, iW] in c order seen as [b, c, iH, iW]; or both in plain c order
        Supplier<INDArray> columns = layout == 0
            ? () -> random(columnsSeed, 'f', g.k(), g.k(), g.channels(), g.outW(), g.outH(), g.batch())
                .permute(5, 2, 1, 0, 4, 3)
            : () -> random(columnsSeed, 'c', g.batch(), g.channels(), g.k(), g.k(), g.outH(), g.outW());
        Supplier<INDArray> image = layout == 0
            ? () -> Nd4j.valueArrayOf(new long[] {g.channels(), g.batch(), g.inH(), g.inW()}, Float.NaN,
                DataType.FLOAT).permute(1, 0, 2, 3)
            : () -> Nd4j.valueArrayOf(new long[] {g.batch(), g.channels(), g.inH(), g.inW()}, Float.NaN,
                DataType.FLOAT);
        String name = g + " layout " + layout;
        CustomOp expected = col2im(columns.get(), image.get(), g);
        stock.exec(expected);
        CustomOp actual = col2im(columns.get(), image.get(), g);
        assertNotNull(JavaIm2col.of(actual), name);
        Nd4j.getExecutioner().exec(actual);
        assertArrayEquals(cOrder(expected.outputArguments().get(0)), cOrder(actual.outputArguments().get(0)), name);
      }
    }
  }

  @Test
  void doublesAreLeftToLibnd4j() {
    Geometry g = new Geometry(1, 1, 5, 5, 3, 1, 1, 1, false);
    INDArray image = random(6, 'c', 1, 1, 5, 5).castTo(DataType.DOUBLE);
    INDArray columns = Nd4j.create(DataType.DOUBLE, 1, 1, 3, 3, g.outH(), g.outW());
    assertNull(JavaIm2col.of(im2col(image, columns, g)));
  }
}
