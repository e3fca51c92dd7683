package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

public record AndCondition(Condition left, Condition right, Span span) implements Condition {}
