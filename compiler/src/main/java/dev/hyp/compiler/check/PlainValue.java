package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.BooleanLiteral;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.StringLiteral;
import java.util.List;
import java.util.Optional;

/**
 * A value a parameter can take, as `params` writes it: a number (Long or Double), a string,
 * a boolean, or a name (a String with {@code symbol}). What choices, constants and conditions hold.
 */
record PlainValue(Object value, ParamInfo.Kind kind, boolean symbol) {

  /** The plain value written, or empty when the expression is not one (not reported). */
  static Optional<PlainValue> of(Expression expression) {
    Double number = Literals.number(expression);
    if (number != null) {
      return Optional.of(Literals.isInteger(expression)
          ? new PlainValue(number.longValue(), ParamInfo.Kind.INT, false)
          : new PlainValue(number, ParamInfo.Kind.NUMBER, false));
    }
    if (expression instanceof StringLiteral s) {
      return Optional.of(new PlainValue(s.value(), ParamInfo.Kind.STRING, false));
    }
    if (expression instanceof BooleanLiteral b) {
      return Optional.of(new PlainValue(b.value(), ParamInfo.Kind.BOOLEAN, false));
    }
    if (expression instanceof Name n) {
      return Optional.of(new PlainValue(n.name(), ParamInfo.Kind.SYMBOLS, true));
    }
    return Optional.empty();
  }

  boolean isNumeric() {
    return isNumeric(kind);
  }

  static boolean isNumeric(ParamInfo.Kind kind) {
    return kind == ParamInfo.Kind.INT || kind == ParamInfo.Kind.NUMBER;
  }

  /** Where an equal value is in the list (numbers are equal by value: `1` is `1.0`), or -1. */
  static int indexOfEqual(List<Object> values, Object value) {
    for (int i = 0; i < values.size(); i++) {
      Object candidate = values.get(i);
      if (candidate instanceof Number a && value instanceof Number b
          ? a.doubleValue() == b.doubleValue()
          : candidate.equals(value)) {
        return i;
      }
    }
    return -1;
  }

  /** "`a`, `b` and `c`", for messages. */
  static String describe(List<Object> values) {
    List<String> shown = values.stream()
        .map(v -> "`" + (v instanceof String s ? s : Literals.format(v)) + "`")
        .toList();
    if (shown.size() == 1) {
      return shown.get(0);
    }
    return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
  }
}
