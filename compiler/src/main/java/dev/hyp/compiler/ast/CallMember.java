package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** A call standing alone in a block, such as a layer `dense(units = 64)`. */
public record CallMember(Call call) implements Member {
  @Override
  public Span span() {
    return call.span();
  }
}
