package dev.hyp.compiler.model;

import java.util.List;

/** What a parameter's values are drawn from. */
public sealed interface Distribution {

  /** A float in [lo, hi]; on a log scale when {@code log}; on a grid of {@code step} when step is not null. */
  record FloatRange(double lo, double hi, boolean log, Double step) implements Distribution {}

  /** An integer in [lo, hi], both ends included. */
  record IntRange(long lo, long hi, boolean log, Long step) implements Distribution {}

  /** One of the values (Long, Double, String, Boolean, or a symbol name as a String with {@code symbols}). */
  record Choice(List<Object> values, boolean symbols) implements Distribution {
    public Choice {
      values = List.copyOf(values);
    }
  }

  /** One fixed value (the same kinds as a choice). */
  record Constant(Object value, boolean symbol) implements Distribution {}

  /** How many values it can take (at most Long.MAX_VALUE), or -1 when infinitely many. */
  default long cardinality() {
    if (this instanceof FloatRange f) {
      return f.step() == null ? -1 : saturated((f.hi() - f.lo()) / f.step() + 1);
    } else if (this instanceof IntRange i) {
      long step = i.step() == null ? 1 : i.step();
      return saturated(((double) i.hi() - i.lo()) / step + 1);
    } else if (this instanceof Choice c) {
      return c.values().size();
    }
    return 1;
  }

  private static long saturated(double count) {
    return count >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(Math.floor(count + 1e-9));
  }
}
