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
    Object expected = Values.normalize(value);
    return of(name + " == " + value, p -> numericEquals(p.get(name), expected));
  }

  /** {@code name != value}. */
  static ParamCondition notEqualTo(String name, Object value) {
    Object expected = Values.normalize(value);
    return of(name + " != " + value, p -> !numericEquals(p.get(name), expected));
  }

  /** {@code name >= bound} on a numeric parameter; how per-layer parameters exist. */
  static ParamCondition atLeast(String name, long bound) {
    return of(name + " >= " + bound, p -> p.getDouble(name) >= bound);
  }

  default ParamCondition and(ParamCondition other) {
    ParamCondition self = this;
    return of("(" + text() + ") and (" + other.text() + ")", p -> self.test(p) && other.test(p));
  }

  private static boolean numericEquals(Object actual, Object expected) {
    if (actual instanceof Number a && expected instanceof Number e) {
      return a.doubleValue() == e.doubleValue();
    }
    return actual.equals(expected);
  }
}
