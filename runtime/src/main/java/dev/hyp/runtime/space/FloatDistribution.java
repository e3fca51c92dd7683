package dev.hyp.runtime.space;

import java.util.ArrayList;
import java.util.List;

/**
 * A float in [lo, hi]: {@code uniform(lo, hi)}, {@code loguniform(lo, hi)} or, with a step, the
 * values lo, lo + step, ... up to hi.
 *
 * @param step null when the float is continuous
 */
public record FloatDistribution(double lo, double hi, boolean log, Double step) implements Distribution {

  public FloatDistribution {
    if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("float range needs finite lo < hi, got [" + lo + ", " + hi + "]");
    }
    if (log && lo <= 0) {
      throw new IllegalArgumentException("log range needs lo > 0, got " + lo);
    }
    if (step != null && (!(step > 0) || log)) {
      throw new IllegalArgumentException("step must be positive and cannot be combined with log");
    }
  }

  public static FloatDistribution uniform(double lo, double hi) {
    return new FloatDistribution(lo, hi, false, null);
  }

  public static FloatDistribution logUniform(double lo, double hi) {
    return new FloatDistribution(lo, hi, true, null);
  }

  public static FloatDistribution stepped(double lo, double hi, double step) {
    return new FloatDistribution(lo, hi, false, step);
  }

  /** Number of grid values when stepped: lo + k*step for k in 0..count-1, all <= hi. */
  public long stepCount() {
    if (step == null) {
      throw new IllegalStateException("continuous float has no step count");
    }
    // a small tolerance so that 0.0..0.5 step 0.05 includes 0.5 despite rounding
    return (long) Math.floor((hi - lo) / step + 1e-9) + 1;
  }

  /** The k-th stepped value, rounded so that 0.1 + 2 * 0.05 prints as 0.2. */
  public double stepValue(long k) {
    double raw = lo + k * step;
    return Math.min(hi, roundToStepPrecision(raw));
  }

  /** Snaps a float in [lo, hi] to the nearest allowed value (identity when continuous). */
  public double snap(double x) {
    double clamped = Math.max(lo, Math.min(hi, x));
    if (step == null) {
      return clamped;
    }
    long k = Math.round((clamped - lo) / step);
    return stepValue(Math.max(0, Math.min(stepCount() - 1, k)));
  }

  private double roundToStepPrecision(double x) {
    // step 0.05 has 2 significant decimals after the point; keep a few more for safety
    return Math.round(x * 1e12) / 1e12;
  }

  @Override
  public boolean contains(Object value) {
    if (!(value instanceof Double d) || d < lo || d > hi) {
      return false;
    }
    if (step == null) {
      return true;
    }
    double k = (d - lo) / step;
    return Math.abs(k - Math.rint(k)) < 1e-6;
  }

  @Override
  public boolean isFinite() {
    return step != null;
  }

  @Override
  public List<Object> enumerate() {
    long n = stepCount();
    List<Object> values = new ArrayList<>();
    for (long k = 0; k < n; k++) {
      values.add(stepValue(k));
    }
    return values;
  }

  @Override
  public long count() {
    return stepCount();
  }

  @Override
  public Object valueAt(long index) {
    return stepValue(index);
  }

  @Override
  public Object normalize(Object value) {
    return value instanceof Number n ? n.doubleValue() : value;
  }
}
