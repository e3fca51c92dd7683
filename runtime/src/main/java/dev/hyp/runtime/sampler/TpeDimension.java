package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.Distribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;

/**
 * One parameter as TPE models it: a real number in a (log-)transformed interval, a discrete grid
 * of such numbers, or a category index.
 */
final class TpeDimension {
  enum Kind { CONTINUOUS, DISCRETE, CATEGORICAL }

  final String name;
  final Distribution distribution;
  final Kind kind;
  final boolean log;
  /** Interval in transformed space; for DISCRETE widened by half a step on each side. */
  final double lo;
  final double hi;
  /** Step in the original space (DISCRETE only). */
  final double step;
  final int choices;

  TpeDimension(String name, Distribution distribution) {
    this.name = name;
    this.distribution = distribution;
    if (distribution instanceof FloatDistribution f) {
      this.log = f.log();
      if (f.step() == null) {
        this.kind = Kind.CONTINUOUS;
        this.step = 0;
        this.lo = t(f.lo());
        this.hi = t(f.hi());
      } else {
        this.kind = Kind.DISCRETE;
        this.step = f.step();
        this.lo = f.lo() - step / 2;
        this.hi = f.stepValue(f.stepCount() - 1) + step / 2;
      }
      this.choices = 0;
    } else if (distribution instanceof IntDistribution i) {
      this.kind = Kind.DISCRETE;
      this.log = i.log();
      this.step = i.step();
      this.lo = t(i.lo() - step / 2.0);
      this.hi = t(i.top() + step / 2.0);
      this.choices = 0;
    } else if (distribution instanceof CategoricalDistribution c) {
      this.kind = Kind.CATEGORICAL;
      this.log = false;
      this.step = 0;
      this.lo = 0;
      this.hi = 0;
      this.choices = c.choices().size();
    } else {
      throw new IllegalArgumentException("TPE does not model " + distribution);
    }
  }

  /** The value as TPE's internal number (transformed value or category index). */
  double toInternal(Object value) {
    if (kind == Kind.CATEGORICAL) {
      return ((CategoricalDistribution) distribution).indexOf(value);
    }
    return t(((Number) value).doubleValue());
  }

  /** Back to a value of the distribution, snapping to the grid when discrete. */
  Object fromInternal(double x) {
    if (kind == Kind.CATEGORICAL) {
      return ((CategoricalDistribution) distribution).choices().get((int) x);
    }
    double v = log ? Math.exp(x) : x;
    if (distribution instanceof IntDistribution i) {
      return i.snap(v);
    }
    return ((FloatDistribution) distribution).snap(v);
  }

  /** Bucket of a DISCRETE internal value: the transformed interval of values that round to it. */
  double bucketLow(double x) {
    double v = log ? Math.exp(x) : x;
    return Math.max(lo, t(v - step / 2));
  }

  double bucketHigh(double x) {
    double v = log ? Math.exp(x) : x;
    return Math.min(hi, t(v + step / 2));
  }

  private double t(double v) {
    return log ? Math.log(v) : v;
  }
}
