package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The density that drops kernels too far away to count is, to the last bit, the one summing every
 * kernel: on continuous, log, stepped, integer and categorical dimensions, with few and many
 * kernels, clustered and spread observations, at points drawn from the estimator, uniform ones and
 * the interval's ends.
 */
class ParzenDensityPruningTest {
  private static final List<TpeDimension> MIXED = List.of(
      new TpeDimension("x", new FloatDistribution(0, 1, false, null)),
      new TpeDimension("lr", new FloatDistribution(1e-5, 1, true, null)),
      new TpeDimension("units", new IntDistribution(1, 300, false, 1)),
      new TpeDimension("few", new IntDistribution(1, 4, false, 1)),
      new TpeDimension("drop", new FloatDistribution(0, 0.5, false, 0.05)),
      new TpeDimension("act", CategoricalDistribution.of("relu", "tanh", "elu")),
      new TpeDimension("y", new FloatDistribution(-3, 7, false, null)));

  @Test
  void droppingFarKernelsChangesNoDensity() {
    SplittableRandom random = new SplittableRandom(3);
    int compared = 0;
    for (int n : new int[] {40, 63, 64, 200, 900}) {
      for (boolean clustered : new boolean[] {false, true}) {
        for (List<TpeDimension> dims : List.of(MIXED, MIXED.subList(0, 2), List.of(MIXED.get(0), MIXED.get(6)),
            MIXED.subList(2, 6))) {
          double[][] rows = new double[n][];
          for (int k = 0; k < n; k++) {
            rows[k] = point(dims, random, clustered);
          }
          ParzenEstimator estimator = new ParzenEstimator(dims, rows, 1.0);
          for (int c = 0; c < 60; c++) {
            double[] x = c % 3 == 0 ? estimator.sample(random) : c % 3 == 1 ? point(dims, random, false) : end(dims, c);
            assertEquals(Double.doubleToRawLongBits(estimator.logDensityInFull(x)),
                Double.doubleToRawLongBits(estimator.logDensity(x)), "n " + n + " at " + java.util.Arrays.toString(x));
            compared++;
          }
        }
      }
    }
    assertEquals(5 * 2 * 4 * 60, compared);
  }

  /** A point in the dimensions' internal values, spread or within a small corner. */
  private static double[] point(List<TpeDimension> dims, SplittableRandom random, boolean clustered) {
    double[] x = new double[dims.size()];
    for (int j = 0; j < x.length; j++) {
      TpeDimension dim = dims.get(j);
      if (dim.kind == TpeDimension.Kind.CATEGORICAL) {
        x[j] = clustered ? 0 : random.nextInt(dim.choices);
      } else {
        double u = clustered ? 0.1 * random.nextDouble() : random.nextDouble();
        double v = dim.lo + u * (dim.hi - dim.lo);
        x[j] = dim.kind == TpeDimension.Kind.DISCRETE ? dim.toInternal(dim.fromInternal(v)) : v;
      }
    }
    return x;
  }

  /** A corner of the box: each dimension at its low or high end by the bits of c. */
  private static double[] end(List<TpeDimension> dims, int c) {
    double[] x = new double[dims.size()];
    for (int j = 0; j < x.length; j++) {
      TpeDimension dim = dims.get(j);
      boolean high = (c >> j & 1) == 1;
      if (dim.kind == TpeDimension.Kind.CATEGORICAL) {
        x[j] = high ? dim.choices - 1 : 0;
      } else {
        double v = high ? dim.hi : dim.lo;
        x[j] = dim.kind == TpeDimension.Kind.DISCRETE ? dim.toInternal(dim.fromInternal(v)) : v;
      }
    }
    return x;
  }
}
