package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

public record BooleanLiteral(boolean value, Span span) implements Expression {}
