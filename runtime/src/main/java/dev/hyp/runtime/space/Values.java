package dev.hyp.runtime.space;

import java.util.Objects;

/** The four value types a parameter may hold: Long, Double, String, Boolean. */
final class Values {
  private Values() {}

  /** Widens Integer to Long and Float to Double; rejects any other type. */
  static Object normalize(Object value) {
    Objects.requireNonNull(value, "parameter values cannot be null");
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof Long || value instanceof Double || value instanceof String || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("unsupported parameter value type " + value.getClass().getName());
  }
}
