package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

public record Binary(BinaryOperator operator, Expression left, Expression right, Span span)
    implements Expression {}
