package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The shape-info and TAD caches that {@link Nd4jPatches#install} installs. */
class Nd4jCachesTest {

  @Test
  void installPutsInBothCachesOnce() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    Object provider = Nd4j.getShapeInfoProvider();
    Object tadManager = Nd4j.getExecutioner().getTADManager();
    Nd4jPatches.install(Nd4jPatches.Options.all());
    assertInstanceOf(CachingShapeInfoProvider.class, Nd4j.getShapeInfoProvider());
    assertInstanceOf(CachingTadManager.class, Nd4j.getExecutioner().getTADManager());
    assertSame(provider, Nd4j.getShapeInfoProvider());
    assertSame(tadManager, Nd4j.getExecutioner().getTADManager());
  }

  @Test
  void arraysOfOneShapeShareTheirShapeInfoAndKeepTheirOwnValues() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    INDArray a = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c');
    INDArray b = Nd4j.create(new float[] {6, 5, 4, 3, 2, 1}, new long[] {2, 3}, 'c');
    assertSame(a.shapeInfoDataBuffer(), b.shapeInfoDataBuffer());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, a.data().asFloat());
    assertArrayEquals(new float[] {6, 5, 4, 3, 2, 1}, b.data().asFloat());
    // a different order or type is a different shape
    INDArray f = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'f');
    assertArrayEquals(new long[] {1, 2}, f.stride());
    assertEquals(DataType.DOUBLE, a.castTo(DataType.DOUBLE).dataType());
    assertTrue(((CachingShapeInfoProvider) Nd4j.getShapeInfoProvider()).size() > 0);
  }

  @Test
  void reductionsAndBroadcastsGiveTheSameValuesWhenCached() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    for (int round = 0; round < 3; round++) { // the first round fills the caches, the others hit them
      INDArray m = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c');
      assertArrayEquals(new float[] {5, 7, 9}, m.sum(0).toFloatVector());
      assertArrayEquals(new float[] {6, 15}, m.sum(1).toFloatVector());
      assertArrayEquals(new float[] {4, 5, 6}, m.getRow(1).toFloatVector());
      INDArray row = Nd4j.create(new float[] {10, 20, 30}, new long[] {1, 3}, 'c');
      assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, m.addRowVector(row).data().asFloat());
      INDArray column = Nd4j.create(new float[] {100, 200}, new long[] {2, 1}, 'c');
      assertArrayEquals(new float[] {101, 102, 103, 204, 205, 206}, m.addColumnVector(column).data().asFloat());
    }
    assertTrue(((CachingTadManager) Nd4j.getExecutioner().getTADManager()).size() > 0);
  }
}
