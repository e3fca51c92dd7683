package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * log h(z), h(z) = φ(z) + zΦ(z), against references computed with 60-digit decimals: for z <= -1
 * as log φ(|z|) + log(1 - |z| R(|z|)), R being Mills' ratio by its continued fraction (4,000
 * terms); for z > -1 directly in doubles, where nothing cancels.
 */
class LogExpectedImprovementTest {

  @Test
  void logHMatchesHighPrecisionReferencesFromTheCentreFarIntoTheTail() {
    double[][] references = {
        {2, 0.6973835457882284}, {1, 0.08002621884930704}, {0, -0.9189385332046727}, {-0.5, -1.6205162643873197},
        {-1, -2.4851210257126413}, {-1.5, -3.5299359208057099}, {-3, -7.8696860596030289},
        {-5, -16.744301162660989}, {-10, -55.553122036122353}, {-20, -206.91783850942511},
        {-40, -808.29856835661997}, {-100, -5010.1295788002499}, {-1000, -500014.73445209116}};
    for (double[] r : references) {
      assertEquals(r[1], LogExpectedImprovement.logH(r[0]), 1e-12 * Math.max(1, Math.abs(r[1])), "z = " + r[0]);
    }
  }

  @Test
  void logHIsFiniteAndIncreasingWhereExpectedImprovementUnderflows() {
    double previous = Double.NEGATIVE_INFINITY;
    for (double z = -1e9; z < 5; z = z < -10 ? z / 1.5 : z + 0.01) {
      double v = LogExpectedImprovement.logH(z);
      assertTrue(Double.isFinite(v), "z = " + z);
      assertTrue(v > previous, "z = " + z);
      previous = v;
    }
  }

  @Test
  void theScaledComplementaryErrorFunctionJoinsItsAsymptoticSeries() {
    // erfcx(25): the asymptotic series (Abramowitz and Stegun 7.1.23) summed to 12 terms in doubles
    assertEquals(0.022549572432641364, LogExpectedImprovement.erfcx(25), 1e-14);
    assertEquals(LogExpectedImprovement.erfcx(24.999999), LogExpectedImprovement.erfcx(25), 1e-9);
    assertEquals(1 / (1e6 * Math.sqrt(Math.PI)), LogExpectedImprovement.erfcx(1e6), 1e-18);
    assertEquals(0.4275835761558070, LogExpectedImprovement.erfcx(1), 1e-15);
  }

  @Test
  void logEiScalesWithTheStandardDeviation() {
    assertEquals(Math.log(2) + LogExpectedImprovement.logH(-1.5), LogExpectedImprovement.of(1, 2, 4), 1e-14);
  }
}
