package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link BiasedTranspose} gives the bits of libnd4j's {@code assign} of an f-order product into a c-order array
 * followed by its broadcast add of the bias (DL4J's {@code addiRowVector}): for a dense layer's shapes and others
 * that are not multiples of four, with subnormals, negative zeros, infinities, NaN in either operand and sums that
 * overflow; the bias as a view of a flat parameter vector, as DL4J's layers hold it. Other layouts are refused.
 */
class BiasedTransposeTest {
  private static NativeOpExecutioner stock;

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    stock = new NativeOpExecutioner();
  }

  private static float value(Random random) {
    return switch (random.nextInt(12)) {
      case 0 -> Float.intBitsToFloat(random.nextInt(0x00800000)) * (random.nextBoolean() ? 1 : -1); // subnormal
      case 1 -> random.nextBoolean() ? -0f : 0f;
      case 2 -> Float.MAX_VALUE * (random.nextBoolean() ? 1 : -1);
      default -> (float) (random.nextGaussian() * Math.pow(2, random.nextInt(60) - 30));
    };
  }

  private static INDArray fOrder(Random random, int rows, int cols) {
    float[] values = new float[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(random);
    }
    values[values.length / 3] = Float.POSITIVE_INFINITY;
    values[values.length / 2] = Float.NaN;
    return Nd4j.create(values, new long[] {rows, cols}, 'c').dup('f');
  }

  /** The bias as a [1, cols] view inside a flat parameter vector, as DL4J's layers have it. */
  private static INDArray bias(Random random, int cols) {
    INDArray flat = Nd4j.create(DataType.FLOAT, 1, 7 + cols + 5);
    INDArray b = flat.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(7, 7 + cols));
    for (int i = 0; i < cols; i++) {
      b.putScalar(0, i, value(random));
    }
    if (cols > 3) {
      b.putScalar(0, 3, Float.NEGATIVE_INFINITY);
    }
    return b;
  }

  @Test
  void addsAsLibnd4jsCopyAndBroadcast() {
    int[][] shapes = {{64, 256}, {64, 40}, {128, 128}, {256, 4}, {64, 32}, {17, 48}, {2, 2}, {33, 65}, {5, 7},
        {256, 3}, {3, 1025}};
    Random random = new Random(11);
    for (int[] shape : shapes) {
      for (int repeat = 0; repeat < 3; repeat++) {
        INDArray product = fOrder(random, shape[0], shape[1]);
        INDArray b = bias(random, shape[1]);
        INDArray expected = Nd4j.create(DataType.FLOAT, new long[] {shape[0], shape[1]}, 'c');
        stock.exec(new Assign(product, expected));
        stock.exec(new BroadcastAddOp(expected, b, expected, 1)); // addiRowVector's op
        INDArray actual = Nd4j.create(DataType.FLOAT, new long[] {shape[0], shape[1]}, 'c');
        assertTrue(BiasedTranspose.add(product, b, actual), "the case is taken");
        float[] e = expected.data().asFloat();
        float[] a = actual.data().asFloat();
        for (int i = 0; i < e.length; i++) {
          assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]),
              shape[0] + "x" + shape[1] + " element " + i + ": " + e[i] + " against " + a[i]);
        }
      }
    }
  }

  @Test
  void otherLayoutsAreRefused() {
    Random random = new Random(3);
    INDArray f = fOrder(random, 8, 6);
    INDArray b = bias(random, 6);
    INDArray c = Nd4j.create(DataType.FLOAT, new long[] {8, 6}, 'c');
    assertTrue(BiasedTranspose.add(f, b, c));
    assertFalse(BiasedTranspose.add(f.dup('c'), b, c), "a c-order product");
    assertFalse(BiasedTranspose.add(f, b, c.dup('f')), "an f-order result");
    assertFalse(BiasedTranspose.add(f, bias(random, 5), c), "a bias of another length");
    assertFalse(BiasedTranspose.add(f.castTo(DataType.DOUBLE), b, c), "doubles");
    INDArray window = Nd4j.create(DataType.FLOAT, new long[] {8, 12}, 'c').get(NDArrayIndex.all(),
        NDArrayIndex.interval(0, 6));
    assertFalse(BiasedTranspose.add(f, b, window), "into a view with gaps");
    INDArray row = Nd4j.create(DataType.FLOAT, new long[] {1, 6}, 'c');
    assertFalse(BiasedTranspose.add(fOrder(random, 1, 6), b, row), "one row");
    INDArray flat = Nd4j.create(DataType.FLOAT, 1, 8 * 6 + 6);
    INDArray into = flat.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(0, 48)).reshape('c', 8, 6);
    INDArray overlapping = flat.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(42, 48));
    assertFalse(BiasedTranspose.add(f, overlapping, into), "a bias inside the result");
  }
}
