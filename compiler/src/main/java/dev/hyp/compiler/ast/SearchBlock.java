package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;
import java.util.List;

/** `search STRATEGY { members }`. */
public record SearchBlock(Identifier strategy, List<Member> members, Span span) implements Member {
  public SearchBlock {
    members = List.copyOf(members);
  }
}
