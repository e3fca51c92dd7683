package dev.hyp.runtime.sampler;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * A Gaussian process on the unit cube with a Matérn-5/2 kernel, one lengthscale per dimension
 * (categorical dimensions by Hamming distance: 0 when equal, 1 otherwise), a signal variance and a
 * noise variance, all fitted by maximizing the marginal likelihood plus the mild priors of
 * Optuna's GP sampler (on standardized values): on each inverse squared lengthscale η a
 * -(0.1/η + 0.1η) penalty, Gamma(2, 1) on the signal variance and Gamma(1.1, 30) on the noise.
 */
final class GaussianProcess {
  static final double MIN_NOISE = 1e-6;
  private static final double SQRT5 = Math.sqrt(5);
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  /** Bounds of the fitted log-parameters: log η per dimension, log signal, log (noise - MIN_NOISE). */
  private static final double[] LOG_ETA = {-7, 7};
  private static final double[] LOG_SIGNAL = {Math.log(1e-2), Math.log(1e2)};
  private static final double[] LOG_NOISE = {Math.log(1e-10), Math.log(2)};

  private final double[][] x;
  private final boolean[] categorical;
  final double[] eta;
  final double signal;
  final double noise;
  private final double[][] chol;
  private final double[] alpha;

  private GaussianProcess(double[][] x, boolean[] categorical, double[] eta, double signal, double noise,
      double[] y) {
    this.x = x;
    this.categorical = categorical;
    this.eta = eta;
    this.signal = signal;
    this.noise = noise;
    double[][] k = covariance(x, categorical, eta, signal, noise, null);
    CholeskyDecomposition c = cholesky(k);
    this.chol = c.getL().getData();
    this.alpha = c.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(y, false)).toArray();
  }

  /**
   * Fits the kernel to standardized observations {@code y} at points {@code x} (rows in the unit
   * cube; a categorical coordinate is its choice index).
   */
  static GaussianProcess fit(double[][] x, double[] y, boolean[] categorical, int maxIterations) {
    int d = categorical.length;
    double[] start = new double[d + 2];
    double[] lo = new double[d + 2];
    double[] hi = new double[d + 2];
    for (int i = 0; i < d; i++) {
      lo[i] = LOG_ETA[0];
      hi[i] = LOG_ETA[1];
    }
    lo[d] = LOG_SIGNAL[0];
    hi[d] = LOG_SIGNAL[1];
    lo[d + 1] = LOG_NOISE[0];
    hi[d + 1] = LOG_NOISE[1];
    start[d + 1] = Math.log(0.1);
    double[] best = BoundedLbfgs.minimize((theta, gradient) -> negativeLogPosterior(x, y, categorical, theta, gradient),
        start, lo, hi, maxIterations, 1e-4);
    double[] eta = new double[d];
    for (int i = 0; i < d; i++) {
      eta[i] = Math.exp(best[i]);
    }
    return new GaussianProcess(x, categorical, eta, Math.exp(best[d]), MIN_NOISE + Math.exp(best[d + 1]), y);
  }

  /** The kernel with given settings, not fitted (for tests and references). */
  static GaussianProcess withSettings(double[][] x, double[] y, boolean[] categorical, double[] eta, double signal,
      double noise) {
    return new GaussianProcess(x, categorical, eta, signal, noise, y);
  }

  /** Posterior mean and variance of the latent function (without the noise) at {@code point}. */
  void posterior(double[] point, double[] meanAndVariance) {
    int n = x.length;
    double[] k = new double[n];
    double mean = 0;
    for (int a = 0; a < n; a++) {
      k[a] = signal * matern(Math.sqrt(squaredDistance(point, x[a], categorical, eta)));
      mean += k[a] * alpha[a];
    }
    // v = L⁻¹ k by forward substitution; the variance is signal - |v|²
    double vv = 0;
    for (int a = 0; a < n; a++) {
      double[] row = chol[a];
      double sum = k[a];
      for (int b = 0; b < a; b++) {
        sum -= row[b] * k[b];
      }
      k[a] = sum / row[a];
      vv += k[a] * k[a];
    }
    meanAndVariance[0] = mean;
    meanAndVariance[1] = Math.max(signal - vv, 1e-12 * signal);
  }

  /** -log p(y | θ) - log prior(θ), with its gradient in {@code gradient}; +∞ where K is not positive definite. */
  static double negativeLogPosterior(double[][] x, double[] y, boolean[] categorical, double[] theta,
      double[] gradient) {
    int n = x.length;
    int d = categorical.length;
    double[] eta = new double[d];
    for (int i = 0; i < d; i++) {
      eta[i] = Math.exp(theta[i]);
    }
    double signal = Math.exp(theta[d]);
    double noiseExcess = Math.exp(theta[d + 1]);
    double noise = MIN_NOISE + noiseExcess;
    double[][] r = new double[n][n];
    double[][] k = covariance(x, categorical, eta, signal, noise, r);
    CholeskyDecomposition c;
    try {
      c = new CholeskyDecomposition(new Array2DRowRealMatrix(k, false), 1e-10, 1e-14);
    } catch (NonPositiveDefiniteMatrixException e) {
      java.util.Arrays.fill(gradient, 0);
      return Double.POSITIVE_INFINITY;
    }
    double[][] l = c.getL().getData();
    double[] alpha = c.getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(y, false)).toArray();
    double[][] inverse = c.getSolver().getInverse().getData();
    double fit = 0;
    double logDet = 0;
    for (int a = 0; a < n; a++) {
      fit += y[a] * alpha[a];
      logDet += 2 * Math.log(l[a][a]);
    }
    double value = 0.5 * fit + 0.5 * logDet + 0.5 * n * LOG_2PI;
    // d(-log p)/dθ = -½ tr(W dK/dθ) with W = ααᵀ - K⁻¹
    java.util.Arrays.fill(gradient, 0);
    double signalGrad = 0;
    double noiseGrad = 0;
    for (int a = 0; a < n; a++) {
      double waa = alpha[a] * alpha[a] - inverse[a][a];
      signalGrad += 0.5 * waa * signal;
      noiseGrad += 0.5 * waa * noiseExcess;
      for (int b = 0; b < a; b++) {
        double w = alpha[a] * alpha[b] - inverse[a][b];
        double dist = r[a][b];
        double e = Math.exp(-SQRT5 * dist);
        signalGrad += w * signal * (1 + SQRT5 * dist + 5.0 / 3 * dist * dist) * e;
        // dm/d(r²) = -5/6 (1 + √5 r) e^{-√5 r}
        double common = w * signal * (-5.0 / 6) * (1 + SQRT5 * dist) * e;
        double[] xa = x[a];
        double[] xb = x[b];
        for (int i = 0; i < d; i++) {
          double diff = categorical[i] ? (xa[i] == xb[i] ? 0 : 1) : xa[i] - xb[i];
          gradient[i] -= common * eta[i] * diff * diff;
        }
      }
    }
    gradient[d] = -signalGrad;
    gradient[d + 1] = -noiseGrad;
    // the priors, and their derivatives in the log-parameters
    for (int i = 0; i < d; i++) {
      value += 0.1 / eta[i] + 0.1 * eta[i];
      gradient[i] += -0.1 / eta[i] + 0.1 * eta[i];
    }
    value -= Math.log(signal) - signal;
    gradient[d] -= 1 - signal;
    value -= 0.1 * Math.log(noise) - 30 * noise;
    gradient[d + 1] -= (0.1 / noise - 30) * noiseExcess;
    return value;
  }

  private static double[][] covariance(double[][] x, boolean[] categorical, double[] eta, double signal,
      double noise, double[][] distances) {
    int n = x.length;
    double[][] k = new double[n][n];
    for (int a = 0; a < n; a++) {
      k[a][a] = signal + noise;
      for (int b = 0; b < a; b++) {
        double dist = Math.sqrt(squaredDistance(x[a], x[b], categorical, eta));
        if (distances != null) {
          distances[a][b] = dist;
        }
        k[a][b] = signal * matern(dist);
        k[b][a] = k[a][b];
      }
    }
    return k;
  }

  private static CholeskyDecomposition cholesky(double[][] k) {
    // fitted settings keep the noise above MIN_NOISE; a near-singular K still gets more jitter
    for (double jitter = 0; ; jitter = jitter == 0 ? 1e-8 : jitter * 10) {
      double[][] copy = new double[k.length][];
      for (int a = 0; a < k.length; a++) {
        copy[a] = k[a].clone();
        copy[a][a] += jitter;
      }
      try {
        return new CholeskyDecomposition(new Array2DRowRealMatrix(copy, false), 1e-10, 1e-14);
      } catch (NonPositiveDefiniteMatrixException e) {
        if (jitter > 1) {
          throw e;
        }
      }
    }
  }

  static double squaredDistance(double[] a, double[] b, boolean[] categorical, double[] eta) {
    double sum = 0;
    for (int i = 0; i < eta.length; i++) {
      double diff = categorical[i] ? (a[i] == b[i] ? 0 : 1) : a[i] - b[i];
      sum += eta[i] * diff * diff;
    }
    return sum;
  }

  /** Matérn-5/2 correlation at scaled distance r. */
  static double matern(double r) {
    return (1 + SQRT5 * r + 5.0 / 3 * r * r) * Math.exp(-SQRT5 * r);
  }
}
