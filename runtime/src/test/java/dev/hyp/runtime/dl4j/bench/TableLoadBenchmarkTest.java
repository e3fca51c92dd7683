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
    assertTrue(out.matches("(?s)file: .*, 0\\.5 MB, \\d+ rows, 12 columns\njvm: `hyp run` would choose .*\n"
        + "start: .* s \\(ND4J's libraries.*\nprepare: .* s \\(read, split, layout, fits; \\d+ features\\), peak heap "
        + "\\d+ MB\nfolds: .* s \\(encode, standardise\\)\nload \\(prepare \\+ folds.*cold\\): .* s, peak heap \\d+ MB; "
        + "\\d+ MB/s by wall clock \\(\\d+ MB/s with the start\\)\nread again \\(warm JIT, every column\\): .* s "
        + "\\(\\d+ rows kept\\), peak heap \\d+ MB\n"), out);
  }
}
