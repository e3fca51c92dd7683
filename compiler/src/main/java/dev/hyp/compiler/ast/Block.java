package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;
import java.util.List;

/** `name { members }`: a section such as `data` or `model`. */
public record Block(Identifier name, List<Member> members, Span span) implements Member {
  public Block {
    members = List.copyOf(members);
  }
}
