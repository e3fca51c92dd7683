package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

public record ParenCondition(Condition inner, Span span) implements Condition {}
