package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link ColumnSums} gives libnd4j's bits for a c-order float matrix's sum along dimension 0: the shapes of a
 * dense layer's bias gradient and others, values over many magnitudes (so that the order of the additions
 * shows in the last bits), negative zeros, infinities, subnormals and NaN; into a row vector and into a view of
 * a flat gradient as DL4J's layers give it. Other cases are left to libnd4j.
 */
class ColumnSumsTest {
  private static NativeOpExecutioner stock;

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    assertTrue(Nd4jPatches.inUse().contains(Nd4jPatches.Patch.COLUMN_SUMS), Nd4jPatches.inUse().toString());
    stock = new NativeOpExecutioner();
  }

  /** A c-order matrix of seeded values whose magnitudes span many binades, so that rounding depends on order. */
  private static INDArray values(long seed, int rows, int cols, boolean specials) {
    Random random = new Random(seed);
    float[] values = new float[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * Math.pow(2, random.nextInt(40) - 20));
    }
    if (specials && rows >= 3 && cols >= 4) {
      values[0] = -0f;
      values[cols] = -0f; // column 0's first two: -0 + -0 after the starting 0
      values[1] = Float.MIN_VALUE;
      values[1 + cols] = -Float.MIN_NORMAL / 3;
      values[2] = Float.POSITIVE_INFINITY;
      values[2 + cols] = Float.NEGATIVE_INFINITY;
      values[3 + cols] = Float.MAX_VALUE;
      values[3 + 2 * cols] = Float.MAX_VALUE; // column 3 overflows to infinity
      values[values.length - 1] = Float.NaN;
    }
    return Nd4j.create(values, new long[] {rows, cols}, 'c');
  }

  @Test
  void sumsEveryColumnAsLibnd4j() {
    int[][] shapes = {{64, 256}, {128, 128}, {256, 64}, {64, 4}, {256, 32}, {17, 48}, {2, 2}, {3, 1000},
        {1000, 3}, {33, 65}, {50, 4096}, {9, 5000}};
    long seed = 1;
    for (int[] shape : shapes) {
      for (boolean specials : new boolean[] {false, true}) {
        INDArray x = values(seed++, shape[0], shape[1], specials);
        INDArray expected = Nd4j.create(DataType.FLOAT, 1, shape[1]);
        INDArray actual = Nd4j.create(DataType.FLOAT, 1, shape[1]);
        stock.exec(new Sum(x, expected, 0));
        Sum op = new Sum(x, actual, 0);
        assertNotNull(ColumnSums.of(op), "the column-sum case is taken");
        assertSame(actual, Nd4j.getExecutioner().exec(op));
        assertSameBits(expected, actual, shape[0] + "x" + shape[1] + (specials ? " with specials" : ""));
      }
    }
  }

  @Test
  void sumsIntoAViewOfAFlatGradientAsALayerDoes() {
    INDArray flat = Nd4j.create(DataType.FLOAT, 1, 40 * 32 + 32);
    INDArray biasGradient = flat.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(40 * 32, 40 * 32 + 32));
    INDArray delta = values(77, 64, 32, true);
    delta.sum(biasGradient, 0); // DL4J's call: BaseLayer.backpropGradient
    INDArray expected = Nd4j.create(DataType.FLOAT, 1, 32);
    stock.exec(new Sum(delta, expected, 0));
    assertSameBits(expected, biasGradient.dup(), "into the flat view");
    assertEquals(0f, flat.getFloat(0L), "nothing written before the view");
    INDArray vector = Nd4j.create(DataType.FLOAT, 32);
    Nd4j.getExecutioner().exec(new Sum(delta, vector, 0));
    assertSameBits(expected, vector.reshape(1, 32), "into a vector");
  }

  @Test
  void otherCasesAreLeftToLibnd4j() {
    INDArray c = values(3, 8, 6, false);
    INDArray row = Nd4j.create(DataType.FLOAT, 1, 6);
    assertNotNull(ColumnSums.of(new Sum(c, row, 0)));
    assertNull(ColumnSums.of(new Sum(c, Nd4j.create(DataType.FLOAT, 1, 8), 1)), "along dimension 1");
    assertNull(ColumnSums.of(new Sum(c.dup('f'), row, 0)), "f order");
    assertNull(ColumnSums.of(new Sum(c.castTo(DataType.DOUBLE), row.castTo(DataType.DOUBLE), 0)), "doubles");
    INDArray window = values(4, 8, 12, false).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 6));
    assertNull(ColumnSums.of(new Sum(window, row, 0)), "a view with gaps");
    assertNull(ColumnSums.of(new Sum(values(5, 1, 6, false), row, 0)), "one row");
    assertNull(ColumnSums.of(new Sum(c, Nd4j.create(DataType.FLOAT, 2, 3), 0)), "a result of another shape");
    INDArray gapped = Nd4j.create(DataType.FLOAT, 2, 6).get(NDArrayIndex.all(), NDArrayIndex.point(0));
    assertNull(ColumnSums.of(new Sum(values(6, 8, 2, false), gapped, 0)), "a result with gaps");
    assertNull(ColumnSums.of(new Sum(c, 0)), "no result given");
    INDArray inPlace = values(7, 8, 6, false);
    assertNull(ColumnSums.of(new Sum(inPlace, inPlace.get(NDArrayIndex.point(0), NDArrayIndex.all()), 0)),
        "into its own memory");
  }

  private static void assertSameBits(INDArray expected, INDArray actual, String what) {
    float[] e = expected.data().asFloat();
    float[] a = actual.data().asFloat();
    assertEquals(e.length, a.length, what);
    for (int i = 0; i < e.length; i++) {
      assertEquals(Float.floatToRawIntBits(e[i]), Float.floatToRawIntBits(a[i]),
          what + ": column " + i + " (" + e[i] + " against " + a[i] + ")");
    }
  }
}
