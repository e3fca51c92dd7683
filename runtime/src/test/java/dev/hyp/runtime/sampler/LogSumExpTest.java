package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The density's one-pass log-sum-exp gives, to the last bit, what two passes give (the largest
 * term first, then the sum of the terms within 40 nats of it): on terms rising, falling and in
 * no order, with ties, 0.0 beside -0.0, infinities and NaN.
 */
class LogSumExpTest {
  private static final double[] ODD = {0.0, -0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN};

  @Test
  void onePassSumsTheTermsTwoPassesSum() {
    SplittableRandom random = new SplittableRandom(9);
    int[] kept = new int[300];
    for (int trial = 0; trial < 20000; trial++) {
      int n = 1 + random.nextInt(300);
      double[] a = new double[n];
      int shape = trial % 4;
      for (int k = 0; k < n; k++) {
        double v = shape == 0 ? -100 * random.nextDouble()
            : shape == 1 ? k * random.nextDouble() // rising: most terms are kept for a while
            : shape == 2 ? -k * 0.5 // falling: each term is within reach of the first few
            : Math.floor(-90 * random.nextDouble()); // ties
        a[k] = random.nextInt(400) == 0 ? ODD[random.nextInt(ODD.length)] : v;
      }
      if (trial % 97 == 0) {
        java.util.Arrays.fill(a, Double.NEGATIVE_INFINITY);
      }
      assertEquals(Double.doubleToRawLongBits(twoPasses(a)), Double.doubleToRawLongBits(
          ParzenEstimator.logSumExp(a, n, kept)), "trial " + trial);
    }
  }

  /** The sum as it was taken before: the largest term, then a pass over all of them. */
  private static double twoPasses(double[] a) {
    double max = Double.NEGATIVE_INFINITY;
    boolean nan = false;
    for (double v : a) {
      max = v > max ? v : max;
      nan |= v != v;
    }
    if (nan) {
      return Double.NaN;
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double v : a) {
      if (v > max - 40) {
        sum += Math.exp(v - max);
      }
    }
    return max + Math.log(sum);
  }
}
