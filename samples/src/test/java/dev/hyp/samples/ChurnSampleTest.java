package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.RowEncoding;
import dev.hyp.runtime.data.TableEncoding;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.samples.data.Churn;
import dev.hyp.samples.data.CsvWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The churn sample end to end with real training: a mixed-type table (text columns, empty cells,
 * a rare class) searches, keeps its best model, and that model predicts rows with unseen
 * categories and empty cells as documented, through {@link SavedModel} as `hyp predict` does.
 */
class ChurnSampleTest {
  @TempDir
  Path runs;

  @Test
  void theCommittedTableIsWhatTheGeneratorWrites() throws Exception {
    assertArrayEquals(CsvWriter.toCsv(Churn.generate()).getBytes(StandardCharsets.UTF_8),
        Files.readAllBytes(Path.of("data", Churn.FILE_NAME)),
        "data/churn.csv differs from a fresh run of dev.hyp.samples.data.Churn; regenerate it");
  }

  @Test
  void searchesAndItsBestModelPredictsRowsWithUnseenCategoriesAndEmptyCells() throws Exception {
    Path out = runs.resolve("churn");
    SamplesRunTest.Run run = SamplesRunTest.hyp("run", "churn.hyp", "--trials", "3", "--max-epochs", "3",
        "--out", out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("churn.csv: left out 18 rows without a label `churned`"), run.out());

    SavedModel model = SavedModel.load(out.resolve("best-model.zip"));
    RowEncoding encoding = model.metadata().rowEncoding();
    assertTrue(encoding instanceof TableEncoding, encoding.getClass().getName());
    assertEquals(List.of("tenure_months", "plan", "city", "payment", "monthly_charges", "support_calls"),
        encoding.columns());
    assertEquals(List.of("no", "yes"), model.metadata().classes());
    String[][] cells = {
        {"3", "basic", "Paris", "card", "35.10", "4"},
        {"", "platinum", "Reykjavik", "NA", "", ""},  // unseen plan and city, empty cells everywhere else
        {"60", "family", "", "bank", "99.00", "0"}};
    double[][] rows = new double[cells.length][encoding.width()];
    int unseen = 0;
    for (int i = 0; i < cells.length; i++) {
      encoding.encode(cells[i], rows[i]);
      unseen += encoding.unseen(cells[i]).isEmpty() ? 0 : 1;
    }
    assertEquals(1, unseen);
    double[][] scores = model.predict(rows);
    for (double[] row : scores) {
      assertEquals(2, row.length);
      assertTrue(Double.isFinite(row[0]) && Double.isFinite(row[1]));
      assertEquals(1.0, row[0] + row[1], 1e-4);
    }
    assertEquals(3, model.predictClasses(rows).size());
  }
}
