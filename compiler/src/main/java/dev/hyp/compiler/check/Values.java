package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Value;

/** Small readers of checked values whose place allows no parameters, so they are literals. */
final class Values {
  private Values() {}

  static long longOf(Value value) {
    if (value instanceof Value.DurationLiteral d) {
      return d.seconds();
    }
    return value instanceof Value.IntLiteral i ? i.value() : (long) ((Value.Numeric) value).asDouble();
  }

  static double doubleOf(Value value) {
    return ((Value.Numeric) value).asDouble();
  }

  static String stringOf(Value value) {
    return ((Value.StringLiteral) value).value();
  }

  static boolean booleanOf(Value value) {
    return ((Value.BooleanLiteral) value).value();
  }

  /** A literal as the plain Java value the search settings hold: Long, Double, String or Boolean. */
  static Object plain(Value value) {
    Value.Literal literal = (Value.Literal) value;
    if (literal instanceof Value.IntLiteral i) {
      return i.value();
    } else if (literal instanceof Value.NumberLiteral n) {
      return n.value();
    } else if (literal instanceof Value.StringLiteral s) {
      return s.value();
    } else if (literal instanceof Value.BooleanLiteral b) {
      return b.value();
    }
    return ((Value.DurationLiteral) literal).seconds();
  }

  static String calleeOf(Value value) {
    return ((Value.Symbol) ((Value.Invocation) value).callee()).name();
  }

  static Value argument(Value invocation, String name) {
    return ((Value.Invocation) invocation).arguments().get(name);
  }
}
