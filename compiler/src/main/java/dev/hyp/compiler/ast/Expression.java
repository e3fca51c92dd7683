package dev.hyp.compiler.ast;

/** A value as written: a literal, a name, an index, a call, arithmetic or a list. */
public sealed interface Expression extends Node
    permits NumberLiteral, DurationLiteral, StringLiteral, BooleanLiteral, Name, IndexExpression, Call,
        Binary, Negate, ParenExpression, ListLiteral {}
