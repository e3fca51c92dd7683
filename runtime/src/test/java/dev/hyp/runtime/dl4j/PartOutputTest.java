package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A part's loss from its output pass ({@link PartOutput}) is, to the bit, the loss of DL4J's second
 * pass ({@code net.score} in {@link BatchedOutput}'s blocks), and a trial's metrics after training are
 * those of a fresh evaluation of its network.
 */
@ExtendWith(Nd4jPatchesExtension.class)
class PartOutputTest {

  @Test
  void theLossFromTheOutputPassIsDl4jsScoreToTheBit() {
    ExperimentData iris = TestData.iris();
    sameAsTwoPasses("softmax, mcxent", trained(new NetworkBuilder(5, iris.inputShape(), Task.CLASSIFICATION, 3)
        .updater(Updater.ADAM, Map.of("lr", 0.01)).l2(1e-3).dense(16, Activation.RELU).dense(8, Activation.TANH)
        .output(null, Loss.MCXENT, null), iris, "mcxent"), fold(iris, "mcxent").train());
    sameAsTwoPasses("hinge", trained(new NetworkBuilder(5, iris.inputShape(), Task.CLASSIFICATION, 3)
        .updater(Updater.ADAM, Map.of("lr", 0.01)).dense(12, Activation.RELU)
        .output(null, Loss.HINGE, null), iris, "hinge"), fold(iris, "hinge").train());
    ExperimentData friedman = ExperimentData.load(CsvSource.of(TestData.resource("friedman1.csv"), "y"), null,
        Task.REGRESSION, new Split.Holdout(0.2, 0.1), null, 3);
    sameAsTwoPasses("regression", trained(new NetworkBuilder(5, friedman.inputShape(), Task.REGRESSION, 0)
        .updater(Updater.ADAM, Map.of("lr", 0.01)).dense(10, Activation.SIGMOID)
        .output(Activation.IDENTITY, Loss.MSE, null), friedman, "mse"), fold(friedman, "mse").train());
  }

  @Test
  void aTrialsMetricsAreThoseOfAFreshEvaluation() {
    ExperimentData iris = TestData.iris();
    NetworkBuilder net = new NetworkBuilder(2, iris.inputShape(), Task.CLASSIFICATION, 3)
        .updater(Updater.ADAM, Map.of("lr", 0.05)).dense(16, Activation.RELU).output(null, Loss.MCXENT, null);
    for (TrainOptions options : new TrainOptions[] {TrainOptions.of(4, 16, "accuracy", 1),
        TrainOptions.of(4, 16, "loss", 1), TrainOptions.of(12, 16, "accuracy", 1).withEarlyStopping(1, 0)}) {
      TrainResult result = Trainer.train(net, iris, Normalization.STANDARD, "mcxent", options, EpochCallback.NONE);
      if (options.patience() > 0) { // an earlier epoch's weights restored: the last validation pass is not theirs
        assertTrue(result.bestEpoch() < result.epochsRun(), "no restore: " + result.bestEpoch());
      }
      Fold fold = fold(iris, "mcxent");
      MultiLayerNetwork trained = result.network();
      double regularization = trained.calcRegularizationScore(true);
      String what = options.toString();
      assertEquals(bits(BatchedOutput.score(trained, fold.validation()) - regularization),
          bits(result.validation().get("loss")), what);
      assertEquals(bits(BatchedOutput.score(trained, fold.test()) - regularization), bits(result.test().get("loss")),
          what);
      assertEquals(accuracy(trained, fold.validation()), result.validation().get("accuracy"), 0, what);
      assertEquals(accuracy(trained, fold.test()), result.test().get("accuracy"), 0, what);
    }
  }

  private static void sameAsTwoPasses(String what, MultiLayerNetwork net, DataSet part) {
    for (int rows : new int[] {2, 7, 32, (int) part.getFeatures().size(0) - 1, (int) part.getFeatures().size(0) + 5}) {
      PartOutput pass = BatchedOutput.pass(net, part, rows);
      assertTrue(pass.scoredFromOutputPass(), what);
      assertArrayEquals(floatBits(BatchedOutput.of(net, part.getFeatures(), rows)), floatBits(pass.output()),
          what + ", " + rows + " rows");
      assertEquals(bits(BatchedOutput.score(net, part, rows)), bits(pass.score()), what + ", " + rows + " rows");
    }
    String before = System.getProperty(PreOutputReuse.SWITCH);
    System.setProperty(PreOutputReuse.SWITCH, "true");
    try { // DL4J's own output layer keeps nothing: the loss comes from a second pass, with the same value
      MultiLayerNetwork stock = NetworkBuilder.build(net.getLayerWiseConfigurations().clone());
      stock.setParams(net.params());
      PartOutput pass = BatchedOutput.pass(stock, part, 7);
      assertFalse(pass.scoredFromOutputPass(), what);
      assertEquals(bits(BatchedOutput.score(net, part, 7)), bits(pass.score()), what + ", DL4J's layers");
    } finally {
      if (before == null) {
        System.clearProperty(PreOutputReuse.SWITCH);
      } else {
        System.setProperty(PreOutputReuse.SWITCH, before);
      }
    }
  }

  private static MultiLayerNetwork trained(NetworkBuilder net, ExperimentData data, String loss) {
    return Trainer.train(net, data, Normalization.STANDARD, loss, TrainOptions.of(2, 16,
        data.task() == Task.CLASSIFICATION ? "accuracy" : "mse", 5), EpochCallback.NONE).network();
  }

  private static Fold fold(ExperimentData data, String loss) {
    return data.folds(Normalization.STANDARD, loss, CategoryEncoding.DEFAULT).get(0);
  }

  private static double accuracy(MultiLayerNetwork net, DataSet part) {
    INDArray out = BatchedOutput.of(net, part.getFeatures());
    INDArray labels = part.getLabels();
    int right = 0;
    for (int i = 0; i < out.size(0); i++) {
      right += out.getRow(i).argMax().getInt(0) == labels.getRow(i).argMax().getInt(0) ? 1 : 0;
    }
    return (double) right / out.size(0);
  }

  private static long bits(double value) {
    return Double.doubleToRawLongBits(value);
  }

  private static int[] floatBits(INDArray a) {
    float[] values = a.dup('c').data().asFloat();
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }
}
