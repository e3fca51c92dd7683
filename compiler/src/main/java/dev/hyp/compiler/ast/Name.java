package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** A bare name: a parameter, a loop variable or a symbol such as `relu`. */
public record Name(Identifier identifier) implements Expression {
  public String name() {
    return identifier.name();
  }

  @Override
  public Span span() {
    return identifier.span();
  }
}
