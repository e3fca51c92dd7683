package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Minibatches cut from the shared arrays are exactly the rows getRows gives, in the same order. */
class MinibatchesTest {
  @Test
  void batchesAreTheRowsOfTheShuffledOrder() {
    Random values = new Random(3);
    int n = 103;
    float[] x = new float[n * 7];
    float[] y = new float[n * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) values.nextGaussian();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = values.nextInt(2);
    }
    INDArray features = Nd4j.create(x, new long[] {n, 7}, 'c');
    INDArray labels = Nd4j.create(y, new long[] {n, 3}, 'c');
    Minibatches batches = new Minibatches(new DataSet(features, labels), 16);
    for (int epoch = 0; epoch < 2; epoch++) {
      int[] order = batches.order(new Random(epoch));
      int[] expected = order.clone();
      Random reference = new Random(epoch); // the trainer's shuffle before Minibatches
      int[] perm = new int[n];
      Arrays.setAll(perm, i -> i);
      for (int i = n - 1; i > 0; i--) {
        int j = reference.nextInt(i + 1);
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      assertArrayEquals(perm, expected);
      int batchCount = 0;
      for (int from = 0; from < n; from += 16) {
        int[] rows = Arrays.copyOfRange(order, from, Math.min(n, from + 16));
        DataSet batch = batches.batch(order, from);
        assertArrayEquals(features.getRows(rows).toFloatMatrix(), batch.getFeatures().toFloatMatrix());
        assertArrayEquals(labels.getRows(rows).toFloatMatrix(), batch.getLabels().toFloatMatrix());
        batchCount++;
      }
      assertEquals(7, batchCount);
    }
  }

  @Test
  void aViewFallsBackToGetRows() {
    INDArray wide = Nd4j.rand(20, 10);
    INDArray view = wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
        org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 6));
    Minibatches batches = new Minibatches(new DataSet(view, wide), 8);
    int[] order = batches.order(new Random(1));
    DataSet batch = batches.batch(order, 16);
    int[] rows = Arrays.copyOfRange(order, 16, 20);
    assertArrayEquals(view.getRows(rows).toFloatMatrix(), batch.getFeatures().toFloatMatrix());
    assertArrayEquals(wide.getRows(rows).toFloatMatrix(), batch.getLabels().toFloatMatrix());
  }
}
