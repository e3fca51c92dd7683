package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** A number exactly as written (`42`, `0.5`, `1e-4`); a sign is a {@link Negate}. */
public record NumberLiteral(String text, Span span) implements Expression {
  /** Written without a point or exponent. */
  public boolean isInteger() {
    return text.chars().allMatch(Character::isDigit);
  }

  public double value() {
    return Double.parseDouble(text);
  }
}
