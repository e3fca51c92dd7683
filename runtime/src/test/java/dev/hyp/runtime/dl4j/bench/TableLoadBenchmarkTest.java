package dev.hyp.runtime.dl4j.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The load benchmark runs end to end at a small size and prints its figures (the lead times the large one). */
class TableLoadBenchmarkTest {
  @Test
  void runsAtASmallSizeAndPrintsTheFigures() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TableLoadBenchmark.run(0.5, 3, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.matches("(?s)file: .*, 0\\.5 MB, \\d+ rows, 12 columns \\(mixed\\)\n"
        + "jvm: `hyp run` would choose .*\nstart: .* s \\(ND4J's libraries.*\n"
        + "prepare: .* s \\(read, split, layout, fits; \\d+ features\\), peak heap \\d+ MB\n"
        + "folds: .* s \\(encode, standardise\\)\nload \\(prepare \\+ folds.*cold\\): .* s, peak heap \\d+ MB; "
        + "\\d+ MB/s by wall clock \\(\\d+ MB/s with the start\\)\nread again \\(warm JIT, every column\\): .* s "
        + "\\(\\d+ rows kept\\), peak heap \\d+ MB\n"), out);
  }

  /** Issue 19's numeric shape: every value with six decimals, within half a millionth; 21 cells a row. */
  @Test
  void theNumericShapeWritesSixDecimals() throws Exception {
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 200_000; i++) {
      double value = switch (i % 3) {
        case 0 -> random.nextGaussian();
        case 1 -> random.nextGaussian() * 1e4;
        default -> -random.nextDouble() * 1e-6; // rounds to zero
      };
      String text = TableLoadBenchmark.fixed(new StringBuilder(), value, 6).toString();
      assertTrue(text.matches("-?\\d+\\.\\d{6}"), text);
      assertTrue(Math.abs(Double.parseDouble(text) - value) <= 5e-7 * (1 + 1e-9), value + " as " + text);
    }
    java.nio.file.Path file = java.nio.file.Files.createTempFile("numeric", ".csv");
    try {
      long rows = TableLoadBenchmark.writeNumeric(file, 100_000, 1);
      java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
      org.junit.jupiter.api.Assertions.assertEquals(rows + 1, lines.size());
      for (String line : lines) {
        org.junit.jupiter.api.Assertions.assertEquals(21, line.split(",").length, line);
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
  }
}
