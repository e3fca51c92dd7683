package dev.hyp.runtime.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.bench.PredictBenchmark;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `predict` streams: a file far larger than a small heap could hold as rows goes through a child
 * JVM limited to that heap. (The 1,000,000-row run with 256 MB is `hyp bench predict`.)
 */
class PredictHeapTest {
  @TempDir
  Path dir;

  @Test
  void aFileOfManyRowsIsPredictedInASmallHeap() throws Exception {
    int rows = 200_000;
    Path model = PredictBenchmark.trainModel(dir);
    Path data = PredictBenchmark.writeRows(dir.resolve("rows.csv"), rows, 2, true);
    Path out = dir.resolve("predictions.csv");
    PredictBenchmark.ChildRun run = PredictBenchmark.predictInChild(model, data, out, "64m");
    assertEquals(0, run.exit(), run.output());
    assertTrue(run.output().contains("hyp: " + rows + " predictions written to " + out), run.output());
    assertTrue(run.output().contains("hyp: ignored columns (not features of the model): `id`, `label` (the label"),
        run.output());
    assertTrue(run.output().contains("hyp: against `label` (" + rows + " rows): accuracy "), run.output());
    long lines = 0;
    try (BufferedReader reader = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
      assertEquals("prediction", reader.readLine());
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        assertTrue(PredictBenchmark.CLASSES.contains(line), line);
        lines++;
      }
    }
    assertEquals(rows, lines);
  }
}
