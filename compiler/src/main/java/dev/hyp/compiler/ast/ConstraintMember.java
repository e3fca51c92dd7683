package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/**
 * A bound in `constraints { }`: `params <= 20000`, `accuracy on validation >= 0.8`;
 * {@code split} is null when not written, {@code op} is LE or GE.
 */
public record ConstraintMember(Identifier measure, Identifier split, ComparisonOperator op, Expression limit,
    Span span) implements Member {}
