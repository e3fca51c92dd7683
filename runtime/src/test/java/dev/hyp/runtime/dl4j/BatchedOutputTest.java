package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Outputs and losses computed a block of rows at a time equal one pass over every row up to the
 * products' rounding, for a CNN and an MLP: the same class for every row, probabilities and losses
 * within 1e-5.
 */
@ExtendWith(Nd4jPatchesExtension.class)
class BatchedOutputTest {

  private static void sameInBlocks(MultiLayerNetwork net, DataSet part) {
    INDArray features = part.getFeatures();
    float[] whole = net.output(features, false).dup('c').data().asFloat();
    int columns = whole.length / (int) features.size(0);
    for (int rows : new int[] {2, 7, 32, (int) features.size(0) - 1}) {
      float[] blocks = BatchedOutput.of(net, features, rows).dup('c').data().asFloat();
      assertEquals(whole.length, blocks.length);
      for (int i = 0; i < whole.length; i++) {
        assertEquals(whole[i], blocks[i], 1e-5, rows + " rows at a time, value " + i);
      }
      for (int r = 0; r < whole.length / columns; r++) {
        assertEquals(argmax(whole, r, columns), argmax(blocks, r, columns), rows + " rows at a time, row " + r);
      }
      assertEquals(net.score(part, false), BatchedOutput.score(net, part, rows), 1e-5, rows + " rows at a time");
    }
  }

  private static int argmax(float[] values, int row, int columns) {
    int best = 0;
    for (int k = 1; k < columns; k++) {
      if (values[row * columns + k] > values[row * columns + best]) {
        best = k;
      }
    }
    return best;
  }

  @Test
  void aCnnsOutputInBlocksIsItsOutputInOnePass() {
    ExperimentData data = ExperimentData.load(CsvSource.of(TestData.resource("shapes8x8.csv"), "shape"), null,
        Task.CLASSIFICATION, new Split.Holdout(0.2, 0.2), new int[] {8, 8, 1}, 3);
    TrainResult trained = Trainer.train(new NetworkBuilder(3, data.inputShape(), Task.CLASSIFICATION, 4)
            .updater(Updater.ADAM, Map.of("lr", 0.01))
            .conv2d(4, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, 2)
            .conv2d(4, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, 2)
            .dense(8, Activation.RELU).output(null, Loss.MCXENT, null), data, Normalization.NONE, "mcxent",
        TrainOptions.of(1, 32, "accuracy", 3), EpochCallback.NONE);
    Fold fold = data.folds(Normalization.NONE, "mcxent", CategoryEncoding.DEFAULT).get(0);
    sameInBlocks(trained.network(), fold.train());
  }

  @Test
  void anMlpsOutputInBlocksIsItsOutputInOnePass() {
    ExperimentData data = TestData.iris();
    TrainResult trained = Trainer.train(new NetworkBuilder(5, data.inputShape(), Task.CLASSIFICATION, 3)
            .updater(Updater.ADAM, Map.of("lr", 0.01)).dense(16, Activation.RELU).dense(8, Activation.TANH)
            .output(null, Loss.MCXENT, null), data, Normalization.STANDARD, "mcxent",
        TrainOptions.of(2, 16, "accuracy", 5), EpochCallback.NONE);
    Fold fold = data.folds(Normalization.STANDARD, "mcxent", CategoryEncoding.DEFAULT).get(0);
    sameInBlocks(trained.network(), fold.train());
  }
}
