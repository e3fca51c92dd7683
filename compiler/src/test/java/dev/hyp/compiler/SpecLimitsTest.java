package dev.hyp.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.cli.Main;
import dev.hyp.compiler.build.ExperimentBuild;
import dev.hyp.compiler.build.ProcessClasspath;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import dev.hyp.runtime.run.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile specs (issue 18, items 4 and 5), built here at their full size: each is a located error
 * with its code, from `hyp check` with exit 1 and never a stack trace; and specs just under each
 * limit check and compile to Java that javac accepts, on a thread with half the default stack.
 */
class SpecLimitsTest {
  /** Half of the JVM's default 1 MiB: what passes here has room to spare on any thread hyp runs on. */
  private static final long SMALL_STACK = 512 * 1024;

  private final Compiler compiler = new Compiler();

  @TempDir
  Path dir;

  static String spec(String params, String model, String extra) {
    return "experiment t {\n"
        + "  data {\n    source = csv(\"data/iris.csv\", label = \"species\")\n  }\n"
        + "  params {\n" + params + "\n  }\n"
        + "  model {\n" + model + "\n    output(activation = softmax, loss = mcxent)\n  }\n"
        + extra
        + "  objective = maximize accuracy on validation\n}\n";
  }

  private static String sum(String term, int terms) {
    return IntStream.range(0, terms).mapToObj(i -> term).collect(Collectors.joining(" + "));
  }

  private static String loops(int depth) {
    return IntStream.range(0, depth).mapToObj(i -> "    for i" + i + " in 1..1 {\n").collect(Collectors.joining())
        + "      dense(units = 4)\n" + "    }\n".repeat(depth);
  }

  private static String floatParams(int count) {
    return IntStream.range(0, count).mapToObj(i -> "    p" + i + " = uniform(0.0, 0.5)")
        .collect(Collectors.joining("\n"));
  }

