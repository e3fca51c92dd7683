package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

public record NotCondition(Condition operand, Span span) implements Condition {}
