package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/**
 * `name = value`, `name[bound] = value` (a per-layer parameter) and `name = value if cond`.
 * {@code bound} and {@code when} are null when absent.
 */
public record Setting(Identifier name, Expression bound, Expression value, Condition when, Span span)
    implements Member {}
