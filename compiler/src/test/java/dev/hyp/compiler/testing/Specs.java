package dev.hyp.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Condition;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.source.SourceFile;

/** Parsing snippets for tests: a whole spec, one value, or one condition. */
public final class Specs {
  private Specs() {}

  /** Parses text that must be free of syntax errors. */
  public static ParseResult parse(String text) {
    SourceFile source = SourceFile.of("test.hyp", text);
    ParseResult result = new Compiler().parse(source);
    assertTrue(result.succeeded() && result.diagnostics().isEmpty(),
        () -> "expected a clean parse of:\n" + text + "\n" + new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    return result;
  }

  /** The value of `x = TEXT` as the parser reads it. */
  public static Expression expression(String text) {
    return ((Setting) parse("experiment t {\n  x = " + text + "\n}\n").experiment().members().get(0)).value();
  }

  /** The condition of `p = 1 if TEXT` in `params`. */
  public static Condition condition(String text) {
    Block params = (Block) parse("experiment t {\n  params {\n    p = 1 if " + text + "\n  }\n}\n").experiment()
        .members().get(0);
    return ((Setting) params.members().get(0)).when();
  }
}
