package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** Parentheses as written, kept so that the printer gives back what the user wrote. */
public record ParenExpression(Expression inner, Span span) implements Expression {}
