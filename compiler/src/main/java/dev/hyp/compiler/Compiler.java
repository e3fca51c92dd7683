package dev.hyp.compiler;

import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.check.Checker;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.parse.SpecParser;
import dev.hyp.compiler.source.SourceFile;

/** The front door of the compiler: text in, checked experiment and diagnostics out. */
public final class Compiler {
  private final SpecParser parser = new SpecParser();
  private final Checker checker = new Checker();

  public ParseResult parse(SourceFile source) {
    return parser.parse(source);
  }

  public CheckResult check(SourceFile source) {
    return checker.check(parser.parse(source));
  }
}
