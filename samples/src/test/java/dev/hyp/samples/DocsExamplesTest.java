package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of the user reference (docs/language.md) check clean as written: every
 * fenced `hyp` block that holds a whole experiment, as if it were a file in samples/.
 */
class DocsExamplesTest {
  private static final Pattern HYP_BLOCK = Pattern.compile("```hyp\\n(.*?)```", Pattern.DOTALL);

  static List<String> examples() throws IOException {
    String reference = Files.readString(Path.of("..", "docs", "language.md"));
    List<String> examples = new ArrayList<>();
    Matcher matcher = HYP_BLOCK.matcher(reference);
    while (matcher.find()) {
      if (matcher.group(1).contains("experiment ")) {
        examples.add(matcher.group(1));
      }
    }
    assertFalse(examples.isEmpty(), "docs/language.md has no complete ```hyp examples");
    return examples;
  }

  @ParameterizedTest
  @MethodSource("examples")
  void checksClean(String example) {
    SourceFile source = new SourceFile("docs-example.hyp", Path.of("docs-example.hyp").toAbsolutePath(), example);
    CheckResult result = new Compiler().check(source);
    assertEquals("", new DiagnosticRenderer().renderAll(source, result.diagnostics()));
  }
}
