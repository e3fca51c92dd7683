package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.NumericColumns;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(Nd4jPatchesExtension.class)
class SavedModelTest {
  @TempDir
  Path dir;

  @Test
  void saveAndLoadGiveTheSamePredictions() throws Exception {
    ExperimentData data = TestData.iris();
    TrainResult result = Trainer.train(new NetworkBuilder(2, data.inputShape(), Task.CLASSIFICATION, 3)
            .updater(Updater.ADAM, Map.of("lr", 0.05)).dense(8, Activation.TANH).dropout(0.1)
            .output(null, Loss.MCXENT, null), data,
        Normalization.STANDARD, "mcxent", TrainOptions.of(5, 16, "accuracy", 2), EpochCallback.NONE);
    Path zip = dir.resolve("best/model.zip");
    SavedModel.save(zip, result, data, Map.of("trial", 3));

    double[][] rows = new double[150][];
    for (int i = 0; i < rows.length; i++) {
      float[] features = data.table().features()[i];
      rows[i] = new double[features.length];
      for (int j = 0; j < features.length; j++) {
        rows[i][j] = features[j];
      }
    }
    // what the trained network gives on the same raw rows, normalised by the training part's statistics
    org.nd4j.linalg.api.ndarray.INDArray x = ExperimentData.features(rows, data.inputShape());
    result.normalizer().transform(x);
    double[][] expected = result.network().output(x, false).toDoubleMatrix();

    SavedModel loaded = SavedModel.load(zip);
    assertArrayEquals(expected, loaded.predict(rows));
    assertEquals(List.of("setosa", "versicolor", "virginica"), loaded.metadata().classes());
    assertEquals(result.test(), loaded.metadata().test());
    assertEquals(3, loaded.metadata().extra().get("trial"));
    List<String> predicted = loaded.predictClasses(rows);
    long correct = 0;
    for (int i = 0; i < rows.length; i++) {
      correct += predicted.get(i).equals(data.classes().get(data.table().classOf(i))) ? 1 : 0;
    }
    assertEquals(Task.CLASSIFICATION, SavedModel.readMetadata(zip).task());
    assertEquals(new NumericColumns(data.table().featureNames()), SavedModel.readMetadata(zip).encoding());
    org.junit.jupiter.api.Assertions.assertTrue(correct > 100, "correct " + correct);
  }
}
