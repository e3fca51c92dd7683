package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Value;

/** Evaluates arithmetic over numbers alone; whole numbers stay whole except under `/`. */
final class ConstantFolding {
  private ConstantFolding() {}

  /** The value, or null when it reads a parameter or loop variable. */
  static Number fold(Value value) {
    if (value instanceof Value.Literal l && l.value() instanceof Number n) {
      return n;
    }
    if (value instanceof Value.Negation n) {
      Number operand = fold(n.operand());
      if (operand == null) {
        return null;
      }
      return operand instanceof Long l ? (Number) (-l) : (Number) (-operand.doubleValue());
    }
    if (!(value instanceof Value.Arithmetic a)) {
      return null;
    }
    Number left = fold(a.left());
    Number right = fold(a.right());
    if (left == null || right == null) {
      return null;
    }
    if (left instanceof Long l && right instanceof Long r && a.operator() != '/') {
      try {
        return switch (a.operator()) {
          case '+' -> Math.addExact(l, r);
          case '-' -> Math.subtractExact(l, r);
          default -> Math.multiplyExact(l, r);
        };
      } catch (ArithmeticException overflow) {
        return Double.POSITIVE_INFINITY;
      }
    }
    double x = left.doubleValue();
    double y = right.doubleValue();
    return switch (a.operator()) {
      case '+' -> x + y;
      case '-' -> x - y;
      case '*' -> x * y;
      default -> x / y;
    };
  }
}
