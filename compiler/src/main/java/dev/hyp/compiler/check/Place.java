package dev.hyp.compiler.check;

import dev.hyp.compiler.source.Span;

/**
 * Where a value is checked: what it is called in messages ("argument `rate` of `dropout`"),
 * whether parameters may appear there, and whether it may be left out in trials where a
 * conditional parameter does not exist (an optional argument or setting).
 */
record Place(String description, Signature.Parameter parameter, boolean parametersAllowed, boolean omittable,
    Span usage) {

  Type type() {
    return parameter.type();
  }
}
