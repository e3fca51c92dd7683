package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;
import java.util.List;

/**
 * `objective = maximize accuracy on validation, minimize params`: two or more objectives. A spec
 * with one objective keeps its {@link ObjectiveMember}.
 */
public record MultiObjectiveMember(List<ObjectiveTerm> terms, Span span) implements Member {
  public MultiObjectiveMember {
    terms = List.copyOf(terms);
  }
}
