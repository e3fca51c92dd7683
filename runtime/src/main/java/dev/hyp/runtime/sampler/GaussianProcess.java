package dev.hyp.runtime.sampler;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * A Gaussian process on the unit cube with a Matérn-5/2 kernel, one lengthscale per dimension
 * (categorical dimensions by Hamming distance: 0 when equal, 1 otherwise), a signal variance and a
 * noise variance, all fitted (by {@link BoundedLbfgs}, with the analytic gradient) by maximizing the marginal likelihood plus the mild priors of
 * Optuna's GP sampler (on standardized values): on each inverse squared lengthscale η a
 * -(0.1/η + 0.1η) penalty, Gamma(2, 1) on the signal variance and Gamma(1.1, 30) on the noise.
 * The linear algebra (Cholesky, solves, the inverse for the gradient) is EJML's.
 */
final class GaussianProcess {
  static final double MIN_NOISE = 1e-6;
  /** The kernel settings are fitted to at most this many observations. */
  static final int FIT_POINTS = 120;
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
  /** The Cholesky factor L of K, row-major (EJML's layout). */
  private final double[] chol;
  private final double[] alpha;
  private volatile double[] upper;

  private GaussianProcess(double[][] x, boolean[] categorical, double[] eta, double signal, double noise,
      double[] y) {
    this.x = x;
    this.categorical = categorical;
    this.eta = eta;
    this.signal = signal;
    this.noise = noise;
    Factor f = factor(covariance(x, categorical, eta, signal, noise, null), true);
    if (f == null) {
      throw new IllegalStateException("the kernel matrix does not factor even with jitter");
    }
    this.chol = f.lower;
    this.alpha = f.solve(y);
  }

  /** Fitted kernel settings: inverse squared lengthscales, signal variance, noise variance. */
  record Settings(double[] eta, double signal, double noise) {
  }

  /**
   * Fits the kernel to standardized observations {@code y} at points {@code x} (rows in the unit
   * cube; a categorical coordinate is its choice index).
   */
  static GaussianProcess fit(double[][] x, double[] y, boolean[] categorical, int maxIterations) {
    Settings s = fitSettings(x, y, categorical, maxIterations);
    return new GaussianProcess(x, categorical, s.eta(), s.signal(), s.noise(), y);
  }

  /** The kernel with fitted settings on observations {@code y} at {@code x}. */
  static GaussianProcess withSettings(double[][] x, double[] y, boolean[] categorical, Settings s) {
    return new GaussianProcess(x, categorical, s.eta(), s.signal(), s.noise(), y);
  }

  /** The settings maximizing the posterior of the kernel on standardized {@code y} at {@code x}. */
  static Settings fitSettings(double[][] x, double[] y, boolean[] categorical, int maxIterations) {
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
    // beyond FIT_POINTS trials the settings are fitted to an even spread of them (every k-th, so
    // still a function of the trials alone): the fit's cost grows with the cube of the points
    double[][] fx = x;
    double[] fy = y;
    if (x.length > FIT_POINTS) {
      fx = new double[FIT_POINTS][];
      fy = new double[FIT_POINTS];
      for (int i = 0; i < FIT_POINTS; i++) {
        int at = (int) ((long) i * x.length / FIT_POINTS);
        fx[i] = x[at];
        fy[i] = y[at];
      }
    }
    double[][] fitX = fx;
    double[] fitY = fy;
    double[] best = BoundedLbfgs.minimize(
        (theta, gradient) -> negativeLogPosterior(fitX, fitY, categorical, theta, gradient), start, lo, hi,
        maxIterations, 1e-4);
    double[] eta = new double[d];
    for (int i = 0; i < d; i++) {
      eta[i] = Math.exp(best[i]);
    }
    return new Settings(eta, Math.exp(best[d]), MIN_NOISE + Math.exp(best[d + 1]));
  }

  /** The kernel with given settings, not fitted (for tests and references). */
  static GaussianProcess withSettings(double[][] x, double[] y, boolean[] categorical, double[] eta, double signal,
      double noise) {
    return new GaussianProcess(x, categorical, eta, signal, noise, y);
  }

  /** Lᵀ, row-major: built on first use by the gradient, then kept. */
  private double[] transposedFactor() {
    double[] t = upper;
    if (t == null) {
      int n = x.length;
      t = new double[n * n];
      for (int a = 0; a < n; a++) {
        for (int b = 0; b <= a; b++) {
          t[b * n + a] = chol[a * n + b];
        }
      }
      upper = t;
    }
    return t;
  }

  /** Posterior mean at {@code point}, without the variance's triangular solve. */
  double mean(double[] point) {
    double mean = 0;
    for (int a = 0; a < x.length; a++) {
      mean += signal * matern(Math.sqrt(squaredDistance(point, x[a], categorical, eta))) * alpha[a];
    }
    return mean;
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
    TriangularSolver_DDRM.solveL(chol, k, n);
    double vv = 0;
    for (int a = 0; a < n; a++) {
      vv += k[a] * k[a];
    }
    meanAndVariance[0] = mean;
    meanAndVariance[1] = Math.max(signal - vv, 1e-12 * signal);
  }

