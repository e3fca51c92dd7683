package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** A line comment or a block comment, kept beside the tree so that `hyp fmt` keeps it. */
public record Comment(String text, Span span) implements Node {
  public boolean isLineComment() {
    return text.startsWith("//");
  }
}
