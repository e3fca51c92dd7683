package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table mistakes `hyp check` cannot see in a sample stop `hyp run` before any trial with one
 * line naming the file, the row and the column, what is wrong and what to do, and exit 2.
 */
class TableDataMistakesTest {
  @TempDir
  Path dir;

  private Path spec(String csv) throws IOException {
    Files.writeString(dir.resolve("t.csv"), csv);
    return Files.writeString(dir.resolve("t.hyp"), """
        experiment t {
          data {
            source = csv("t.csv", label = "y")
          }
          model {
            dense(units = 4, activation = relu)
            output(activation = softmax, loss = mcxent)
          }
          search random {
            trials = 1
          }
          objective = maximize accuracy on validation
        }
        """);
  }

  private void assertStops(String csv, String message) throws IOException {
    CliTest.Run run = CliTest.hyp("run", spec(csv).toString(), "--out", dir.resolve("runs").toString());
    assertEquals(2, run.exit(), run.out() + run.err());
    assertEquals("hyp: " + dir.resolve("t.csv") + ": " + message + "\n", run.err().replace("\r\n", "\n"));
    assertFalse(Files.exists(dir.resolve("runs/best-model.zip")));
  }

  private static String rows(int n, java.util.function.IntFunction<String> row) {
    StringBuilder csv = new StringBuilder("a,b,y\n");
    for (int i = 0; i < n; i++) {
      csv.append(row.apply(i)).append('\n');
    }
    return csv.toString();
  }

  @Test
  void aCategoryInANumericColumn() throws IOException {
    assertStops(rows(40, i -> (i == 6 ? "oops" : Integer.toString(i % 7)) + "," + (i % 3) + "," + (i % 2)),
        "row 8, column `a`: `oops` is not a number, but most of the column's cells are; fix the cell, or declare "
            + "`column(\"a\", kind = category)`");
  }

  @Test
  void aLabelWithOneClassOnceRowsWithoutALabelAreLeftOut() throws IOException {
    assertStops(rows(30, i -> i % 7 + "," + (i % 3) + "," + (i % 10 == 0 ? "" : "yes")),
        "column `y`: the label has a single class `yes` once the 3 rows without a label are left out; "
            + "classification needs at least two");
  }

  @Test
  void anAllEmptyColumnBeyondWhatCheckSamples() throws IOException {
    // `hyp check` reads the first 10,000 rows; an empty column there is its error (HYP073)
    assertStops(rows(10_050, i -> i % 5 + ",," + (i % 2)),
        "column `b`: every cell is empty; leave the column out with `drop = [\"b\"]`");
  }
}
