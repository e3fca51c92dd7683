package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.bench.data.GeneratedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The samples at real sizes (samples/large/) read generated data that is never committed: each is
 * checked, formatted and run here on the same generator's data at a small size, in a copy of its
 * folder; `hyp bench data` writes what they read, and says so in one line when asked for a set it lacks.
 */
class LargeSamplesTest {
  @TempDir
  Path dir;

  static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("large"))) {
      List<Path> specs = files.filter(p -> p.toString().endsWith(".hyp")).sorted().toList();
      assertFalse(specs.isEmpty(), "no samples in " + Path.of("large").toAbsolutePath());
      return specs;
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void checksCleanIsCanonicalAndRunsOnItsGeneratorsDataAtASmallSize(Path sample) throws IOException {
    Path spec = dir.resolve(sample.getFileName());
    String text = Files.readString(sample);
    Files.writeString(spec, text);
    int generated = 0;
    for (GeneratedData set : GeneratedData.values()) {
      if (text.contains("\"data/" + set.fileName() + "\"")) {
        set.write(dir.resolve("data").resolve(set.fileName()), 200);
        generated++;
      }
    }
    assertEquals(1, generated, "the sample reads none of the generated data sets by name");

    SourceFile source = SourceFile.read(spec);
    CheckResult result = new Compiler().check(source);
    assertEquals("", new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    ParseResult parsed = new Compiler().parse(source);
    assertEquals(source.text(), Formatter.format(source.text(), parsed.experiment(), parsed.comments()));

    SamplesRunTest.Run run = SamplesRunTest.hyp("run", spec.toString(), "--trials", "1", "--max-epochs", "1",
        "--out", dir.resolve("run").toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(Files.isRegularFile(dir.resolve("run").resolve("best.json")), run.out());
  }

  @Test
  void benchDataWritesTheChosenSetsAtTheChosenSize() throws IOException {
    SamplesRunTest.Run data = SamplesRunTest.hyp("bench", "data", "--out", dir.toString(), "--sets", "tabular,glyphs",
        "--rows", "tabular=50", "--rows", "glyphs=20");
    assertEquals(0, data.exit(), data.err());
    assertEquals(51, Files.readAllLines(dir.resolve("tabular_50.csv")).size());
    assertEquals(21, Files.readAllLines(dir.resolve("glyphs_20.csv")).size());
    assertTrue(data.out().contains("wrote " + dir.resolve("tabular_50.csv")), data.out());

    SamplesRunTest.Run unknown = SamplesRunTest.hyp("bench", "data", "--out", dir.toString(), "--sets", "faces");
    assertEquals(2, unknown.exit());
    assertEquals("hyp bench data: no data set `faces`; the sets are tabular, glyphs, mixed", unknown.err().strip());
  }
}
