package dev.hyp.runtime.predict;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Table;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TestData;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Models trained for real on the test data (a few epochs), saved as a run saves them, once per
 * test JVM: iris (classification, standard normalization), friedman1 (regression) and the 8x8
 * shapes (a CNN on image-shaped rows).
 */
final class TrainedModels {
  private TrainedModels() {}

  /** A saved model, the data it was trained on, and what training reported. */
  record Trained(Path zip, ExperimentData data, TrainResult result) {
    /** The raw rows of {@code indexes}, as the table holds them. */
    double[][] rows(int[] indexes) {
      double[][] rows = new double[indexes.length][];
      for (int i = 0; i < indexes.length; i++) {
        float[] features = data.table().features()[indexes[i]];
        rows[i] = new double[features.length];
        for (int j = 0; j < features.length; j++) {
          rows[i][j] = features[j];
        }
      }
      return rows;
    }

    int[] testRows() {
      return data.parts().get(0).test();
    }

    int[] allRows() {
      int[] all = new int[data.table().size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }

    /**
     * A CSV of {@code indexes}: the feature columns in {@code order} (names; the label's name adds the
     * label), exactly as the table read them.
     */
    String csv(int[] indexes, List<String> order) {
      Table table = data.table();
      StringBuilder csv = new StringBuilder(String.join(",", order)).append('\n');
      for (int index : indexes) {
        List<String> cells = new ArrayList<>();
        for (String column : order) {
          if (column.equals(table.labelName())) {
            cells.add(table.task() == Task.CLASSIFICATION ? table.classes().get(table.classOf(index))
                : Double.toString(table.labels()[index]));
          } else {
            int j = table.featureNames().indexOf(column);
            cells.add(j < 0 ? "extra" + index : Float.toString(table.features()[index][j]));
          }
        }
        csv.append(String.join(",", cells)).append('\n');
      }
      return csv.toString();
    }
  }

  private static final Path FOLDER = folder();
  private static Trained iris;
  private static Trained friedman;
  private static Trained shapes;

  /** Under target/, which `mvn clean` empties: the models are rebuilt by each test JVM anyway. */
  private static Path folder() {
    try {
      return Files.createDirectories(Path.of("target", "predict-models").toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized Trained iris() {
    if (iris == null) {
      ExperimentData data = ExperimentData.load(CsvSource.of(TestData.resource("iris.csv"), "species"), null,
          Task.CLASSIFICATION, new Split.Holdout(0.2, 0.2), null, 42);
      iris = train("iris", data, new NetworkBuilder(2, data.inputShape(), Task.CLASSIFICATION, 3)
          .updater(Updater.ADAM, Map.of("lr", 0.05)).dense(8, Activation.TANH).output(null, Loss.MCXENT, null),
          Normalization.STANDARD, "mcxent", "accuracy", 8);
    }
    return iris;
  }

  static synchronized Trained friedman() {
    if (friedman == null) {
      ExperimentData data = ExperimentData.load(CsvSource.of(TestData.resource("friedman1.csv"), "y"), null,
          Task.REGRESSION, new Split.Holdout(0.2, 0.2), null, 11);
      friedman = train("friedman", data, new NetworkBuilder(11, data.inputShape(), Task.REGRESSION, 0)
          .updater(Updater.ADAM, Map.of("lr", 0.01)).dense(16, Activation.RELU).output(null, Loss.MSE, null),
          Normalization.MINMAX, "mse", "rmse", 5);
    }
    return friedman;
  }

  static synchronized Trained shapes() {
    if (shapes == null) {
      ExperimentData data = ExperimentData.load(CsvSource.of(TestData.resource("shapes8x8.csv"), "shape"), null,
          Task.CLASSIFICATION, new Split.Holdout(0.2, 0.2), new int[] {8, 8, 1}, 3);
      shapes = train("shapes", data, new NetworkBuilder(3, data.inputShape(), Task.CLASSIFICATION, 4)
          .updater(Updater.ADAM, Map.of("lr", 0.01)).conv2d(4, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, 2)
          .dense(16, Activation.RELU).output(null, Loss.MCXENT, null), Normalization.NONE, "mcxent", "f1", 2);
    }
    return shapes;
  }

  private static Trained train(String name, ExperimentData data, NetworkBuilder network, Normalization normalization,
      String loss, String metric, int epochs) {
    TrainResult result = Trainer.train(network, data, normalization, loss, TrainOptions.of(epochs, 16, metric, 7),
        EpochCallback.NONE);
    Path zip = FOLDER.resolve(name + "/best-model.zip");
    try {
      SavedModel.save(zip, result, data, Map.of("trial", 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Trained(zip, data, result);
  }
}
