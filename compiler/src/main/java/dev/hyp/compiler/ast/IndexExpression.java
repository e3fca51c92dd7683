package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** `units[i]`: one element of a per-layer parameter. */
public record IndexExpression(Identifier name, Expression index, Span span) implements Expression {}
