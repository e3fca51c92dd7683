package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.ast.NumberLiteral;
import dev.hyp.compiler.ast.ParenExpression;

/** Reads plain numbers (`3`, `-1e-4`, `(0.5)`) out of expressions. */
final class Literals {
  private Literals() {}

  /** The value of a number literal, possibly negated or in parentheses; null otherwise. */
  static Double number(Expression expression) {
    if (expression instanceof NumberLiteral n) {
      return n.value();
    }
    if (expression instanceof Negate n) {
      Double inner = number(n.operand());
      return inner == null ? null : -inner;
    }
    if (expression instanceof ParenExpression p) {
      return number(p.inner());
    }
    return null;
  }

  /** Whether a number literal was written as a whole number (`3`, not `3.0`). */
  static boolean isInteger(Expression expression) {
    if (expression instanceof NumberLiteral n) {
      return n.isInteger();
    }
    if (expression instanceof Negate n) {
      return isInteger(n.operand());
    }
    return expression instanceof ParenExpression p && isInteger(p.inner());
  }

  static String format(Object value) {
    if (value instanceof Double d) {
      return Builtins.format(d);
    }
    return String.valueOf(value);
  }
}
