package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;

/**
 * The example of the language's design sketch, byte for byte as published (hand-aligned,
 * not in `hyp fmt` layout), checks clean, and formats to samples/iris.hyp.
 */
class SketchExampleTest {
  @Test
  void theSketchExampleChecksAsWrittenAndFormatsToTheSample() throws IOException {
    String sketch = Files.readString(Path.of("src/test/resources/sketch/iris.hyp"));
    SourceFile source = new SourceFile("iris.hyp", Path.of("iris.hyp").toAbsolutePath(), sketch);
    CheckResult result = new Compiler().check(source);
    assertEquals("", new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    assertNotNull(result.experiment());

    ParseResult parsed = new Compiler().parse(source);
    assertEquals(Files.readString(Path.of("iris.hyp")), Formatter.format(sketch, parsed.experiment(), parsed.comments()));
  }
}
