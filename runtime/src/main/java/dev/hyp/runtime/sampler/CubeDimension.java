package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.Distribution;

/**
 * One parameter on the unit interval, as the Gaussian process and CMA-ES see it: the (log-)range
 * of a number maps linearly to [0, 1], a stepped or integer range widened by half a step on each
 * side (so every allowed value owns an equal share of the interval, as TPE maps them), and a
 * categorical to its choice index (compared by equality, never by distance).
 */
final class CubeDimension {
  final String name;
  final Distribution distribution;
  private final TpeDimension dim;

  CubeDimension(String name, Distribution distribution) {
    this.name = name;
    this.distribution = distribution;
    this.dim = new TpeDimension(name, distribution);
  }

  boolean categorical() {
    return dim.kind == TpeDimension.Kind.CATEGORICAL;
  }

  boolean discrete() {
    return dim.kind == TpeDimension.Kind.DISCRETE;
  }

  int choices() {
    return dim.choices;
  }

  /** The coordinate of a value: in [0, 1] for numbers, the choice index for a categorical. */
  double toUnit(Object value) {
    double internal = dim.toInternal(value);
    if (categorical()) {
      return internal;
    }
    return dim.hi > dim.lo ? Math.max(0, Math.min(1, (internal - dim.lo) / (dim.hi - dim.lo))) : 0.5;
  }

  /** The value of the distribution a coordinate stands for (clamped, snapped to the grid). */
  Object fromUnit(double u) {
    if (categorical()) {
      return dim.fromInternal(Math.max(0, Math.min(dim.choices - 1, Math.rint(u))));
    }
    double clamped = Math.max(0, Math.min(1, u));
    return dim.fromInternal(dim.lo + clamped * (dim.hi - dim.lo));
  }

  /** The coordinate of the value {@code u} rounds to: integers are rounded in the acquisition. */
  double snap(double u) {
    return discrete() || categorical() ? toUnit(fromUnit(u)) : Math.max(0, Math.min(1, u));
  }

  /**
   * The interval of coordinates that round to the same value as {@code u} (discrete only): its
   * ends are where CMA-ES's margin keeps a chance of moving to the neighbouring value.
   */
  double[] bucket(double u) {
    double internal = dim.toInternal(fromUnit(u));
    double width = dim.hi - dim.lo;
    return new double[] {(dim.bucketLow(internal) - dim.lo) / width, (dim.bucketHigh(internal) - dim.lo) / width};
  }
}
