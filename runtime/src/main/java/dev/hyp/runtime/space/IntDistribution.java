package dev.hyp.runtime.space;

import java.util.ArrayList;
import java.util.List;

/**
 * An integer in [lo, hi], both ends included: {@code int(lo, hi)}, {@code logint(lo, hi)}, or
 * with {@code step} the values lo, lo + step, ... up to hi.
 */
public record IntDistribution(long lo, long hi, boolean log, long step) implements Distribution {

  public IntDistribution {
    if (lo > hi) {
      throw new IllegalArgumentException("int range needs lo <= hi, got [" + lo + ", " + hi + "]");
    }
    if (log && lo <= 0) {
      throw new IllegalArgumentException("log range needs lo > 0, got " + lo);
    }
    if (step < 1 || (log && step != 1)) {
      throw new IllegalArgumentException("int step must be >= 1, and 1 on a log range");
    }
  }

  public static IntDistribution uniform(long lo, long hi) {
    return new IntDistribution(lo, hi, false, 1);
  }

  public static IntDistribution logUniform(long lo, long hi) {
    return new IntDistribution(lo, hi, true, 1);
  }

  public static IntDistribution stepped(long lo, long hi, long step) {
    return new IntDistribution(lo, hi, false, step);
  }

  /** The largest allowed value, which is below hi when step does not divide the range. */
  public long top() {
    return lo + (hi - lo) / step * step;
  }

  /** Rounds any real number to the nearest allowed integer. */
  public long snap(double x) {
    double clamped = Math.max(lo, Math.min(top(), x));
    long k = Math.round((clamped - lo) / step);
    return lo + k * step;
  }

  @Override
  public boolean contains(Object value) {
    return value instanceof Long v && v >= lo && v <= hi && (v - lo) % step == 0;
  }

  @Override
  public boolean isFinite() {
    return true;
  }

  @Override
  public List<Object> enumerate() {
    List<Object> values = new ArrayList<>();
    for (long v = lo; v <= hi; v += step) {
      values.add(v);
    }
    return values;
  }

  @Override
  public long count() {
    long span = hi - lo;
    return span < 0 ? Long.MAX_VALUE : span / step + 1; // a negative span overflowed: more than fits in a long
  }

  @Override
  public Object valueAt(long index) {
    return lo + index * step;
  }

  @Override
  public Object normalize(Object value) {
    if (value instanceof Double d && d == Math.rint(d)) {
      return d.longValue();
    }
    return value instanceof Integer || value instanceof Short || value instanceof Byte
        ? ((Number) value).longValue()
        : value;
  }
}
