package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

public record Comparison(ComparisonOperator operator, Expression left, Expression right, Span span)
    implements Condition {}
