package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.ClassWeights;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.predict.CsvPrediction;
import dev.hyp.runtime.predict.Predictor;
import dev.hyp.runtime.data.Missing;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.RowEncoding;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.TableEncoding;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** A mixed table (numbers with empty cells, text categories, a rare class) through training, saving and prediction. */
@ExtendWith(Nd4jPatchesExtension.class)
class PreparedTableTest {
  @TempDir
  Path dir;

  private Path churn(int rows) throws IOException {
    Random random = new Random(7);
    String[] plans = {"basic", "pro", "family"};
    String[] cities = {"Paris", "Lyon", "Nice", "Lille"};
    StringBuilder csv = new StringBuilder("customer,tenure,plan,city,monthly,churn\n");
    for (int i = 1; i <= rows; i++) {
      int tenure = random.nextInt(60);
      String plan = plans[random.nextInt(plans.length)];
      boolean churns = tenure < 8 && !plan.equals("family") || random.nextInt(40) == 0;
      csv.append("c").append(i).append(',').append(random.nextInt(10) == 0 ? "" : tenure).append(',').append(plan)
          .append(',').append(random.nextInt(12) == 0 ? "" : cities[random.nextInt(cities.length)]).append(',')
          .append(String.format(java.util.Locale.ROOT, "%.2f", 20 + random.nextDouble() * 80)).append(',')
          .append(i % 50 == 0 ? "" : churns ? "yes" : "no").append('\n');
    }
    Path file = dir.resolve("churn.csv");
    Files.writeString(file, csv);
    return file;
  }

  private static NetworkBuilder network(ExperimentData data) {
    return new NetworkBuilder(3, data.inputShape(), Task.CLASSIFICATION, 2).updater(Updater.ADAM, Map.of("lr", 0.05))
        .dense(8, Activation.RELU).output(null, Loss.MCXENT, null);
  }

  @Test
  void aMixedTableTrainsSavesAndPredictsRowsWithUnseenCategoriesAndEmptyCells() throws IOException {
    DataPlan plan = new DataPlan(null, List.of("customer"), Missing.MEDIAN, true, 20, Map.of(), ClassWeights.BALANCED);
    ExperimentData data = ExperimentData.load(CsvSource.of(churn(400), "churn"), null, Task.CLASSIFICATION,
        new Split.KFold(3), null, 1, plan);
    assertEquals(List.of(dir.resolve("churn.csv") + ": left out 8 rows without a label `churn`"), data.notes());
    assertEquals(List.of("tenure", "tenure_missing", "plan=family", "plan=basic", "plan=pro", "city=Paris",
        "city=Lille", "city=Nice", "city=Lyon", "city_missing", "monthly").size(), data.inputShape().features());
    List<Fold> folds = data.folds(Normalization.STANDARD, "mcxent");
    for (Fold fold : folds) {
      assertEquals(data.inputShape().features(), fold.train().getFeatures().size(1), "one width for every fold");
      assertTrue(fold.classWeights()[1] > 1, "the rare class weighs more");
    }
    TrainResult result = Trainer.train(network(data), data, Normalization.STANDARD, "mcxent",
        TrainOptions.of(4, 32, "accuracy", 2), EpochCallback.NONE);
    BaseOutputLayer output = (BaseOutputLayer) result.network().getLayerWiseConfigurations().getConf(1).getLayer();
    assertTrue(output.getLossFn() instanceof LossMCXENT loss && loss.getWeights() != null, "the loss is weighted");
    assertEquals(folds.get(0).encoding(), result.encoding());

    Path zip = dir.resolve("model.zip");
    SavedModel.save(zip, result, data, Map.of());
    SavedModel model = SavedModel.load(zip);
    RowEncoding encoding = model.metadata().rowEncoding();
    assertTrue(encoding instanceof TableEncoding, "kept as fitted: " + encoding);
    assertEquals(List.of("tenure", "plan", "city", "monthly"), encoding.columns());
    String[][] cells = {{"", "pro", "Paris", "50.0"}, {"3", "premium", "Tokyo", ""}, {"40", "family", "", "99.5"}};
    double[][] rows = new double[cells.length][encoding.width()];
    for (int i = 0; i < cells.length; i++) {
      encoding.encode(cells[i], rows[i]);
    }
    assertEquals(List.of("plan", "city"), encoding.unseen(cells[1]));
    double[][] predicted = model.predict(rows);
    // the same as the trained network on the rows as its own fold's encoding and normalizer prepare them
    INDArray x = ExperimentData.features(rows, data.inputShape());
    result.normalizer().transform(x);
    assertArrayEquals(result.network().output(x, false).toDoubleMatrix(), predicted);
    for (double[] scores : predicted) {
      assertEquals(1.0, scores[0] + scores[1], 1e-5);
    }
    assertEquals(3, model.predictClasses(rows).size());

    // a CSV predicted through the model counts the rows with an unseen category, and names their columns
    Path csv = Files.writeString(dir.resolve("new.csv"), "monthly,city,plan,tenure\n50.0,Paris,pro,\n,Tokyo,premium,3\n"
        + "99.5,,family,40\n");
    CsvPrediction.Result predictedCsv = CsvPrediction.write(Predictor.load(zip), csv, dir.resolve("out.csv"),
        CsvPrediction.Options.DEFAULTS);
    assertEquals(3, predictedCsv.rows());
    assertEquals(1, predictedCsv.unseenRows());
    assertEquals(List.of("plan", "city"), predictedCsv.unseenColumns());
  }

  @Test
  void aSeparateTestFileIsEncodedByEachFoldsEncoding() throws IOException {
    Path train = churn(200);
    Path test = dir.resolve("test.csv");
    Files.writeString(test, "customer,tenure,plan,city,monthly,churn\nx1,5,basic,Rome,30,yes\nx2,,pro,Paris,40,no\n");
    ExperimentData data = ExperimentData.load(CsvSource.of(train, "churn"), CsvSource.of(test, "churn"),
        Task.CLASSIFICATION, new Split.Holdout(0.2, 0), null, 1, DataPlan.DEFAULT);
    Fold fold = data.folds(Normalization.NONE, "mcxent").get(0);
    assertEquals(2, fold.test().numExamples());
    assertTrue(data.notes().stream().anyMatch(n -> n.contains("`customer` looks like an id")), data.notes().toString());
    assertEquals(data.inputShape().features(), data.table().features()[0].length);
  }

  @Test
  void aTestFileWithTextInANumberColumnFailsAtLoadWithItsRow() throws IOException {
    Path train = churn(100);
    Path test = dir.resolve("bad-test.csv");
    Files.writeString(test, "customer,tenure,plan,city,monthly,churn\nx1,5,basic,Paris,30,yes\nx2,soon,pro,Lyon,40,no\n");
    dev.hyp.runtime.data.DataException e = org.junit.jupiter.api.Assertions.assertThrows(
        dev.hyp.runtime.data.DataException.class, () -> ExperimentData.load(CsvSource.of(train, "churn"),
            CsvSource.of(test, "churn"), Task.CLASSIFICATION, new Split.Holdout(0.2, 0), null, 1, DataPlan.DEFAULT));
    assertEquals(test + ": row 3, column `tenure`: `soon` is not a number, but the training file's column holds "
        + "numbers", e.getMessage());
  }
}
