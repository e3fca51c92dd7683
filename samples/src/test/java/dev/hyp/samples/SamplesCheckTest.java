package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample spec checks clean (no errors, no warnings) and is in the canonical layout. */
class SamplesCheckTest {

  static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("."))) {
      List<Path> specs = files.filter(p -> p.toString().endsWith(".hyp")).sorted().toList();
      assertFalse(specs.isEmpty(), "no samples found in " + Path.of(".").toAbsolutePath());
      return specs;
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void checksClean(Path sample) throws IOException {
    SourceFile source = SourceFile.read(sample);
    CheckResult result = new Compiler().check(source);
    assertEquals("", new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    assertNotNull(result.experiment());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void isInTheCanonicalLayout(Path sample) throws IOException {
    SourceFile source = SourceFile.read(sample);
    ParseResult parsed = new Compiler().parse(source);
    assertEquals(source.text(), Formatter.format(source.text(), parsed.experiment(), parsed.comments()));
  }
}
