package dev.hyp.runtime.space;

import java.util.Objects;

/**
 * When a conditional parameter exists, decided from the parameters sampled before it. Reading an
 * earlier parameter that does not exist in the trial makes the condition false, so generated
 * code can write {@code p -> p.getString("opt").equals("nesterovs")} without guarding.
 */
@FunctionalInterface
public interface ParamCondition {

  boolean test(ParamValues earlier);

  /** The condition as the user wrote it, for storage and reports. */
  default String text() {
    return "<condition>";
  }

  /** Attaches the source text to a predicate. */
  static ParamCondition of(String text, ParamCondition test) {
    Objects.requireNonNull(text);
    return new ParamCondition() {
      @Override
      public boolean test(ParamValues earlier) {
        return test.test(earlier);
      }

      @Override
      public String text() {
        return text;
      }

      @Override
      public String toString() {
        return text;
      }
    };
  }

  /** {@code name == value}. */
  static ParamCondition equalTo(String name, Object value) {
    return compare(name, "==", value);
  }

  /** {@code name != value}. */
  static ParamCondition notEqualTo(String name, Object value) {
    return compare(name, "!=", value);
  }

  /** {@code name >= bound} on a numeric parameter; how per-layer parameters exist. */
  static ParamCondition atLeast(String name, long bound) {
    return compare(name, ">=", bound);
  }

  /**
   * {@code name OP value} with the language's operators {@code == != < <= > >=}. Numbers compare
   * by value (so 2 == 2.0); {@code ==} and {@code !=} also compare strings (symbols) and booleans;
   * ordering a non-number is false.
   */
  static ParamCondition compare(String name, String op, Object value) {
    Object expected = Values.normalize(value);
    String text = name + " " + op + " " + value;
    return switch (op) {
      case "==" -> of(text, p -> numericEquals(p.get(name), expected));
      case "!=" -> of(text, p -> !numericEquals(p.get(name), expected));
      case "<" -> of(text, p -> order(p.get(name), expected) < 0);
      case "<=" -> of(text, p -> order(p.get(name), expected) <= 0);
      case ">" -> of(text, p -> order(p.get(name), expected) > 0);
      case ">=" -> of(text, p -> order(p.get(name), expected) >= 0);
      default -> throw new IllegalArgumentException("unknown comparison `" + op + "`");
    };
  }

  default ParamCondition and(ParamCondition other) {
    ParamCondition self = this;
    return of("(" + text() + ") and (" + other.text() + ")", p -> self.test(p) && other.test(p));
  }

  default ParamCondition or(ParamCondition other) {
    ParamCondition self = this;
    return of("(" + text() + ") or (" + other.text() + ")", p -> self.test(p) || other.test(p));
  }

  default ParamCondition negate() {
    ParamCondition self = this;
    return of("not (" + text() + ")", p -> !self.test(p));
  }

  /** Sign of actual - expected for numbers; NaN (so every ordering test fails) otherwise. */
  private static double order(Object actual, Object expected) {
    if (actual instanceof Number a && expected instanceof Number e) {
      return Math.signum(a.doubleValue() - e.doubleValue());
    }
    return Double.NaN;
  }

  private static boolean numericEquals(Object actual, Object expected) {
    if (actual instanceof Number a && expected instanceof Number e) {
      return a.doubleValue() == e.doubleValue();
    }
    return actual.equals(expected);
  }
}
