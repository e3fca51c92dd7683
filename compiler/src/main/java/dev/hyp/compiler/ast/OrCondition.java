package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

public record OrCondition(Condition left, Condition right, Span span) implements Condition {}
