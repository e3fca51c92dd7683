package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.Op;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link DenseElementwise} gives libnd4j's bits: scalar and transform ops on permuted dense arrays
 * run over their memory in order, ReLU's backward op in Java over any layouts; other arrays are left
 * to libnd4j.
 */
class DenseElementwiseTest {
  private static NativeOpExecutioner stock;

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    stock = new NativeOpExecutioner();
  }

  /** Seeded values around 0 with exact zeros, negative zeros and a NaN among them. */
  private static INDArray values(long seed, long... shape) {
    Nd4j.getRandom().setSeed(seed);
    INDArray a = Nd4j.rand(DataType.FLOAT, 'c', shape).subi(0.5);
    float[] flat = a.data().asFloat();
    flat[0] = 0f;
    flat[1] = -0f;
    flat[flat.length / 2] = Float.NaN;
    return Nd4j.create(flat, shape, 'c');
  }

  /** The layouts a convolution's output takes: DL4J's [c, b, h, w] seen as [b, c, h, w], and others. */
  private static List<Function<Long, INDArray>> layouts() {
    return List.of(
        seed -> values(seed, 3, 2, 5, 4).permute(1, 0, 2, 3),
        seed -> values(seed, 4, 5, 3, 2).permute(3, 2, 1, 0).permute(0, 1, 3, 2),
        seed -> values(seed, 2, 3, 4, 5).permute(0, 2, 1, 3),
        seed -> values(seed, 2, 3, 4).permute(2, 0, 1));
  }

  private static float[] cOrder(INDArray a) {
    return a.dup('c').data().asFloat();
  }

  private static void sameAsStock(String name, Function<INDArray, Op> op, Supplier<INDArray> array) {
    INDArray expected = array.get();
    stock.exec(op.apply(expected));
    INDArray actual = array.get();
    Op patched = op.apply(actual);
    Nd4j.getExecutioner().exec(patched);
    assertSame(actual, patched.z(), name + ": the op's own array again");
    assertArrayEquals(cOrder(expected), cOrder(actual), name);
  }

  /** As {@link #sameAsStock}, and the op is one that runs on flat views (by libnd4j itself, here). */
  private static void flattenedAsStock(String name, Function<INDArray, Op> op, Supplier<INDArray> array) {
    sameAsStock(name, op, array);
    INDArray expected = array.get();
    stock.exec(op.apply(expected));
    INDArray actual = array.get();
    assertTrue(DenseElementwise.run(op.apply(actual), stock::exec), name);
    assertArrayEquals(cOrder(expected), cOrder(actual), name + " on flat views");
  }

  @Test
  void scalarAndTransformOpsOnPermutedArraysGiveLibnd4jsBits() {
    long seed = 0;
    for (Function<Long, INDArray> layout : layouts()) {
      long s = ++seed;
      INDArray probe = layout.apply(s);
      assertTrue(DenseElementwise.denseButUnordered(probe), java.util.Arrays.toString(probe.stride()));
      flattenedAsStock("relu", a -> new RectifiedLinear(a, a), () -> layout.apply(s));
      flattenedAsStock("times", a -> new ScalarMultiplication(a, 1.7), () -> layout.apply(s));
      flattenedAsStock("tanh", a -> new Tanh(a, a), () -> layout.apply(s));
      flattenedAsStock("sigmoid", a -> new Sigmoid(a, a), () -> layout.apply(s));
    }
  }

  @Test
  void intoAnotherArrayOfTheSameLayout() {
    INDArray x = values(9, 3, 2, 5, 4).permute(1, 0, 2, 3);
    INDArray expected = Nd4j.create(DataType.FLOAT, 3, 2, 5, 4).permute(1, 0, 2, 3);
    stock.exec(new Tanh(x, expected));
    INDArray actual = Nd4j.create(DataType.FLOAT, 3, 2, 5, 4).permute(1, 0, 2, 3);
    Nd4j.getExecutioner().exec(new Tanh(x, actual));
    assertArrayEquals(cOrder(expected), cOrder(actual));
  }

  @Test
  void onlyDenseUnorderedArraysAreTaken() {
    assertFalse(DenseElementwise.denseButUnordered(values(1, 4, 5)), "c order: libnd4j's fast loop");
    INDArray plain = values(1, 4, 5);
    assertFalse(DenseElementwise.run(new RectifiedLinear(plain, plain), stock::exec));
    assertFalse(DenseElementwise.denseButUnordered(values(1, 4, 5).dup('f')), "f order");
    assertFalse(DenseElementwise.denseButUnordered(values(1, 4, 6).get(NDArrayIndex.all(),
        NDArrayIndex.interval(0, 2, 6))), "gaps");
    assertFalse(DenseElementwise.denseButUnordered(values(1, 6, 6).get(NDArrayIndex.interval(1, 4),
        NDArrayIndex.interval(1, 4)).permute(1, 0)), "a permuted window");
    // a window with gaps is still computed, by libnd4j
    sameAsStock("relu on a window", a -> new RectifiedLinear(a, a),
        () -> values(2, 6, 6).get(NDArrayIndex.interval(1, 4), NDArrayIndex.interval(1, 4)).permute(1, 0));
  }

  @Test
  void reluBackwardGivesLibnd4jsBitsInEveryLayout() {
    long seed = 10;
    for (Function<Long, INDArray> inLayout : layouts()) {
      for (Function<Long, INDArray> gradientLayout : layouts()) {
        long s = ++seed;
        INDArray in = inLayout.apply(s);
        INDArray gradient = gradientLayout.apply(s + 100);
        if (!java.util.Arrays.equals(in.shape(), gradient.shape())) {
          gradient = values(s + 100, in.shape()); // c order
        }
        CustomOp expected = new RectifiedLinearDerivative(in, gradient, in.ulike(), 0.0);
        stock.exec(expected);
        CustomOp actual = new RectifiedLinearDerivative(in, gradient, in.ulike(), 0.0);
        assertNotNull(DenseElementwise.reluBackward(actual));
        Nd4j.getExecutioner().exec(actual);
        assertArrayEquals(cOrder(expected.outputArguments().get(0)), cOrder(actual.outputArguments().get(0)),
            java.util.Arrays.toString(in.stride()) + " " + java.util.Arrays.toString(gradient.stride()));
      }
    }
  }

  /** A dense layer's case: the three arrays in one c or f layout, run over their memory in order. */
  @Test
  void reluBackwardOnOneDenseLayoutGivesLibnd4jsBits() {
    long seed = 50;
    for (long[] shape : new long[][] {{64, 256}, {7, 33}, {1, 5}, {3, 4, 5}}) {
      for (char order : new char[] {'c', 'f'}) {
        long s = ++seed;
        INDArray in = values(s, shape).dup(order);
        float[] edges = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -Float.MIN_VALUE,
            Float.intBitsToFloat(0xffc00000), Float.MAX_VALUE, Float.intBitsToFloat(0x7f800001)};
        for (int i = 0; i < edges.length && 2 + i < in.length(); i++) {
          in.putScalar(2 + i, edges[i]); // x > 0 at the edges of the bits' ranges
        }
        INDArray gradient = values(s + 100, shape).dup(order);
        CustomOp expected = new RectifiedLinearDerivative(in, gradient, in.ulike(), 0.0);
        stock.exec(expected);
        CustomOp actual = new RectifiedLinearDerivative(in, gradient, in.ulike(), 0.0);
        assertNotNull(DenseElementwise.reluBackward(actual));
        Nd4j.getExecutioner().exec(actual);
        float[] e = cOrder(expected.outputArguments().get(0));
        float[] a = cOrder(actual.outputArguments().get(0));
        for (int i = 0; i < e.length; i++) {
          assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]),
              java.util.Arrays.toString(shape) + " " + order + " element " + i);
        }
      }
    }
  }

  /** Every float that decides {@code x > 0}: zeros, subnormals, the extremes, infinities, NaNs of both signs. */
  private static final int[] EDGES = {0, 0x80000000, 1, 0x80000001, 0x007fffff, 0x807fffff, 0x00800000,
      0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0xff800001,
      0x7fffffff, 0xffffffff, 0x3f800000, 0xbf800000};

  /** c-order floats: seeded values around 0 with {@link #EDGES} spread among them. */
  private static INDArray edgy(long seed, long... shape) {
    INDArray a = values(seed, shape);
    float[] flat = a.data().asFloat();
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < flat.length; i += 1 + random.nextInt(5)) {
      flat[i] = Float.intBitsToFloat(EDGES[random.nextInt(EDGES.length)]);
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

  @Test
  void reluBackwardOverOneDenseLayoutGivesLibnd4jsRawBits() {
    long[][] shapes = {{7}, {3, 5}, {2, 3, 4, 5}, {4, 16, 28, 28}, {3, 2049}, {1, 1, 1, 2048}};
    long seed = 50;
    for (long[] shape : shapes) {
      for (boolean permuted : new boolean[] {false, true}) {
        long s = ++seed;
        INDArray in = edgy(s, shape);
        INDArray gradient = edgy(s + 1000, shape);
        INDArray out = Nd4j.create(DataType.FLOAT, shape, 'c');
        if (permuted && shape.length == 4) { // DL4J's [c, b, h, w] seen as [b, c, h, w], all three alike
          in = edgy(s, shape[1], shape[0], shape[2], shape[3]).permute(1, 0, 2, 3);
          gradient = edgy(s + 1000, shape[1], shape[0], shape[2], shape[3]).permute(1, 0, 2, 3);
          out = Nd4j.create(DataType.FLOAT, new long[] {shape[1], shape[0], shape[2], shape[3]}, 'c')
              .permute(1, 0, 2, 3);
        }
        CustomOp expected = new RectifiedLinearDerivative(in, gradient, out.ulike().assign(0), 0.0);
        stock.exec(expected);
        int[] want = rawBits(expected.outputArguments().get(0));
        CustomOp actual = new RectifiedLinearDerivative(in, gradient, out, 0.0);
        assertNotNull(DenseElementwise.reluBackward(actual));
        Nd4j.getExecutioner().exec(actual);
        assertArrayEquals(want, rawBits(out), java.util.Arrays.toString(shape) + " permuted " + permuted);
        // in place, as hyp's convolution layer writes it into the pre-activation
        INDArray z = in.dup(in.ordering());
        if (permuted && shape.length == 4) {
          z = Nd4j.create(DataType.FLOAT, new long[] {shape[1], shape[0], shape[2], shape[3]}, 'c')
              .permute(1, 0, 2, 3).assign(in);
        }
        CustomOp inPlace = new RectifiedLinearDerivative(z, gradient, z, 0.0);
        assertNotNull(DenseElementwise.reluBackward(inPlace));
        Nd4j.getExecutioner().exec(inPlace);
        assertArrayEquals(want, rawBits(z), "in place " + java.util.Arrays.toString(shape));
      }
    }
  }

  @Test
  void reluBackwardWithAThresholdOrOnDoublesIsLeftToLibnd4j() {
    INDArray in = values(3, 2, 3);
    assertNull(DenseElementwise.reluBackward(new RectifiedLinearDerivative(in, in, in.ulike(), 0.5)));
    INDArray doubles = in.castTo(DataType.DOUBLE);
    assertNull(DenseElementwise.reluBackward(new RectifiedLinearDerivative(doubles, doubles, doubles.ulike(), 0.0)));
  }
}
