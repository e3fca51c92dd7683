package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossNegativeLogLikelihood;

/**
 * {@link TrainingScore}'s softmax cross-entropy is DL4J's {@code LossMCXENT.computeScore} within float rounding
 * (relative 1e-5: DL4J's float softmax, {@code logf} and float sum against doubles), including rows whose softmax
 * DL4J clips, soft labels and label views; and it is NaN exactly when DL4J's is. Other losses, weights and masks
 * are left to DL4J.
 */
@ExtendWith(Nd4jPatchesExtension.class)
class TrainingScoreTest {
  private static final LossMCXENT LOSS = new LossMCXENT();
  private static final ActivationSoftmax SOFTMAX = new ActivationSoftmax();

  private static double dl4j(INDArray labels, INDArray z) {
    return LOSS.computeScore(labels, z, SOFTMAX, null, false);
  }

  private static INDArray oneHot(Random random, int rows, int cols) {
    INDArray y = Nd4j.zeros(DataType.FLOAT, rows, cols);
    for (int r = 0; r < rows; r++) {
      y.putScalar(r, random.nextInt(cols), 1f);
    }
    return y;
  }

  private static INDArray logits(Random random, int rows, int cols, double scale) {
    INDArray z = Nd4j.create(DataType.FLOAT, rows, cols);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        z.putScalar(r, c, (float) (random.nextGaussian() * scale));
      }
    }
    return z;
  }

  @Test
  void isDl4jsScoreWithinFloatRounding() {
    Random random = new Random(5);
    int[][] shapes = {{64, 4}, {128, 4}, {256, 10}, {17, 3}, {1, 4}, {2, 2}, {64, 1}};
    for (int[] shape : shapes) {
      for (double scale : new double[] {0.1, 1, 5, 40, 300}) { // 40 and 300: softmax values under 1e-10, clipped
        INDArray z = logits(random, shape[0], shape[1], scale);
        INDArray y = oneHot(random, shape[0], shape[1]);
        assertClose(dl4j(y, z), TrainingScore.of(LOSS, SOFTMAX, y, z), shape[0] + "x" + shape[1] + " at " + scale);
      }
    }
    INDArray soft = Nd4j.rand(DataType.FLOAT, 32, 5);
    INDArray z = logits(random, 32, 5, 3);
    assertClose(dl4j(soft, z), TrainingScore.of(LOSS, SOFTMAX, soft, z), "soft labels");
    INDArray wide = oneHot(random, 32, 9);
    INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 7));
    assertClose(dl4j(view, z), TrainingScore.of(LOSS, SOFTMAX, view, z), "labels as a view with gaps");
    assertClose(dl4j(soft, z.dup('f')), TrainingScore.of(LOSS, SOFTMAX, soft, z.dup('f')), "f order");
  }

  @Test
  void isNanExactlyWhenDl4jsIs() {
    Random random = new Random(9);
    float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
        -Float.MAX_VALUE, Float.MIN_VALUE};
    for (float special : specials) {
      for (int column = 0; column < 4; column++) {
        INDArray z = logits(random, 8, 4, 2);
        z.putScalar(3, column, special);
        INDArray y = oneHot(random, 8, 4);
        double stock = dl4j(y, z);
        double ours = TrainingScore.of(LOSS, SOFTMAX, y, z);
        assertEquals(Double.isNaN(stock), Double.isNaN(ours), special + " in column " + column + ": " + stock
            + " against " + ours);
        assertEquals(Double.isFinite(stock), Double.isFinite(ours), special + " in column " + column);
        if (Double.isFinite(stock)) {
          assertClose(stock, ours, special + " in column " + column);
        }
      }
    }
    INDArray z = logits(random, 8, 4, 2);
    INDArray y = oneHot(random, 8, 4);
    y.putScalar(2, 1, Float.NaN);
    assertTrue(Double.isNaN(dl4j(y, z)) && Double.isNaN(TrainingScore.of(LOSS, SOFTMAX, y, z)), "a NaN label");
    INDArray allNegativeInfinity = logits(random, 4, 3, 1);
    allNegativeInfinity.getRow(1).assign(Float.NEGATIVE_INFINITY);
    INDArray y3 = oneHot(random, 4, 3);
    assertEquals(Double.isNaN(dl4j(y3, allNegativeInfinity)),
        Double.isNaN(TrainingScore.of(LOSS, SOFTMAX, y3, allNegativeInfinity)), "a row of -infinity");
  }

  @Test
  void otherLossesWeightsAndMasksAreDl4js() {
    assertTrue(TrainingScore.applies(LOSS, SOFTMAX, null));
    assertFalse(TrainingScore.applies(LOSS, SOFTMAX, Nd4j.ones(DataType.FLOAT, 4, 1)), "a mask");
    assertFalse(TrainingScore.applies(new LossMCXENT(Nd4j.createFromArray(1f, 2f, 1f)), SOFTMAX, null), "weights");
    assertFalse(TrainingScore.applies(new LossMCXENT(0, null), SOFTMAX, null), "no clipping");
    assertFalse(TrainingScore.applies(new LossNegativeLogLikelihood(), SOFTMAX, null), "another loss class");
    assertFalse(TrainingScore.applies(LOSS, new ActivationTanH(), null), "another activation");
  }

  private static void assertClose(double stock, double ours, String what) {
    assertTrue(Double.isFinite(stock) && Math.abs(stock - ours) <= 1e-5 * Math.max(1, Math.abs(stock)),
        what + ": " + ours + " against DL4J's " + stock);
  }
}
