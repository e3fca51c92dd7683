package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

public record Negate(Expression operand, Span span) implements Expression {}
