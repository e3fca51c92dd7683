package dev.hyp.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of diagnostics: each `src/test/resources/diagnostics/NAME.hyp` is checked and
 * every diagnostic is rendered; the text must equal `NAME.expected` byte for byte, carets
 * included.
 *
 * <p>To review a change of wording, run with {@code -Dhyp.updateGoldens=true}
 * ({@code mvn -pl compiler test -Dtest=GoldenDiagnosticsTest -Dhyp.updateGoldens=true}): the
 * test then rewrites every `.expected` file from the current output instead of comparing, and
 * `git diff` shows what changed. Never commit goldens without reading that diff.
 */
class GoldenDiagnosticsTest {
  static final String FOLDER = "diagnostics";
  private static final boolean UPDATE = Boolean.getBoolean("hyp.updateGoldens");
  private static final Pattern HEADER = Pattern.compile("^(?:error|warning)\\[(HYP\\d{3})]: ", Pattern.MULTILINE);
  private static final Pattern LOCATION = Pattern.compile("^ *--> (\\S+):(\\d+):(\\d+)$", Pattern.MULTILINE);

  private final Compiler compiler = new Compiler();

  static Stream<String> goldens() throws IOException {
    Path folder = TestFiles.resource(FOLDER);
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".hyp"))
          .map(n -> n.substring(0, n.length() - ".hyp".length()))
          .sorted()
          .toList();
      assertFalse(names.isEmpty(), "no golden inputs in " + folder);
      return names.stream();
    }
  }

  /** The input as the checker sees it: a stable name in the output, its real path for data checks. */
  static SourceFile input(String name) {
    Path path = TestFiles.resource(FOLDER + "/" + name + ".hyp");
    return new SourceFile(FOLDER + "/" + name + ".hyp", path, TestFiles.read(path));
  }

  static Path expectedFile(String name) {
    return TestFiles.resource(FOLDER).resolve(name + ".expected");
  }

  /**
   * Every diagnostic rendered. The absolute path of the goldens folder (which data-file notes
   * print) becomes {@code <diagnostics>}, so the goldens do not depend on where the checkout is.
   */
  private String rendered(SourceFile source) {
    CheckResult result = compiler.check(source);
    String folder = TestFiles.resource(FOLDER).toString();
    return new DiagnosticRenderer().renderAll(source, result.diagnostics()).replace(folder, "<diagnostics>");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void renderedDiagnosticsMatchTheGolden(String name) throws IOException {
    SourceFile source = input(name);
    String actual = rendered(source);
    Path expected = expectedFile(name);
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertTrue(Files.exists(expected), "no " + expected.getFileName()
        + "; run once with -Dhyp.updateGoldens=true, then review the new file");
    assertEquals(TestFiles.read(expected), actual, "diagnostics of " + name + ".hyp");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void everyGoldenIsAboutItsCode(String name) {
    // hyp012_unknown_activation.hyp must report HYP012: the name says which check a file pins
    Matcher code = Pattern.compile("^hyp(\\d{3})_").matcher(name);
    if (!code.find()) {
      assertTrue(name.startsWith("syntax_") || name.startsWith("clean_") || name.startsWith("multi_"),
          "golden files are named hypNNN_what.hyp (or syntax_/clean_/multi_...): " + name);
      return;
    }
    String output = rendered(input(name));
    assertTrue(output.contains("[HYP" + code.group(1) + "]"), name + " does not report HYP" + code.group(1)
        + ":\n" + output);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void everyDiagnosticPointsInsideItsFile(String name) {
    SourceFile source = input(name);
    CheckResult result = compiler.check(source);
    for (Diagnostic diagnostic : result.diagnostics()) {
      for (Label label : diagnostic.labels()) {
        assertTrue(label.span().start() >= 0 && label.span().end() <= source.text().length(),
            name + ": " + diagnostic.code() + " has a label outside the file: " + label.span());
      }
      assertFalse(diagnostic.message().isEmpty(), name + ": empty message");
      assertFalse(diagnostic.message().endsWith("."), name + ": message ends with a period: " + diagnostic.message());
      assertEquals(diagnostic.message().substring(0, 1).toLowerCase(java.util.Locale.ROOT),
          diagnostic.message().substring(0, 1), name + ": message starts in upper case: " + diagnostic.message());
    }
  }

  @Test
  void everyGoldenNamesItsFileAndALineInIt() throws IOException {
    assumeFalse(UPDATE, "the goldens are being rewritten");
    for (String name : goldens().toList()) {
      SourceFile source = input(name);
      String expected = Files.exists(expectedFile(name)) ? TestFiles.read(expectedFile(name)) : "";
      Matcher location = LOCATION.matcher(expected);
      while (location.find()) {
        assertEquals(FOLDER + "/" + name + ".hyp", location.group(1), name);
        int line = Integer.parseInt(location.group(2));
        int column = Integer.parseInt(location.group(3));
        assertTrue(line >= 1 && line <= source.lineCount(), name + ": line " + line + " is not in the file");
        assertTrue(column >= 1 && column <= source.lineText(line).length() + 1,
            name + ": column " + column + " is not on line " + line);
      }
    }
  }

  /** A new code cannot ship without a golden that shows it. */
  @Test
  void everyCodeAppearsInSomeGolden() throws IOException {
    assumeFalse(UPDATE, "the goldens are being rewritten");
    Set<Code> seen = EnumSet.noneOf(Code.class);
    for (String name : goldens().toList()) {
      Path expected = expectedFile(name);
      if (!Files.exists(expected)) {
        continue;
      }
      Matcher header = HEADER.matcher(TestFiles.read(expected));
      while (header.find()) {
        seen.add(Code.valueOf(header.group(1)));
      }
    }
    Set<Code> missing = EnumSet.allOf(Code.class);
    missing.removeAll(seen);
    if (!missing.isEmpty()) {
      fail("codes without a golden in src/test/resources/diagnostics: " + missing);
    }
  }
}
