package dev.hyp.compiler.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The four mistakes issue 2 names: each gives exactly one diagnostic, an error with the right
 * code, at the right line and column, marking the right text.
 */
class IssueExamplesTest {
  private static final String HEAD = """
      experiment t {
        data {
          source = csv("data/iris.csv", label = "species")
        }
      """;

  private final Compiler compiler = new Compiler();

  private static SourceFile source(String text) {
    // beside the goldens, so that `data/iris.csv` exists and only the planted mistake is reported
    return new SourceFile("issue.hyp", TestFiles.resource("diagnostics").resolve("issue.hyp"), text);
  }

  private Diagnostic onlyDiagnostic(SourceFile source) {
    CheckResult result = compiler.check(source);
    List<Diagnostic> diagnostics = result.diagnostics();
    assertEquals(1, diagnostics.size(), () -> new DiagnosticRenderer().renderAll(source, diagnostics));
    assertTrue(diagnostics.get(0).isError());
    assertNull(result.experiment(), "no checked experiment when there is an error");
    return diagnostics.get(0);
  }

  private static String at(SourceFile source, Diagnostic diagnostic) {
    int start = diagnostic.span().start();
    return source.line(start) + ":" + source.column(start);
  }

  private static String marked(SourceFile source, Diagnostic diagnostic) {
    return source.text().substring(diagnostic.span().start(), diagnostic.span().end());
  }

  @Test
  void unknownActivationSuggestsTheClosestOne() {
    SourceFile source = source(HEAD + """
          model {
            dense(units = 8, activation = reluu)
            output(activation = softmax, loss = mcxent)
          }
          objective = maximize accuracy on validation
        }
        """);
    Diagnostic diagnostic = onlyDiagnostic(source);
    assertEquals(Code.HYP012, diagnostic.code());
    assertEquals("6:35", at(source, diagnostic));
    assertEquals("reluu", marked(source, diagnostic));
    assertEquals("unknown activation `reluu`", diagnostic.message());
    assertEquals("did you mean `relu`?", diagnostic.help());
  }

  @Test
  void logRangeFromZero() {
    SourceFile source = source(HEAD + """
          params {
            lr = loguniform(0, 1)
          }
          model {
            updater = adam(lr = lr)
            output(activation = softmax, loss = mcxent)
          }
          objective = maximize accuracy on validation
        }
        """);
    Diagnostic diagnostic = onlyDiagnostic(source);
    assertEquals(Code.HYP031, diagnostic.code());
    assertEquals("6:21", at(source, diagnostic));
    assertEquals("0", marked(source, diagnostic));
  }

  @Test
  void missingClosingBraceBlamesTheBlockThatLacksIt() {
    SourceFile source = source("""
        experiment t {
          data {
            source = csv("data/iris.csv", label = "species")

          model {
            output(activation = softmax, loss = mcxent)
          }
          objective = maximize accuracy on validation
        }
        """);
    Diagnostic diagnostic = onlyDiagnostic(source);
    assertEquals(Code.HYP006, diagnostic.code());
    assertEquals("2:8", at(source, diagnostic));
    assertEquals("{", marked(source, diagnostic));
    assertEquals("add `}` where `data` ends", diagnostic.help());
  }

  @Test
  void gridOverAFloatWithoutStep() {
    SourceFile source = source(HEAD + """
          params {
            rate = uniform(0.0, 0.5)
          }
          model {
            dropout(rate = rate)
            output(activation = softmax, loss = mcxent)
          }
          search grid {}
          objective = maximize accuracy on validation
        }
        """);
    Diagnostic diagnostic = onlyDiagnostic(source);
    assertEquals(Code.HYP050, diagnostic.code());
    assertEquals("6:12", at(source, diagnostic));
    assertEquals("uniform(0.0, 0.5)", marked(source, diagnostic));
    assertEquals(1, diagnostic.labels().stream().filter(l -> !l.primary()).count(), "points at `grid` too");
  }

  @Test
  void theSameSpecWithTheMistakesFixedChecks() {
    SourceFile source = source(HEAD + """
          params {
            lr   = choice(1e-3, 1e-2)
            rate = uniform(0.0, 0.5, step = 0.1)
          }
          model {
            updater = adam(lr = lr)
            dense(units = 8, activation = relu)
            dropout(rate = rate)
            output(activation = softmax, loss = mcxent)
          }
          search grid {}
          objective = maximize accuracy on validation
        }
        """);
    CheckResult result = compiler.check(source);
    assertEquals(List.of(), result.diagnostics());
    assertEquals("grid", result.experiment().search().strategy());
  }
}
