package dev.hyp.runtime.sampler;

import org.apache.commons.math3.special.Erf;

/**
 * log EI for a Gaussian belief, finite where EI itself underflows to 0 (Ament et al. 2023,
 * "Unexpected Improvements to Expected Improvement for Bayesian Optimization"): without it every
 * candidate far from the best scores the same 0 and the acquisition has no slope to climb.
 */
final class LogExpectedImprovement {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double LOG_SQRT_HALF_PI = 0.5 * Math.log(Math.PI / 2);
  private static final double SQRT_HALF = Math.sqrt(0.5);
  /** Below this z, h(z) is φ(z) / z² to double precision. */
  private static final double ASYMPTOTIC = -1 / Math.sqrt(Math.ulp(1.0));

  private LogExpectedImprovement() {}

  /** log E[max(f - best, 0)] for f ~ N(mean, sd²), sd > 0 (maximization). */
  static double of(double mean, double sd, double best) {
    return logH((mean - best) / sd) + Math.log(sd);
  }

  /** log h(z), h(z) = φ(z) + zΦ(z) = E[max(Z + z, 0)]. */
  static double logH(double z) {
    if (z > -1) {
      double cdf = 0.5 * Erf.erfc(-z * SQRT_HALF);
      double pdf = Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
      return Math.log(pdf + z * cdf);
    }
    if (z > ASYMPTOTIC) {
      // h(z) = φ(z) (1 - |z| erfcx(|z| / √2) √(π/2)): the bracket without cancelling terms
      double a = Math.log(erfcx(-z * SQRT_HALF) * -z) + LOG_SQRT_HALF_PI;
      return -0.5 * z * z - LOG_SQRT_2PI + log1mexp(a);
    }
    return -0.5 * z * z - LOG_SQRT_2PI - 2 * Math.log(-z);
  }

  /** erfcx(x) = exp(x²) erfc(x) for x >= 0. */
  static double erfcx(double x) {
    if (x < 25) {
      return Math.exp(x * x) * Erf.erfc(x);
    }
    // the asymptotic series; its next term is below 1e-12 relative beyond 25
    double inv2 = 1 / (x * x);
    return (1 - 0.5 * inv2 * (1 - 1.5 * inv2 * (1 - 2.5 * inv2 * (1 - 3.5 * inv2)))) / (x * Math.sqrt(Math.PI));
  }

  /** log(1 - exp(a)) for a < 0 (Mächler 2012). */
  static double log1mexp(double a) {
    return a > -Math.log(2) ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
  }
}
