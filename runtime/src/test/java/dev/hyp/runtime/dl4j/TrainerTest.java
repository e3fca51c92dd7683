package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import dev.hyp.runtime.vocab.WeightInit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Nd4jPatchesExtension.class)
class TrainerTest {

  @Test
  void rowsOfGivesWhatToDoubleMatrixGives() {
    org.nd4j.linalg.api.ndarray.INDArray c = org.nd4j.linalg.factory.Nd4j.rand(7, 3);
    org.nd4j.linalg.api.ndarray.INDArray f = c.dup('f');
    org.nd4j.linalg.api.ndarray.INDArray view = org.nd4j.linalg.factory.Nd4j.rand(9, 5)
        .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 6), org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 4));
    for (org.nd4j.linalg.api.ndarray.INDArray m : List.of(c, f, view)) {
      double[][] expected = m.toDoubleMatrix();
      double[][] actual = Trainer.rowsOf(m);
      assertEquals(expected.length, actual.length);
      for (int i = 0; i < expected.length; i++) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected[i], actual[i]);
      }
    }
  }

  private static NetworkBuilder irisNet(long seed, double lr) {
    ExperimentData data = TestData.iris();
    return new NetworkBuilder(seed, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
        .updater(Updater.ADAM, Map.of("lr", lr))
        .dense(16, Activation.RELU)
        .output(null, Loss.MCXENT, null);
  }

  @Test
  void learnsIrisWellAboveChance() {
    TrainResult result = Trainer.train(irisNet(1, 0.05), TestData.iris(), Normalization.STANDARD, "mcxent",
        TrainOptions.of(15, 16, "accuracy", 1), EpochCallback.NONE);
    assertEquals(15, result.epochsRun());
    assertFalse(result.pruned());
    assertTrue(result.validation().get("accuracy") >= 0.8, "validation " + result.validation());
    assertTrue(result.test().get("accuracy") >= 0.7, "test " + result.test());
    assertEquals(Metrics.CLASSIFICATION.size(), result.validation().size());
    assertEquals(15, result.history().length);
  }

  @Test
  void earlyStoppingStopsAfterPatienceAndRestoresTheBestEpoch() {
    // a tiny rate: accuracy plateaus, so patience 2 stops long before 60 epochs
    TrainResult result = Trainer.train(irisNet(3, 1e-5), TestData.iris(), Normalization.STANDARD, "mcxent",
        TrainOptions.of(60, 32, "accuracy", 3).withEarlyStopping(2, 0.01), EpochCallback.NONE);
    assertTrue(result.epochsRun() < 60, "ran " + result.epochsRun());
    assertEquals(result.bestEpoch() + 2, result.epochsRun());
    double best = result.history()[result.bestEpoch() - 1];
    assertEquals(best, result.validation().get("accuracy"), 1e-9, "the best epoch's weights are returned");
  }

  @Test
  void earlyStoppingOnLossMinimises() {
    TrainResult result = Trainer.train(irisNet(4, 0.05), TestData.iris(), Normalization.STANDARD, "mcxent",
        new TrainOptions(30, 16, 3, 0, "loss", 4), EpochCallback.NONE);
    double min = java.util.Arrays.stream(result.history()).min().orElseThrow();
    assertEquals(min, result.history()[result.bestEpoch() - 1], 0);
    assertEquals(min, result.validation().get("loss"), 1e-5);
  }

  @Test
  void pruningStopsAtOnce() {
    List<Integer> seen = new ArrayList<>();
    TrainResult result = Trainer.train(irisNet(5, 0.01), TestData.iris(), Normalization.STANDARD, "mcxent",
        TrainOptions.of(20, 16, "accuracy", 5), (epoch, value) -> {
          seen.add(epoch);
          return epoch == 3;
        });
    assertTrue(result.pruned());
    assertEquals(3, result.epochsRun());
    assertEquals(List.of(1, 2, 3), seen);
  }

  @Test
  void callbackExceptionsPassThrough() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Trainer.train(irisNet(5, 0.01),
        TestData.iris(), Normalization.NONE, "mcxent", TrainOptions.of(5, 16, "accuracy", 5), (epoch, value) -> {
          throw new IllegalStateException("stop");
        }));
    assertEquals("stop", e.getMessage());
  }

  @Test
  void aDivergingLossFailsWithAReason() {
    ExperimentData data = TestData.iris();
    NetworkBuilder huge = new NetworkBuilder(6, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
        .updater(Updater.SGD, Map.of("lr", 1e12)).dense(32, Activation.RELU).dense(32, Activation.RELU)
        .output(Activation.IDENTITY, Loss.MSE, null);
    TrainingFailedException e = assertThrows(TrainingFailedException.class, () -> Trainer.train(huge, data,
        Normalization.NONE, "mse", TrainOptions.of(10, 16, "accuracy", 6), EpochCallback.NONE));
    assertTrue(e.getMessage().matches("the loss became (NaN|infinite) in epoch \\d+, batch \\d+ \\(the learning rate "
        + "may be too high\\)"), e.getMessage());
  }

  @Test
  void kfoldTrainsEveryFoldAndAverages() {
    ExperimentData data = ExperimentData.load(dev.hyp.runtime.data.CsvSource.of(TestData.resource("iris.csv"),
        "species"), null, Task.CLASSIFICATION, new dev.hyp.runtime.data.Split.KFold(3), null, 9);
    assertEquals(3, data.folds(Normalization.STANDARD, "mcxent").size());
    TrainResult result = Trainer.train(new NetworkBuilder(9, data.inputShape(), Task.CLASSIFICATION, 3)
            .updater(Updater.ADAM, Map.of("lr", 0.05)).dense(16, Activation.RELU).output(null, Loss.MCXENT, null), data,
        Normalization.STANDARD, "mcxent", TrainOptions.of(8, 16, "accuracy", 9), EpochCallback.NONE);
    assertTrue(result.validation().get("accuracy") > 0.8, result.validation().toString());
    assertTrue(result.test().isEmpty());
  }

  @Test
  void regressionOnFriedmanWithCosineSchedule() {
    ExperimentData data = ExperimentData.load(dev.hyp.runtime.data.CsvSource.of(TestData.resource("friedman1.csv"),
        "y"), null, Task.REGRESSION, new dev.hyp.runtime.data.Split.Holdout(0.2, 0.2), null, 11);
    TrainResult result = Trainer.train(new NetworkBuilder(11, data.inputShape(), Task.REGRESSION, 0)
            .updater(Updater.ADAM, Map.of("lr", 0.01)).cosineSchedule(20).dense(32, Activation.RELU)
            .output(null, Loss.MSE, null), data,
        Normalization.STANDARD, "mse", TrainOptions.of(20, 16, "rmse", 11), EpochCallback.NONE);
    assertTrue(result.validation().get("r2") > 0.5, result.validation().toString());
    assertEquals(Metrics.REGRESSION.size(), result.test().size());
  }

  @Test
  void twoTrialsOnTwoThreadsShareTheData() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> Trainer.train(irisNet(7, 0.05), TestData.iris(), Normalization.MINMAX, "mcxent",
          TrainOptions.of(10, 16, "accuracy", 7), EpochCallback.NONE));
      var b = pool.submit(() -> Trainer.train(irisNet(7, 0.05), TestData.iris(), Normalization.MINMAX, "mcxent",
          TrainOptions.of(10, 16, "accuracy", 7), EpochCallback.NONE));
      TrainResult ra = a.get();
      TrainResult rb = b.get();
      // same seed, same data: the same result, whatever the other thread did
      assertEquals(ra.validation(), rb.validation());
      assertTrue(ra.network().params().equalsWithEps(rb.network().params(), 1e-6));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void stepScheduleFollowsTheEpochs() {
    ExperimentData data = TestData.iris();
    TrainResult result = Trainer.train(new NetworkBuilder(8, data.inputShape(), Task.CLASSIFICATION, 3)
            .updater(Updater.SGD, Map.of("lr", 0.1)).stepSchedule(1, 0.5).dense(4, Activation.RELU)
            .output(null, Loss.MCXENT, null),
        data, Normalization.STANDARD, "mcxent", TrainOptions.of(2, 32, "accuracy", 8), EpochCallback.NONE);
    assertEquals(2, result.network().getEpochCount());
    assertEquals(0.025, result.network().getLearningRate(0), 1e-9); // 0.1 * 0.5^2 for the next epoch
  }

  @Test
  void cnnOnShapesLearns() {
    ExperimentData data = ExperimentData.load(dev.hyp.runtime.data.CsvSource.of(TestData.resource("shapes8x8.csv"),
        "shape"), null, Task.CLASSIFICATION, new dev.hyp.runtime.data.Split.Holdout(0.2, 0.2), new int[] {8, 8, 1}, 3);
    TrainResult result = Trainer.train(new NetworkBuilder(3, data.inputShape(), Task.CLASSIFICATION, 4)
            .updater(Updater.ADAM, Map.of("lr", 0.01)).weightInit(WeightInit.RELU)
            .conv2d(8, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, 2)
            .batchnorm().dense(32, Activation.RELU).output(null, Loss.MCXENT, null), data, Normalization.NONE, "mcxent",
        TrainOptions.of(6, 32, "f1", 3), EpochCallback.NONE);
    assertTrue(result.validation().get("f1") > 0.6, result.validation().toString()); // chance is 0.25
  }
}
