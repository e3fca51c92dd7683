package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.any.Assign;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link TransposeCopy} copies what libnd4j's assign copies, bit for bit, into the other order,
 * through the executioner a run installs; every other assign stays with libnd4j.
 */
class TransposeCopyTest {
  private static NativeOpExecutioner stock;

  @BeforeAll
  static void nd4j() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    stock = new NativeOpExecutioner();
  }

  private static INDArray values(long rows, long columns, char order, long seed) {
    Nd4j.getRandom().setSeed(seed);
    return Nd4j.rand(DataType.FLOAT, order, rows, columns).subi(0.5).muli(1e3);
  }

  @Test
  void theExecutionerARunUsesCopiesIntoTheOtherOrder() {
    assertTrue(Nd4jPatches.inUse().contains(Nd4jPatches.Patch.TRANSPOSE_COPY), Nd4jPatches.inUse().toString());
    assertTrue(Nd4j.getExecutioner() instanceof PooledContextExecutioner pooled && pooled.usesTransposeCopy());
  }

  @Test
  void copiesBitForBitWhatLibnd4jCopies() {
    long[][] shapes = {{1, 1}, {1, 7}, {7, 1}, {3, 5}, {16, 16}, {17, 33}, {64, 256}, {256, 64}, {100, 4}};
    long seed = 1;
    for (long[] shape : shapes) {
      for (char fromOrder : new char[] {'f', 'c'}) {
        char toOrder = fromOrder == 'f' ? 'c' : 'f';
        INDArray from = values(shape[0], shape[1], fromOrder, seed++);
        INDArray ours = Nd4j.createUninitialized(DataType.FLOAT, shape, toOrder);
        INDArray theirs = Nd4j.createUninitialized(DataType.FLOAT, shape, toOrder);
        if (shape[0] == 1 || shape[1] == 1) { // a row or a column: the same memory in either order
          assertFalse(TransposeCopy.applies(new Assign(from, ours)));
          continue;
        }
        assertTrue(TransposeCopy.applies(new Assign(from, ours)), fromOrder + " " + java.util.Arrays.toString(shape));
        ours.assign(from); // through the installed executioner
        stock.exec(new Assign(from, theirs));
        String what = fromOrder + " to " + toOrder + " " + java.util.Arrays.toString(shape);
        assertArrayEquals(bits(theirs), bits(ours), what);
        assertArrayEquals(bits(from.dup(toOrder)), bits(ours), what);
      }
    }
  }

  @Test
  void leavesEveryOtherAssignToLibnd4j() {
    INDArray f = values(6, 4, 'f', 9);
    assertFalse(TransposeCopy.applies(new Assign(f, Nd4j.createUninitialized(DataType.FLOAT, new long[] {6, 4}, 'f'))),
        "same order");
    assertFalse(TransposeCopy.applies(new Assign(f.castTo(DataType.DOUBLE),
        Nd4j.createUninitialized(DataType.DOUBLE, new long[] {6, 4}, 'c'))), "doubles");
    INDArray big = values(8, 7, 'c', 10);
    INDArray view = big.get(NDArrayIndex.interval(1, 7), NDArrayIndex.interval(2, 6));
    assertFalse(TransposeCopy.applies(new Assign(view, Nd4j.createUninitialized(DataType.FLOAT, new long[] {6, 4},
        'f'))), "a view");
    assertFalse(TransposeCopy.applies(new Assign(f, Nd4j.createUninitialized(DataType.FLOAT, new long[] {4, 6}, 'c'))),
        "another shape");
    assertFalse(TransposeCopy.applies(new Assign(values(2, 3, 'f', 11).reshape('f', 2, 3, 1),
        Nd4j.createUninitialized(DataType.FLOAT, new long[] {2, 3, 1}, 'c'))), "rank 3");
    // and a view copied into the other order still gets libnd4j's values
    INDArray copied = Nd4j.createUninitialized(DataType.FLOAT, new long[] {6, 4}, 'f').assign(view);
    assertArrayEquals(bits(view.dup('f')), bits(copied));
  }

  private static int[] bits(INDArray a) {
    float[] values = a.dup('c').data().asFloat();
    int[] bits = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      bits[i] = Float.floatToRawIntBits(values[i]);
    }
    return bits;
  }
}
