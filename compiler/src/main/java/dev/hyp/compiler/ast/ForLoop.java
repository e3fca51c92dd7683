package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;
import java.util.List;

/** `for i in FROM..TO { members }`: repeats layers, both ends included. */
public record ForLoop(Identifier variable, Expression from, Expression to, List<Member> body, Span span)
    implements Member {
  public ForLoop {
    body = List.copyOf(body);
  }
}
