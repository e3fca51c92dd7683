package dev.hyp.compiler.ast;

/** Something inside an experiment or a block: a setting, a block, a loop, a call or the objective. */
public sealed interface Member extends Node
    permits Setting, Block, SearchBlock, ForLoop, CallMember, ObjectiveMember, MultiObjectiveMember, ConstraintMember {}
