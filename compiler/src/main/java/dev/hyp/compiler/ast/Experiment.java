package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;
import java.util.List;

/** The root: `experiment NAME { members }`. */
public record Experiment(Identifier name, List<Member> members, Span span) implements Node {
  public Experiment {
    members = List.copyOf(members);
  }
}
