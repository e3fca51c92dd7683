package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** A positional (`name` is null) or named argument of a call. */
public record Argument(Identifier name, Expression value, Span span) implements Node {
  public boolean isNamed() {
    return name != null;
  }
}
