package dev.hyp.runtime.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.dl4j.Nd4jPatchesExtension;
import dev.hyp.runtime.dl4j.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file through a saved model: columns found by name, the predictions those of
 * {@link SavedModel#predict} on the same rows in the same order, the label's metrics those
 * training reported for the same rows, and bad files refused with their place and nothing written.
 */
@ExtendWith(Nd4jPatchesExtension.class)
class CsvPredictionTest {
  @TempDir
  Path dir;

  private static final CsvPrediction.Options SMALL_BATCHES = new CsvPrediction.Options(false, ',', 7);

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<List<String>> cells(Path csv) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      rows.add(List.of(line.split(",", -1)));
    }
    return rows;
  }

  @Test
  void columnsInAnotherOrderWithExtrasGiveTheSavedModelsPredictionsAndTrainingsTestMetrics() throws Exception {
    TrainedModels.Trained iris = TrainedModels.iris();
    int[] test = iris.testRows();
    List<String> order = List.of("id", "petal_width", "species", "sepal_length", "petal_length", "sepal_width");
    Path data = write("iris-test.csv", iris.csv(test, order));
    Path out = dir.resolve("out/predictions.csv");

    CsvPrediction.Result result = Predictor.load(iris.zip()).predictCsv(data, out,
        SMALL_BATCHES.withProbabilities(true));

    assertEquals(test.length, result.rows());
    assertEquals(List.of("id", "species"), result.unused());
    assertTrue(result.labelPresent());
    for (String metric : List.of("accuracy", "f1", "precision", "recall")) {
      assertEquals(iris.result().test().get(metric), result.metrics().get(metric), 1e-12, metric);
    }
    assertEquals(4, result.metrics().size(), "auc and loss need every row at once: " + result.metrics());

    SavedModel model = SavedModel.load(iris.zip());
    double[][] expected = inBatches(model, iris.rows(test), SMALL_BATCHES.batchRows());
    List<String> classes = model.predictClasses(iris.rows(test));
    List<List<String>> written = cells(out);
    assertEquals(List.of("prediction", "p_setosa", "p_versicolor", "p_virginica"), written.get(0));
    assertEquals(test.length + 1, written.size());
    for (int i = 0; i < test.length; i++) {
      List<String> row = written.get(i + 1);
      assertEquals(classes.get(i), row.get(0), "row " + i);
      for (int k = 0; k < 3; k++) {
        assertEquals((float) expected[i][k], Float.parseFloat(row.get(k + 1)), "row " + i);
      }
    }
  }

  @Test
  void aRegressionModelWritesItsValuesAndScoresThemAsTrainingDid() throws Exception {
    TrainedModels.Trained friedman = TrainedModels.friedman();
    int[] test = friedman.testRows();
    List<String> order = new ArrayList<>(friedman.data().table().featureNames());
    order.add(0, "y");
    Collections.reverse(order);
    Path data = write("friedman-test.csv", friedman.csv(test, order));
    Path out = dir.resolve("friedman-predictions.csv");

    CsvPrediction.Result result = Predictor.load(friedman.zip()).predictCsv(data, out, SMALL_BATCHES);

    for (String metric : List.of("mse", "rmse", "mae", "r2")) {
      // a float's last bits may differ between a batch of 7 rows and training's batch of all of them
      double trained = friedman.result().test().get(metric);
      assertEquals(trained, result.metrics().get(metric), 1e-6 * Math.abs(trained), metric);
    }
    double[][] expected = inBatches(SavedModel.load(friedman.zip()), friedman.rows(test), SMALL_BATCHES.batchRows());
    List<List<String>> written = cells(out);
    assertEquals(List.of("prediction"), written.get(0));
    for (int i = 0; i < test.length; i++) {
      assertEquals((float) expected[i][0], Float.parseFloat(written.get(i + 1).get(0)), "row " + i);
    }
  }

  /** What the model computes for rows in batches of {@code size}: a float's last bits depend on the batch. */
  private static double[][] inBatches(SavedModel model, double[][] rows, int size) {
    double[][] outputs = new double[rows.length][];
    for (int from = 0; from < rows.length; from += size) {
      double[][] batch = java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + size));
      System.arraycopy(model.predict(batch), 0, outputs, from, batch.length);
    }
    return outputs;
  }

  @Test
  void imageShapedRowsArePredictedByTheirPixelColumnsNames() throws Exception {
    TrainedModels.Trained shapes = TrainedModels.shapes();
    int[] all = shapes.allRows();
    List<String> order = new ArrayList<>(shapes.data().table().featureNames());
    Collections.reverse(order); // p63 first: only the names say which pixel is which
    Path data = write("shapes.csv", shapes.csv(all, order));
    Path out = dir.resolve("shapes-predictions.csv");

    CsvPrediction.Result result = Predictor.load(shapes.zip()).predictCsv(data, out);

    assertEquals(all.length, result.rows());
    assertFalse(result.labelPresent());
    assertEquals(Map.of(), result.metrics());
    List<String> expected = SavedModel.load(shapes.zip()).predictClasses(shapes.rows(all));
    List<List<String>> written = cells(out);
    for (int i = 0; i < all.length; i++) {
      assertEquals(expected.get(i), written.get(i + 1).get(0), "row " + i);
    }
  }

  @Test
  void aHeaderWithoutRowsGivesAHeaderWithoutRows() throws Exception {
    Path data = write("header.csv", "sepal_length,sepal_width,petal_length,petal_width,species\n");
    Path out = dir.resolve("out.csv");
    CsvPrediction.Result result = Predictor.load(TrainedModels.iris().zip()).predictCsv(data, out);
    assertEquals(0, result.rows());
    assertEquals(Map.of(), result.metrics());
    assertEquals("prediction\n", Files.readString(out));
  }

  private DataException refused(String csv) throws IOException {
    Path data = write("bad.csv", csv);
    Path out = dir.resolve("never.csv");
    Predictor predictor = Predictor.load(TrainedModels.iris().zip());
    DataException e = assertThrows(DataException.class, () -> predictor.predictCsv(data, out, SMALL_BATCHES));
    assertFalse(Files.exists(out), "nothing is written for a bad file");
    try (var left = Files.list(dir)) {
      assertEquals(List.of("bad.csv"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }
    return e;
  }

  @Test
  void badFilesAreRefusedWithTheirFileRowAndColumn() throws Exception {
    Path bad = dir.resolve("bad.csv");
    String header = "sepal_length,sepal_width,petal_length,petal_width\n";
    // rows 2 to 18 are good, in batches of 7: the bad one is found past two batches written
    assertEquals(bad + ": row 19, column `petal_length`: `long` is not a number",
        refused(header + "5.1,3.5,1.4,0.2\n".repeat(17) + "5.1,3.5,long,0.2\n").getMessage());
    assertEquals(bad + ": row 3, column `sepal_width`: the cell is empty; a number is needed",
        refused(header + "5.1,3.5,1.4,0.2\n5.1,,1.4,0.2\n").getMessage());
    assertEquals(bad + ": row 3: has 3 cells, but the header has 4",
        refused(header + "5.1,3.5,1.4,0.2\n5.1,3.5,1.4\n").getMessage());
    assertEquals(bad + ": the file is empty; it needs a header and rows", refused("").getMessage());
    assertEquals(bad + ": row 1, column `petal_width`: the model needs this column and the header has none of "
        + "that name", refused("sepal_length,sepal_width,petal_length,species\n5,3,1,setosa\n").getMessage());
    assertEquals(bad + ": row 1, column `petal_width`: the model needs this column and the header has none of "
        + "that name; the header's columns the model does not know: `petal_w` (renamed?)",
        refused("sepal_length,sepal_width,petal_length,petal_w\n5,3,1,0.2\n").getMessage());
    assertEquals(bad + ": row 1, column `sepal_length`: the model needs this column and the header has none of "
        + "that name (nor `sepal_width`, `petal_width`)", refused("petal_length\n1\n").getMessage());
    assertEquals(bad + ": row 1, column `a`: the header names this column twice",
        refused("a,sepal_length,sepal_width,petal_length,petal_width,a\n").getMessage());
    assertEquals(bad + ": row 2, column `species`: class `daisy` is not one of the model's classes "
        + "[setosa, versicolor, virginica]; drop the label column to predict without scoring",
        refused("sepal_length,sepal_width,petal_length,petal_width,species\n5,3,1,0.2,daisy\n").getMessage());

    Files.write(bad, new byte[] {'s', 'e', 'p', (byte) 0xE9, '\n'});
    Path out = dir.resolve("never.csv");
    Predictor predictor = Predictor.load(TrainedModels.iris().zip());
    assertEquals(bad + ": not UTF-8 text; save the file as UTF-8",
        assertThrows(DataException.class, () -> predictor.predictCsv(bad, out)).getMessage());
    assertEquals(dir.resolve("none.csv") + ": no such file",
        assertThrows(DataException.class, () -> predictor.predictCsv(dir.resolve("none.csv"), out)).getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void aBadRowLeavesAnEarlierOutputAsItWas() throws Exception {
    Path out = write("predictions.csv", "prediction\nsetosa\n");
    Path data = write("later.csv", "sepal_length,sepal_width,petal_length,petal_width\n"
        + "5.1,3.5,1.4,0.2\n".repeat(3000) + "5.1,x,1.4,0.2\n");
    Predictor predictor = Predictor.load(TrainedModels.iris().zip());
    DataException e = assertThrows(DataException.class, () -> predictor.predictCsv(data, out));
    assertEquals(data + ": row 3002, column `sepal_width`: `x` is not a number", e.getMessage());
    assertEquals("prediction\nsetosa\n", Files.readString(out));
  }
}