  private static String dropouts(int count) {
    return IntStream.range(0, count).mapToObj(i -> "    dropout(rate = p" + i + ")").collect(Collectors.joining("\n"));
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of("2,000-term expression", Code.HYP009, spec("    x = int(1, 3)", "    dense(units = " + sum("x", 2000)
            + ")", "")),
        Arguments.of("5,000-term expression", Code.HYP009, spec("", "    dense(units = " + sum("1", 5000) + ")", "")),
        Arguments.of("5,000-term condition", Code.HYP009, spec("    a = int(1, 3)\n    b = int(1, 3) if "
            + IntStream.range(0, 2500).mapToObj(i -> "a == 1").collect(Collectors.joining(" and ")),
            "    dense(units = 2)", "")),
        Arguments.of("loops nested 700 deep", Code.HYP008, spec("", loops(700), "")),
        Arguments.of("700 parentheses", Code.HYP008, spec("", "    dense(units = " + "(".repeat(700) + "4"
            + ")".repeat(700) + ")", "")),
        Arguments.of("3,000 signs", Code.HYP008, spec("", "    dense(units = " + "-".repeat(3000) + "4)", "")),
        Arguments.of("3,000 `not`", Code.HYP008, spec("    a = int(1, 3)\n    b = int(1, 3) if " + "not ".repeat(3000)
            + "a == 1", "    dense(units = b)", "")),
        Arguments.of("a loop of 10^9 layers", Code.HYP065, spec("", "    for j in 1..1000000000 {\n"
            + "      dense(units = 4)\n    }", "")),
        Arguments.of("nested loops of 10^4 x 10^4 layers", Code.HYP065, spec("    n = int(1, 10000)",
            "    for i in 1..n {\n      for j in 1..n {\n        dense(units = 4)\n      }\n    }", "")),
        Arguments.of("10,001 layers", Code.HYP065, spec("", "    for i in 1..10000 {\n      dense(units = 4)\n    }", "")),
        Arguments.of("trials = 2147483648", Code.HYP020, spec("", "    dense(units = 4)",
            "  search random {\n    trials = 2147483648\n  }\n")),
        Arguments.of("parallel = 100000", Code.HYP020, spec("", "    dense(units = 4)",
            "  search random {\n    parallel = 100000\n  }\n")),
        Arguments.of("units beyond an int", Code.HYP020, spec("", "    dense(units = 3000000000)", "")),
        Arguments.of("an int parameter beyond an int", Code.HYP020, spec("    n = int(1, 3000000000)",
            "    dense(units = n)", "")),
        Arguments.of("pruner option beyond an int", Code.HYP020, spec("", "    dense(units = 4)",
            "  search random {\n    pruner = asha(min_epochs = 2147483648)\n  }\n")),
        Arguments.of("epochs beyond an int", Code.HYP020, spec("", "    dense(units = 4)",
            "  train {\n    epochs = 2147483648\n  }\n")),
        Arguments.of("1,001 parameters", Code.HYP041, spec(IntStream.range(0, 1001).mapToObj(i -> "    c" + i + " = 1")
            .collect(Collectors.joining("\n")), "    dense(units = 4)", "")),
        Arguments.of("a spec of 5,000 terms", Code.HYP009, spec(floatParams(1000), dropouts(1000), "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void hostileSpecsAreLocatedErrors(String name, Code code, String text) throws IOException {
    CheckResult result = onSmallStack(() -> check(text));
    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    String rendered = new DiagnosticRenderer().renderAll(SourceFile.of("t.hyp", text), result.diagnostics());
    assertFalse(errors.isEmpty(), name + ": " + rendered);
    assertEquals(code, errors.get(0).code(), rendered);
    assertTrue(errors.get(0).span().end() <= text.length() && errors.get(0).span().start() >= 0, rendered);

    Path file = write(text);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = onSmallStack(() -> Main.run(new String[] {"check", file.toString()}, new PrintWriter(out, true),
        new PrintWriter(err, true)));
    assertEquals(ExitCode.ERRORS.code(), exit, err.toString());
    assertTrue(out.toString().contains("[" + code + "]") || err.toString().contains("[" + code + "]"),
        out + "\n" + err);
    assertFalse((out + "" + err).contains("Exception") || (out + "" + err).contains("\tat "), out + "\n" + err);
  }

  static Stream<Arguments> justUnder() {
    return Stream.of(
        Arguments.of("256-term expression", spec("    x = int(1, 3)", "    dense(units = " + sum("x", 256) + ")", "")),
        Arguments.of("256-term float expression", spec("    y = uniform(0.0, 0.001)",
            "    dense(units = 4)\n    dropout(rate = " + sum("y", 256) + ")", "")),
        Arguments.of("a 255-value choice", spec("    c = choice(" + IntStream.range(1, 256).mapToObj(String::valueOf)
            .collect(Collectors.joining(", ")) + ")", "    dense(units = c)", "")),
        Arguments.of("loops nested 60 deep", spec("", loops(60), "")),
        Arguments.of("parentheses 60 deep", spec("    x = int(1, 3)", "    dense(units = " + "(".repeat(60) + "x"
            + ")".repeat(60) + ")", "")),
        Arguments.of("10,000 layers", spec("", "    for i in 1..9999 {\n      dense(units = 2)\n    }", "")),
        Arguments.of("1,000 per-layer values", spec("    units[1000] = choice(8, 16)",
            "    for i in 1..1000 {\n      dense(units = units[i])\n    }", "")),
        Arguments.of("300 float parameters", spec(floatParams(300), "    dense(units = 4)\n" + dropouts(300), "")),
        Arguments.of("1,000 parameters", spec(IntStream.range(0, 1000).mapToObj(i -> "    c" + i + " = 0.5")
            .collect(Collectors.joining("\n")), "    dense(units = 4)\n    dropout(rate = c0)", "")),
        Arguments.of("a spec of 4,000 terms in layers", spec("    x = int(1, 3)", IntStream.range(0, 790)
            .mapToObj(i -> "    dense(units = x * 2 + " + i + ")").collect(Collectors.joining("\n")), "")),
        Arguments.of("a spec of 4,000 terms in choices", spec(IntStream.range(0, 15).mapToObj(k -> "    c" + k
            + " = choice(" + IntStream.range(1, 256).mapToObj(j -> String.valueOf(k * 1000 + j))
            .collect(Collectors.joining(", ")) + ")").collect(Collectors.joining("\n")),
            IntStream.range(0, 15).mapToObj(k -> "    dense(units = c" + k + ")").collect(Collectors.joining("\n")), "")),
        Arguments.of("trials = 1000000, parallel = 1024", spec("", "    dense(units = 4)",
            "  search random {\n    trials = 1000000\n    parallel = 1024\n  }\n")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("justUnder")
  void specsJustUnderTheLimitsCheckAndCompile(String name, String text) {
    ExperimentBuild.Compiled compiled = onSmallStack(() -> {
      CheckResult result = check(text);
      assertNotNull(result.experiment(), new DiagnosticRenderer().renderAll(SourceFile.of("t.hyp", text),
          result.diagnostics()));
      return new ExperimentBuild().build(result.experiment(), SourceFile.of("t.hyp", text), ProcessClasspath.entries());
    });
    assertFalse(compiled.entries().isEmpty(), name);
  }

  @Test
  void theLimitsAreTheDocumentedOnes() {
    String doc = TestFiles.read(TestFiles.samplesDirectory().resolveSibling("docs").resolve("language.md"));
    for (String limit : List.of("64", "256", "4,000", "10,000", "1,000", "1,000,000", "1,024", "2,147,483,647")) {
      assertTrue(doc.contains(limit), "docs/language.md does not name the limit " + limit);
    }
  }

  private CheckResult check(String text) {
    return compiler.check(new SourceFile("t.hyp", TestFiles.resource("diagnostics").resolve("t.hyp"), text));
  }

  private Path write(String text) throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.copy(TestFiles.resource("diagnostics").resolve("data/iris.csv"), dir.resolve("data/iris.csv"));
    return Files.writeString(dir.resolve("t.hyp"), text);
  }

  /** Runs {@code work} on a thread with {@link #SMALL_STACK}, passing on what it throws. */
  private static <T> T onSmallStack(java.util.concurrent.Callable<T> work) {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(work.call());
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "small-stack", SMALL_STACK);
    thread.start();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (failure.get() != null) {
      throw new AssertionError("threw " + failure.get(), failure.get());
    }
    return result.get();
  }
}
