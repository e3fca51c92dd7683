package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** `30s`, `10m`, `2h`. */
public record DurationLiteral(String text, Span span) implements Expression {
  public long seconds() {
    long amount = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 'h' -> amount * 3600;
      case 'm' -> amount * 60;
      default -> amount;
    };
  }
}
