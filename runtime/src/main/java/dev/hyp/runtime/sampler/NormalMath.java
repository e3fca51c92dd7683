package dev.hyp.runtime.sampler;

/** The standard normal's (log) CDF and interval masses, accurate far into the tails. */
final class NormalMath {
  static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SQRT_HALF = Math.sqrt(0.5);
  private static final double LOG_HALF = Math.log(0.5);

  private NormalMath() {}

  /** log erfc(x) for x >= 0 (Numerical Recipes' erfcc, relative error below 1.2e-7). */
  static double logErfc(double x) {
    double t = 1.0 / (1.0 + 0.5 * x);
    double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
        + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    return Math.log(t) - x * x + poly;
  }

  /** Φ(z). */
  static double cdf(double z) {
    return z < 0 ? 0.5 * erfc(-z * SQRT_HALF) : 1 - 0.5 * erfc(z * SQRT_HALF);
  }

  /** erfc(x) for x >= 0, the same approximation without the logarithm. */
  private static double erfc(double x) {
    double t = 1.0 / (1.0 + 0.5 * x);
    double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
        + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    return t * Math.exp(-x * x + poly);
  }

  /** log Φ(z), finite even where Φ(z) underflows. */
  static double logCdf(double z) {
    if (z < 0) {
      return LOG_HALF + logErfc(-z * SQRT_HALF);
    }
    return Math.log1p(-Math.exp(LOG_HALF + logErfc(z * SQRT_HALF)));
  }

  /** log(Φ(b) - Φ(a)) for a < b, computed on the side where the masses do not cancel. */
  static double logMass(double a, double b) {
    if (a >= 0) {
      return logMass(-b, -a);
    }
    if (b <= 0) {
      double hi = logCdf(b);
      double lo = logCdf(a);
      return hi + Math.log(-Math.expm1(lo - hi));
    }
    // a < 0 < b: one minus both tails; a tail beyond 5 sigma (below 3e-7) is not worth computing
    double tails = (a < -5 ? 0 : cdf(a)) + (b > 5 ? 0 : cdf(-b));
    return tails == 0 ? 0 : Math.log1p(-tails);
  }
}
