package dev.hyp.compiler.check;

import dev.hyp.compiler.model.ParamCondition;
import java.util.Map;

/**
 * Three-valued evaluation of a parameter condition when only some parameters are known:
 * TRUE or FALSE when the known values decide it, null when they do not.
 */
final class Conditions {
  private Conditions() {}

  static Boolean evaluate(ParamCondition condition, Map<String, Object> known) {
    if (condition instanceof ParamCondition.Compare c) {
      if (!known.containsKey(c.parameter())) {
        return null;
      }
      return compare(known.get(c.parameter()), c.operator(), c.value());
    } else if (condition instanceof ParamCondition.And a) {
      Boolean left = evaluate(a.left(), known);
      Boolean right = evaluate(a.right(), known);
      if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
        return false;
      }
      return left == null || right == null ? null : true;
    } else if (condition instanceof ParamCondition.Or o) {
      Boolean left = evaluate(o.left(), known);
      Boolean right = evaluate(o.right(), known);
      if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
        return true;
      }
      return left == null || right == null ? null : false;
    }
    Boolean inner = evaluate(((ParamCondition.Not) condition).operand(), known);
    return inner == null ? null : !inner;
  }

  static boolean compare(Object actual, String operator, Object expected) {
    if (actual instanceof Number a && expected instanceof Number b) {
      int order = Double.compare(a.doubleValue(), b.doubleValue());
      return switch (operator) {
        case "==" -> order == 0;
        case "!=" -> order != 0;
        case "<" -> order < 0;
        case "<=" -> order <= 0;
        case ">" -> order > 0;
        default -> order >= 0;
      };
    }
    boolean equal = actual.equals(expected);
    return operator.equals("==") ? equal : !equal;
  }
}
