package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;
import java.util.List;

/** `[a, b, ...]`: a list, such as the columns of `features = ["age", "city"]`. */
public record ListLiteral(List<Expression> elements, Span span) implements Expression {
  public ListLiteral {
    elements = List.copyOf(elements);
  }
}
