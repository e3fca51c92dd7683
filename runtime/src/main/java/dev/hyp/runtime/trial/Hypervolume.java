package dev.hyp.runtime.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume of a set of loss vectors (every objective minimised) against a reference
 * point: the volume of the region the points dominate and that dominates the reference.
 * Exact in any dimension by slicing ("HSO", While et al. 2006): sort by the last objective,
 * and add up each slab's (d-1)-dimensional hypervolume times its thickness; two objectives are
 * one sweep. Points at or beyond the reference in any objective add nothing. Meant for the 2 to 4
 * objectives a spec allows and fronts of hundreds of points (HSO grows as n^(d-1)).
 */
public final class Hypervolume {
  private Hypervolume() {}

  public static double of(List<double[]> points, double[] reference) {
    List<double[]> inside = new ArrayList<>();
    for (double[] p : points) {
      if (p.length != reference.length) {
        throw new IllegalArgumentException("a point has " + p.length + " objectives, the reference " + reference.length);
      }
      if (strictlyBelow(p, reference)) {
        inside.add(p);
      }
    }
    return slice(inside, reference, reference.length);
  }

  private static boolean strictlyBelow(double[] p, double[] reference) {
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] < reference[i])) {
        return false;
      }
    }
    return true;
  }

  /** The hypervolume of {@code points} in their first {@code d} objectives. */
  private static double slice(List<double[]> points, double[] reference, int d) {
    if (points.isEmpty()) {
      return 0;
    }
    if (d == 1) {
      double best = reference[0];
      for (double[] p : points) {
        best = Math.min(best, p[0]);
      }
      return reference[0] - best;
    }
    if (d == 2) {
      return sweep(points, reference);
    }
    int last = d - 1;
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(p -> p[last]));
    double volume = 0;
    List<double[]> below = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      below.add(sorted.get(i));
      double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
      double thickness = top - sorted.get(i)[last];
      if (thickness > 0) {
        volume += thickness * slice(below, reference, d - 1);
      }
    }
    return volume;
  }

  /** Two objectives: sort by the first, keep a running minimum of the second. */
  private static double sweep(List<double[]> points, double[] reference) {
    double[][] sorted = points.toArray(new double[0][]);
    Arrays.sort(sorted, Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
    double volume = 0;
    double lowest = reference[1];
    for (double[] p : sorted) {
      if (p[1] < lowest) {
        volume += (reference[0] - p[0]) * (lowest - p[1]);
        lowest = p[1];
      }
    }
    return volume;
  }
}
