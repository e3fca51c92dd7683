package dev.hyp.compiler.diag;

import dev.hyp.compiler.source.Span;

/** A span of source a diagnostic points at, with a short text under it. */
public record Label(Span span, String text, boolean primary) {
  public static Label primary(Span span, String text) {
    return new Label(span, text, true);
  }

  public static Label secondary(Span span, String text) {
    return new Label(span, text, false);
  }
}
