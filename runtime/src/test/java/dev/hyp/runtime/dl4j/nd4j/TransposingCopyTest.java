package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link TransposingCopy} gives libnd4j's {@code assign}: every element's bits in its place, for the
 * product-sized matrices a dense layer copies (and shapes that are not multiples of the tile), NaN
 * payloads and negative zeros included; other layouts are left to libnd4j.
 */
class TransposingCopyTest {
  private static NativeOpExecutioner stock;

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    assertTrue(Nd4jPatches.inUse().contains(Nd4jPatches.Patch.TRANSPOSING_COPY), Nd4jPatches.inUse().toString());
    stock = new NativeOpExecutioner();
  }

  /** An f-order matrix of seeded bits: any float, NaNs with payloads among them. */
  private static INDArray fOrder(long seed, int rows, int cols) {
    Random random = new Random(seed);
    float[] values = new float[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(4) == 0 ? Float.intBitsToFloat(random.nextInt()) : (float) random.nextGaussian();
    }
    values[0] = -0f;
    values[values.length - 1] = Float.intBitsToFloat(0x7fa00001); // a signalling NaN's payload
    return Nd4j.create(values, new long[] {rows, cols}, 'c').dup('f');
  }

  @Test
  void copiesEveryElementsBits() {
    int[][] shapes = {{64, 256}, {64, 4}, {128, 256}, {256, 32}, {2, 2}, {33, 65}, {97, 3}, {5, 31}};
    long seed = 1;
    for (int[] shape : shapes) {
      INDArray source = fOrder(seed++, shape[0], shape[1]);
      INDArray expected = Nd4j.create(DataType.FLOAT, new long[] {shape[0], shape[1]}, 'c');
      INDArray actual = Nd4j.create(DataType.FLOAT, new long[] {shape[0], shape[1]}, 'c');
      stock.exec(new Assign(source, expected));
      Assign op = new Assign(source, actual);
      assertNotNull(TransposingCopy.of(op), "the f-to-c case is taken");
      Nd4j.getExecutioner().exec(op);
      int[] e = bits(expected);
      int[] a = bits(actual);
      for (int i = 0; i < e.length; i++) {
        assertEquals(e[i], a[i], shape[0] + "x" + shape[1] + " element " + i);
      }
    }
  }

  /** The raw bits of a c-order float array's elements, in order. */
  private static int[] bits(INDArray a) {
    float[] values = a.data().asFloat();
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }

  @Test
  void otherLayoutsAreLeftToLibnd4j() {
    INDArray f = fOrder(9, 8, 6);
    INDArray c = Nd4j.create(DataType.FLOAT, new long[] {8, 6}, 'c');
    assertNotNull(TransposingCopy.of(new Assign(f, c)));
    assertNull(TransposingCopy.of(new Assign(c.dup('c'), c)), "c to c");
    assertNull(TransposingCopy.of(new Assign(f, f.ulike())), "f to f");
    INDArray window = Nd4j.create(DataType.FLOAT, new long[] {8, 12}, 'c').get(NDArrayIndex.all(),
        NDArrayIndex.interval(0, 6));
    assertNull(TransposingCopy.of(new Assign(f, window)), "into a view with gaps");
    assertNull(TransposingCopy.of(new Assign(f.castTo(DataType.DOUBLE), c.castTo(DataType.DOUBLE))), "doubles");
    INDArray vector = fOrder(10, 1, 6);
    assertNull(TransposingCopy.of(new Assign(vector, Nd4j.create(DataType.FLOAT, new long[] {1, 6}, 'c'))), "a row");
    INDArray square = fOrder(11, 6, 6);
    assertNull(TransposingCopy.of(new Assign(square, square.transpose())), "the same memory");
  }
}