  /**
   * Posterior mean and variance at {@code point} as {@link #posterior}, and their derivatives in
   * the coordinates {@code along} (continuous ones: a categorical coordinate has none) into
   * {@code dMean} and {@code dVariance}: dμ = Σ α_a ∂k_a, dσ² = -2 Σ (K⁻¹k)_a ∂k_a, one extra
   * triangular solve beyond the posterior itself.
   */
  void posteriorWithGradient(double[] point, int[] along, double[] meanAndVariance, double[] dMean,
      double[] dVariance) {
    int n = x.length;
    double[] k = new double[n];
    // ∂k_a/∂x_j = factor_a · η_j (x_j - x_aj), factor_a = s · m'(r) / r = -5/3 s (1 + √5 r) e^{-√5 r}
    double[] factor = new double[n];
    double mean = 0;
    for (int a = 0; a < n; a++) {
      double r = Math.sqrt(squaredDistance(point, x[a], categorical, eta));
      double e = Math.exp(-SQRT5 * r);
      k[a] = signal * (1 + SQRT5 * r + 5.0 / 3 * r * r) * e;
      factor[a] = -5.0 / 3 * signal * (1 + SQRT5 * r) * e;
      mean += k[a] * alpha[a];
    }
    double[] v = k.clone();
    TriangularSolver_DDRM.solveL(chol, v, n);
    double vv = 0;
    for (int a = 0; a < n; a++) {
      vv += v[a] * v[a];
    }
    // w = L⁻ᵀ v = K⁻¹ k, by back substitution on Lᵀ's rows (contiguous, unlike L's columns)
    double[] upper = transposedFactor();
    double[] w = v;
    for (int i = n - 1; i >= 0; i--) {
      double sum = w[i];
      int row = i * n;
      for (int j = i + 1; j < n; j++) {
        sum -= upper[row + j] * w[j];
      }
      w[i] = sum / upper[row + i];
    }
    double variance = signal - vv;
    boolean clamped = variance < 1e-12 * signal;
    meanAndVariance[0] = mean;
    meanAndVariance[1] = clamped ? 1e-12 * signal : variance;
    for (int q = 0; q < along.length; q++) {
      int j = along[q];
      double dm = 0;
      double dv = 0;
      for (int a = 0; a < n; a++) {
        double dk = factor[a] * eta[j] * (point[j] - x[a][j]);
        dm += alpha[a] * dk;
        dv += w[a] * dk;
      }
      dMean[q] = dm;
      dVariance[q] = clamped ? 0 : -2 * dv;
    }
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
    Factor f = factor(covariance(x, categorical, eta, signal, noise, r), false);
    if (f == null) {
      java.util.Arrays.fill(gradient, 0);
      return Double.POSITIVE_INFINITY;
    }
    double[] alpha = f.solve(y);
    double[] inverse = f.inverse();
    double fit = 0;
    double logDet = 0;
    for (int a = 0; a < n; a++) {
      fit += y[a] * alpha[a];
      logDet += 2 * Math.log(f.lower[a * n + a]);
    }
    double value = 0.5 * fit + 0.5 * logDet + 0.5 * n * LOG_2PI;
    // d(-log p)/dθ = -½ tr(W dK/dθ) with W = ααᵀ - K⁻¹
    java.util.Arrays.fill(gradient, 0);
    double signalGrad = 0;
    double noiseGrad = 0;
    for (int a = 0; a < n; a++) {
      double waa = alpha[a] * alpha[a] - inverse[a * n + a];
      signalGrad += 0.5 * waa * signal;
      noiseGrad += 0.5 * waa * noiseExcess;
      for (int b = 0; b < a; b++) {
        double w = alpha[a] * alpha[b] - inverse[a * n + b];
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

  private static DMatrixRMaj covariance(double[][] x, boolean[] categorical, double[] eta, double signal,
      double noise, double[][] distances) {
    int n = x.length;
    DMatrixRMaj k = new DMatrixRMaj(n, n);
    double[] data = k.data;
    for (int a = 0; a < n; a++) {
      data[a * n + a] = signal + noise;
      for (int b = 0; b < a; b++) {
        double dist = Math.sqrt(squaredDistance(x[a], x[b], categorical, eta));
        if (distances != null) {
          distances[a][b] = dist;
        }
        double v = signal * matern(dist);
        data[a * n + b] = v;
        data[b * n + a] = v;
      }
    }
    return k;
  }

  /** K = L Lᵀ through EJML, with its solves. */
  private static final class Factor {
    final int n;
    final double[] lower;
    private final LinearSolverChol_DDRM solver;

    private Factor(int n, double[] lower, LinearSolverChol_DDRM solver) {
      this.n = n;
      this.lower = lower;
      this.solver = solver;
    }

    double[] solve(double[] y) {
      DMatrixRMaj out = new DMatrixRMaj(n, 1);
      solver.solve(new DMatrixRMaj(n, 1, true, y), out);
      return out.data;
    }

    double[] inverse() {
      DMatrixRMaj out = new DMatrixRMaj(n, n);
      solver.invert(out);
      return out.data;
    }
  }

  /**
   * @param jitter add growing jitter to the diagonal until K factors (fitted settings keep the
   *     noise above MIN_NOISE; a near-singular K still may need it); without, null when K does not
   * @return the factor, or null
   */
  private static Factor factor(DMatrixRMaj k, boolean jitter) {
    int n = k.numRows;
    double[] original = jitter ? k.data.clone() : null;
    for (double extra = 0; ; extra = extra == 0 ? 1e-8 : extra * 10) {
      if (extra > 0) {
        System.arraycopy(original, 0, k.data, 0, original.length);
        for (int a = 0; a < n; a++) {
          k.data[a * n + a] += extra;
        }
      }
      CholeskyDecompositionInner_DDRM decomposition = new CholeskyDecompositionInner_DDRM(true);
      LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(decomposition);
      if (solver.setA(k)) {
        return new Factor(n, decomposition.getT(null).data, solver);
      }
      if (!jitter || extra > 1) {
        return null;
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
