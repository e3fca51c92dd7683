package dev.hyp.runtime.sampler;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a strategy's options as written in {@code search STRATEGY { ... }}; rejects names the
 * strategy does not know, so a typo is not silently ignored.
 */
public final class Options {
  private final String owner;
  private final Map<String, Object> values;
  private final Set<String> known = new HashSet<>();

  public Options(String owner, Map<String, Object> values) {
    this.owner = owner;
    this.values = Map.copyOf(values);
  }

  public int getInt(String name, int fallback) {
    known.add(name);
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw new IllegalArgumentException(owner + " option `" + name + "` must be an integer, got " + v);
  }

  public double getDouble(String name, double fallback) {
    known.add(name);
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(owner + " option `" + name + "` must be a number, got " + v);
  }

  /** Call after reading every option: fails on any name that was not read. */
  public void rejectUnknown() {
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(owner + " has no option `" + name + "`; known: " + known);
      }
    }
  }
}
