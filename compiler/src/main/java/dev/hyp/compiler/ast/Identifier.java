package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

public record Identifier(String name, Span span) implements Node {}
