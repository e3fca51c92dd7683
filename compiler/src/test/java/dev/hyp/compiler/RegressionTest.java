package dev.hyp.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.ast.Comment;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiler bugs found by the test suite, one test each, written as the behaviour the
 * language promises: each failed before its fix.
 */
class RegressionTest {
  private final Compiler compiler = new Compiler();

  private static String spec(String params, String model, String extra) {
    return "experiment t {\n"
        + "  data {\n    source = csv(\"data/iris.csv\", label = \"species\")\n  }\n"
        + "  params {\n" + params + "\n  }\n"
        + "  model {\n" + model + "\n    output(activation = softmax, loss = mcxent)\n  }\n"
        + extra
        + "  objective = maximize accuracy on validation\n}\n";
  }

  private CheckResult check(String text) {
    return compiler.check(new SourceFile("t.hyp", TestFiles.resource("diagnostics").resolve("t.hyp"), text));
  }

  private static String rendered(String text, List<Diagnostic> diagnostics) {
    return new DiagnosticRenderer().renderAll(SourceFile.of("t.hyp", text), diagnostics);
  }

  /**
   * Every closed block comment is reported as HYP003 "unterminated block comment": the lexer
   * rule {@code UNTERMINATED_BLOCK_COMMENT : '/*' .*? EOF} matches to the end of the file, which
   * is always longer than {@code BLOCK_COMMENT}, and ANTLR's lexer takes the longest match.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "experiment t { /* c */ }",
      "/* header */\nexperiment t {}\n",
      "experiment t {}\n/* footer */\n",
      "experiment t {\n  x = f(1, /* inside */ 2)\n}\n",
  })
  void closedBlockCommentsParse(String text) {
    ParseResult result = compiler.parse(SourceFile.of("t.hyp", text));
    assertEquals(List.of(), result.diagnostics());
    assertEquals(1, result.comments().size());
    assertFalse(result.comments().get(0).isLineComment());
  }

  @Test
  void formatterKeepsBlockCommentsInsideArguments() {
    String text = "experiment t {\n  model {\n    dense(units = 8 /* wide enough */, activation = relu)\n  }\n}\n";
    ParseResult parsed = compiler.parse(SourceFile.of("t.hyp", text));
    assertTrue(parsed.succeeded(), parsed.diagnostics().toString());
    String formatted = Formatter.format(text, parsed.experiment(), parsed.comments());
    ParseResult again = compiler.parse(SourceFile.of("f.hyp", formatted));
    assertEquals(parsed.comments().stream().map(Comment::text).toList(),
        again.comments().stream().map(Comment::text).toList());
  }

  /**
   * A parameter declared twice is accepted silently (the second declaration is dropped):
   * {@code ParamChecker.declare} skips a name already in the table before {@code declared}
   * can report HYP033, so HYP033 is never emitted.
   */
  @Test
  void duplicateParameterIsReported() {
    String text = spec("    units = choice(8, 16)\n    units = choice(32, 64)", "    dense(units = units)", "");
    CheckResult result = check(text);
    assertEquals(List.of(Code.HYP033), result.diagnostics().stream().map(Diagnostic::code).toList(),
        rendered(text, result.diagnostics()));
  }

  /**
   * Arithmetic over constants where the checker later reads a literal throws
   * ClassCastException (Value$Arithmetic cannot be cast to Value$Literal) from
   * {@code Values.longOf/doubleOf} and {@code SearchChecker}. It should be folded or reported.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "data|split = holdout(validation = 0.1 * 2)",
      "data|split = kfold(2 + 3)",
      "data|shape = image(2 * 2, 1)",
      "train|early_stopping = patience(8, min_delta = 1 - 0.5)",
      "train|early_stopping = patience(4 + 1)",
      "train|lr_schedule = step(every = 2 * 2)",
      "search|startup = 8 - 1",
      "search|trials = 10 - 1",
      "search|parallel = 1 + 1",
      "search|target = 1 - 0.1",
      "search|max_failures = 2 * 2",
      "search|pruner = asha(min_epochs = 1 + 1)",
  })
  void constantArithmeticInSettingsIsCheckedNotThrown(String where) {
    String section = where.substring(0, where.indexOf('|'));
    String setting = where.substring(where.indexOf('|') + 1);
    String text = "experiment t {\n"
        + "  data {\n    source = csv(\"data/iris.csv\", label = \"species\")\n"
        + (section.equals("data") ? "    " + setting + "\n" : "") + "  }\n"
        + "  model {\n    output(activation = softmax, loss = mcxent)\n  }\n"
        + "  train {\n" + (section.equals("train") ? "    " + setting + "\n" : "") + "  }\n"
        + "  search tpe {\n" + (section.equals("search") ? "    " + setting + "\n" : "") + "  }\n"
        + "  objective = maximize accuracy on validation\n}\n";
    CheckResult result = check(text);
    assertTrue(result.experiment() != null || result.hasErrors());
  }

  /** `Path.resolve` throws InvalidPathException from {@code DataChecker.inspect}. */
  @ParameterizedTest
  @ValueSource(strings = {"data/iris\u0000.csv", "data/iris\uD800.csv"})
  void unusablePathsAreReportedNotThrown(String path) {
    String text = spec("", "", "").replace("data/iris.csv", path).replace("  params {\n\n  }\n", "");
    CheckResult result = check(text);
    assertTrue(result.hasErrors());
    assertEquals(Code.HYP070, result.diagnostics().get(0).code());
  }

  /**
   * A grid over a large integer range runs out of memory: {@code GridSize.values} lists every
   * value of every range before counting ({@code int(1, 200000000)} is 200 million boxed
   * longs; {@code int(1, 9223372036854775807)} never ends, `v += step` overflows).
   */
  @Test
  void hugeGridsAreCountedWithoutListingThem() {
    String text = spec("    n = int(1, 200000000)", "    dense(units = n)", "  search grid { trials = 10 }\n");
    CheckResult result = check(text);
    assertEquals(List.of(Code.HYP101), result.diagnostics().stream().map(Diagnostic::code).toList(),
        rendered(text, result.diagnostics()));
  }

  /**
   * The range of a parameter inside arithmetic is checked against the range of the place, as
   * if it were used alone: `r = uniform(0.5, 1.5)` makes `dropout(rate = r / 2)` an error
   * ("`r` can be 1.5, but `rate` of `dropout` must be ... at most 0.99"), though r / 2 <= 0.75.
   */
  @Test
  void operandsOfArithmeticAreNotRangeCheckedAlone() {
    String text = spec("    r = uniform(0.5, 1.5)", "    dropout(rate = r / 2)", "");
    CheckResult result = check(text);
    assertEquals(List.of(), result.diagnostics(), rendered(text, result.diagnostics()));
  }

  /**
   * A parameter whose only use has an error is also reported as "never used" (HYP100), whose
   * help ("use it in `model`, ... or remove it") then points the user the wrong way. Parameters
   * are marked used only on a successful check of the value that reads them.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      // the loop variable shadows `depth`, which is still read as the loop's end
      "    depth = int(1, 3)|    for depth in 1..depth {\n      dense(units = 8)\n    }|",
      // `momentum` reaches `adam`, an error, but it is used
      "    opt = choice(adam, nesterovs)\n    momentum = uniform(0.5, 0.99)|    updater = opt(lr = 0.01, momentum = momentum)|",
      // integer division is an error, but `x` is used
      "    x = 1|    dense(units = x / 1)|",
      // parameters are not allowed in `search`, but `n` is used there
      "    n = choice(10, 20)|    dense(units = 8)|  search random {\n    trials = n\n  }\n",
      // a conditional parameter in arithmetic: HYP038, and `rate` is used
      "    deep = choice(true, false)\n    rate = uniform(0.1, 0.5) if deep == true|    dense(units = 8)\n    dropout(rate = rate / 2)|",
  })
  void noUnusedWarningWhenTheUseHasAnError(String parts) {
    String[] part = parts.split("\\|", -1);
    String text = spec(part[0], part[1], part[2]);
    CheckResult result = check(text);
    assertTrue(result.hasErrors(), rendered(text, result.diagnostics()));
    assertTrue(result.diagnostics().stream().noneMatch(d -> d.code() == Code.HYP100), rendered(text, result.diagnostics()));
  }
}
