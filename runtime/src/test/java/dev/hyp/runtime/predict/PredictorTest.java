package dev.hyp.runtime.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.CellException;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.Nd4jPatchesExtension;
import dev.hyp.runtime.dl4j.SavedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Java API: rows by column name, batches, many threads, and the model files it refuses. */
@ExtendWith(Nd4jPatchesExtension.class)
class PredictorTest {
  @TempDir
  Path dir;

  private static Map<String, Object> row(TrainedModels.Trained trained, int index) {
    Map<String, Object> row = new HashMap<>();
    List<String> names = trained.data().table().featureNames();
    for (int j = 0; j < names.size(); j++) {
      row.put(names.get(j), trained.data().table().features()[index][j]);
    }
    return row;
  }

  @Test
  void aRowByColumnNameGetsWhatTheSavedModelComputes() throws Exception {
    TrainedModels.Trained iris = TrainedModels.iris();
    Predictor predictor = Predictor.load(iris.zip());
    assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), predictor.columns());
    assertEquals(List.of("setosa", "versicolor", "virginica"), predictor.classes());
    assertEquals(Task.CLASSIFICATION, predictor.task());
    assertEquals("species", predictor.label());

    int[] all = iris.allRows();
    double[][] expected = SavedModel.load(iris.zip()).predict(iris.rows(all));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int index : all) {
      Map<String, Object> row = row(iris, index);
      row.put("id", "ignored"); // a column the model does not know
      rows.add(row);
    }
    List<Prediction> batch = predictor.predict(rows);
    for (int i = 0; i < all.length; i++) {
      Prediction one = predictor.predict(rows.get(i));
      assertEquals(one, batch.get(i));
      assertEquals(List.of("setosa", "versicolor", "virginica"), List.copyOf(one.probabilities().keySet()));
      for (int k = 0; k < 3; k++) {
        assertEquals(expected[i][k], one.probabilities().get(predictor.classes().get(k)));
      }
      assertEquals(SavedModel.load(iris.zip()).predictClasses(new double[][] {iris.rows(all)[i]}).get(0),
          one.className());
      assertTrue(Double.isNaN(one.value()));
      if (i > 5) {
        break; // the batch is checked in full below
      }
    }
    List<String> classes = SavedModel.load(iris.zip()).predictClasses(iris.rows(all));
    for (int i = 0; i < all.length; i++) {
      assertEquals(classes.get(i), batch.get(i).className(), "row " + i);
    }
  }

  @Test
  void cellsMayBeTextAndARegressionModelGivesItsValue() throws Exception {
    TrainedModels.Trained friedman = TrainedModels.friedman();
    Predictor predictor = Predictor.load(friedman.zip());
    assertEquals(Task.REGRESSION, predictor.task());
    assertEquals(List.of(), predictor.classes());
    Map<String, Object> numbers = row(friedman, 3);
    Map<String, Object> texts = new HashMap<>();
    numbers.forEach((column, value) -> texts.put(column, " " + value + " "));
    Prediction prediction = predictor.predict(numbers);
    assertEquals(prediction, predictor.predict(texts));
    assertFalse(prediction.isClass());
    assertEquals(SavedModel.load(friedman.zip()).predict(friedman.rows(new int[] {3}))[0][0], prediction.value());
    assertEquals(Float.toString((float) prediction.value()), prediction.text());
  }

  @Test
  void aMissingColumnOrABadCellIsNamed() throws Exception {
    Predictor predictor = Predictor.load(TrainedModels.iris().zip());
    Map<String, Object> row = row(TrainedModels.iris(), 0);
    row.remove("petal_width");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> predictor.predict(row));
    assertEquals("the row has no `petal_width`; the model needs "
        + "[sepal_length, sepal_width, petal_length, petal_width]", missing.getMessage());
    row.put("petal_width", "wide");
    CellException cell = assertThrows(CellException.class, () -> predictor.predict(row));
    assertEquals("column `petal_width`: `wide` is not a number", cell.getMessage());
    row.put("petal_width", List.of(1));
    assertThrows(IllegalArgumentException.class, () -> predictor.predict(row));
  }

  /** A network computes one output at a time: many threads at once must get what one thread gets. */
  @Test
  void manyThreadsAtOnceGetTheSequentialResults() throws Exception {
    TrainedModels.Trained iris = TrainedModels.iris();
    Predictor predictor = Predictor.load(iris.zip());
    int[] all = iris.allRows();
    List<Prediction> sequential = new ArrayList<>();
    for (int index : all) {
      sequential.add(predictor.predict(row(iris, index)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Prediction>>> futures = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          List<Prediction> got = new ArrayList<>();
          for (int i = 0; i < all.length; i++) {
            int index = all[(i + offset * 7) % all.length]; // threads at different rows at the same moment
            got.add(offset % 2 == 0 ? predictor.predict(row(iris, index))
                : predictor.predict(List.of(row(iris, index), row(iris, (index + 1) % all.length))).get(0));
          }
          return got;
        }));
      }
      for (int t = 0; t < futures.size(); t++) {
        List<Prediction> got = futures.get(t).get();
        for (int i = 0; i < all.length; i++) {
          assertEquals(sequential.get((i + t * 7) % all.length), got.get(i), "thread " + t + ", row " + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFileThatIsNotAModelOfHypsIsRefusedInOneLine() throws Exception {
    Path missing = dir.resolve("missing.zip");
    assertEquals(missing + ": no such file",
        assertThrows(ModelFileException.class, () -> Predictor.load(missing)).getMessage());

    Path text = Files.writeString(dir.resolve("model.zip"), "sepal_length,species\n");
    assertEquals(text + ": not a model saved by hyp: not a zip file",
        assertThrows(ModelFileException.class, () -> Predictor.load(text)).getMessage());

    Path otherZip = dir.resolve("other.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(otherZip))) {
      zip.putNextEntry(new ZipEntry("configuration.json"));
      zip.write("{}".getBytes());
    }
    assertEquals(otherZip + ": not a model saved by hyp: the zip has no hyp-model.json",
        assertThrows(ModelFileException.class, () -> Predictor.load(otherZip)).getMessage());

    assertTrue(assertThrows(ModelFileException.class, () -> Predictor.load(dir)).getMessage()
        .startsWith(dir + ": not a regular file"));
  }
}
