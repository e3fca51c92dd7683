package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Value;
import java.util.Optional;

/** Evaluates arithmetic over numbers alone; whole numbers stay whole except under `/`. */
final class ConstantFolding {
  private ConstantFolding() {}

  /** The number the value makes, spanning the value; empty when it reads a parameter or loop variable. */
  static Optional<Value.Numeric> fold(Value value) {
    return Optional.ofNullable(evaluate(value)).map(result -> result instanceof Long l
        ? Value.of(l.longValue(), value.span()) : Value.of(result.doubleValue(), value.span()));
  }

  /** A Long or a Double; null when the value is not constant. */
  private static Number evaluate(Value value) {
    if (value instanceof Value.IntLiteral l) {
      return l.value();
    }
    if (value instanceof Value.NumberLiteral n) {
      return n.value();
    }
    if (value instanceof Value.Negation n) {
      Number operand = evaluate(n.operand());
      if (operand == null) {
        return null;
      }
      return operand instanceof Long l ? (Number) (-l) : (Number) (-operand.doubleValue());
    }
    if (!(value instanceof Value.Arithmetic a)) {
      return null;
    }
    Number left = evaluate(a.left());
    Number right = evaluate(a.right());
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
