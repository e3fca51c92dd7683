package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** A string; {@code value} has its escapes resolved. */
public record StringLiteral(String value, Span span) implements Expression {}
