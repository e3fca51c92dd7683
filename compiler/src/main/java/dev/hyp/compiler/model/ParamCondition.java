package dev.hyp.compiler.model;

/** When a conditional parameter exists, in terms of earlier parameters. */
public sealed interface ParamCondition {

  /** `param OP value`: value is a Long, Double, String (symbol or string) or Boolean. */
  record Compare(String parameter, String operator, Object value) implements ParamCondition {}

  record And(ParamCondition left, ParamCondition right) implements ParamCondition {}

  record Or(ParamCondition left, ParamCondition right) implements ParamCondition {}

  record Not(ParamCondition operand) implements ParamCondition {}
}
