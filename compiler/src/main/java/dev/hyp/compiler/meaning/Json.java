package dev.hyp.compiler.meaning;

import java.util.Map;
import java.util.TreeMap;

/**
 * The tree a meaning is built as before it is written: objects are sorted maps, so the order
 * in which a spec wrote its items never reaches the text; arrays are lists; leaves are Long,
 * Double, String, Boolean or null.
 */
final class Json {
  private Json() {}

  /** An object from alternating keys and values; a value may be null. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  /** A plain value of the checked model (a choice's value, an option) as a leaf. */
  static Object plain(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    } else if (value instanceof Float f) {
      return f.doubleValue();
    } else if (value == null || value instanceof Long || value instanceof Double || value instanceof String
        || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("not a plain value: " + value.getClass().getName() + " " + value);
  }

  /** Plain values by name, sorted by name. */
  static Map<String, Object> plainObject(Map<String, Object> values) {
    Map<String, Object> object = new TreeMap<>();
    values.forEach((name, value) -> object.put(name, plain(value)));
    return object;
  }
}
