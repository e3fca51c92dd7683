package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.Distribution;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One parameter on the unit interval, as the Gaussian process and CMA-ES see it: the (log-)range
 * of a number maps linearly to [0, 1], a stepped or integer range widened by half a step on each
 * side (so every allowed value owns an equal share of the interval, as TPE maps them), and a
 * categorical to its choice index (compared by equality, never by distance). A choice among
 * numbers only, such as {@code choice(16, 32, 64)}, is ordered: its values sorted, each owning an
 * equal share of the interval by rank (so doublings are evenly spaced, as on a log scale), and
 * searched as a discrete number.
 */
final class CubeDimension {
  final String name;
  final Distribution distribution;
  private final TpeDimension dim;
  /** For an ordered choice: the choice indices by increasing value, and each index's rank; else null. */
  private final int[] byRank;
  private final int[] rankOf;

  CubeDimension(String name, Distribution distribution) {
    this.name = name;
    this.distribution = distribution;
    this.dim = new TpeDimension(name, distribution);
    if (ordered(distribution)) {
      CategoricalDistribution c = (CategoricalDistribution) distribution;
      int k = c.choices().size();
      Integer[] order = new Integer[k];
      for (int i = 0; i < k; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble(i -> ((Number) c.choices().get(i)).doubleValue()));
      byRank = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
      rankOf = new int[k];
      for (int r = 0; r < k; r++) {
        rankOf[byRank[r]] = r;
      }
    } else {
      byRank = null;
      rankOf = null;
    }
  }

  /** Whether a distribution is a choice among numbers only, which the GP and CMA-ES search as ordered. */
  static boolean ordered(Distribution distribution) {
    return distribution instanceof CategoricalDistribution c && c.choices().size() > 1
        && c.choices().stream().allMatch(v -> v instanceof Number);
  }

  boolean categorical() {
    return byRank == null && dim.kind == TpeDimension.Kind.CATEGORICAL;
  }

  boolean discrete() {
    return byRank != null || dim.kind == TpeDimension.Kind.DISCRETE;
  }

  int choices() {
    return dim.choices;
  }

  /** The coordinate of a value: in [0, 1] for numbers, the choice index for a categorical. */
  double toUnit(Object value) {
    double internal = dim.toInternal(value);
    if (byRank != null) {
      return (rankOf[(int) internal] + 0.5) / byRank.length;
    }
    if (categorical()) {
      return internal;
    }
    return dim.hi > dim.lo ? Math.max(0, Math.min(1, (internal - dim.lo) / (dim.hi - dim.lo))) : 0.5;
  }

  /** The value of the distribution a coordinate stands for (clamped, snapped to the grid). */
  Object fromUnit(double u) {
    if (byRank != null) {
      return dim.fromInternal(byRank[rank(u)]);
    }
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
    if (byRank != null) {
      int r = rank(u);
      return new double[] {(double) r / byRank.length, (double) (r + 1) / byRank.length};
    }
    double internal = dim.toInternal(fromUnit(u));
    double width = dim.hi - dim.lo;
    return new double[] {(dim.bucketLow(internal) - dim.lo) / width, (dim.bucketHigh(internal) - dim.lo) / width};
  }

  private int rank(double u) {
    return (int) Math.max(0, Math.min(byRank.length - 1, Math.floor(u * byRank.length)));
  }
}
