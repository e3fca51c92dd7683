package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** A node of the syntax tree: the spec as written, each node with the span it came from. */
public interface Node {
  Span span();
}
