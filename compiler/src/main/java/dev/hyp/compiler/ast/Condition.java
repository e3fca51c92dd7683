package dev.hyp.compiler.ast;

/** The `cond` of `p = ... if cond`. */
public sealed interface Condition extends Node
    permits Comparison, AndCondition, OrCondition, NotCondition, ParenCondition {}
