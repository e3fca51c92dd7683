package dev.hyp.runtime.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The parameters of one trial, in declaration order, holding only those that exist in it (a
 * conditional parameter whose condition failed is absent, not null). Immutable.
 */
public final class ParamValues {
  private static final ParamValues EMPTY = new ParamValues(new LinkedHashMap<>());

  private final Map<String, Object> values;

  private ParamValues(LinkedHashMap<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static ParamValues empty() {
    return EMPTY;
  }

  /** Copies {@code values} keeping its iteration order; numbers are widened to Long/Double. */
  public static ParamValues of(Map<String, ?> values) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, Values.normalize(v)));
    return new ParamValues(copy);
  }

  /** A copy with {@code name} appended (or replaced in place). */
  public ParamValues with(String name, Object value) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(name, Values.normalize(value));
    return new ParamValues(copy);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new MissingParamException(name);
    }
    return v;
  }

  public double getDouble(String name) {
    Object v = get(name);
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw wrongType(name, v, "a number");
  }

  public long getLong(String name) {
    Object v = get(name);
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d && d == Math.rint(d)) {
      return d.longValue();
    }
    throw wrongType(name, v, "an integer");
  }

  public int getInt(String name) {
    return Math.toIntExact(getLong(name));
  }

  public String getString(String name) {
    Object v = get(name);
    if (v instanceof String s) {
      return s;
    }
    throw wrongType(name, v, "a string");
  }

  public boolean getBoolean(String name) {
    Object v = get(name);
    if (v instanceof Boolean b) {
      return b;
    }
    throw wrongType(name, v, "a boolean");
  }

  public Set<String> names() {
    return values.keySet();
  }

  public int size() {
    return values.size();
  }

  /** An unmodifiable, ordered view. */
  public Map<String, Object> asMap() {
    return values;
  }

  private static IllegalStateException wrongType(String name, Object v, String expected) {
    return new IllegalStateException("parameter `" + name + "` is " + v + ", not " + expected);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParamValues p && values.equals(p.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Thrown when reading a parameter that does not exist in this trial. */
  public static final class MissingParamException extends NoSuchElementException {
    public MissingParamException(String name) {
      super("parameter `" + name + "` does not exist in this trial");
    }
  }
}
