package dev.hyp.runtime.sampler;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * One CMA-ES search distribution on the unit cube (Hansen's tutorial, positive weights), with the
 * margin of Hamano et al. (2022, "CMA-ES with Margin") for discrete coordinates: after each
 * update, the mean of a discrete coordinate is moved towards the nearest boundary of its value's
 * bucket until the chance of sampling the neighbouring value is at least α = 1 / (n λ), so a
 * shrinking step size cannot freeze integers before they are searched. (Only the mean correction
 * of the paper; the diagonal rescaling it adds for the remaining cases is left out.)
 */
final class CmaEsState {
  private static final int RESAMPLES = 100;

  final int n;
  final int lambda;
  private final int mu;
  private final double[] weights;
  private final double muEff;
  private final double cSigma;
  private final double dSigma;
  private final double cc;
  private final double c1;
  private final double cMu;
  private final double chiN;
  private final CubeDimension[] dims;
  private final double marginQuantile;

  final double[] mean;
  double sigma;
  private final double[][] c;
  private final double[] pSigma;
  private final double[] pc;
  private double[][] b;
  private double[] d;
  private int generation;

  CmaEsState(CubeDimension[] dims, double[] mean, double sigma, int lambda) {
    this.dims = dims;
    this.n = mean.length;
    this.lambda = lambda;
    this.mu = lambda / 2;
    this.weights = new double[mu];
    double sum = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] = Math.log(mu + 0.5) - Math.log(i + 1);
      sum += weights[i];
    }
    double sumSq = 0;
    for (int i = 0; i < mu; i++) {
      weights[i] /= sum;
      sumSq += weights[i] * weights[i];
    }
    this.muEff = 1 / sumSq;
    this.cSigma = (muEff + 2) / (n + muEff + 5);
    this.dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
    this.cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
    this.c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
    this.cMu = Math.min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
    this.chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
    this.marginQuantile = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - 1.0 / (n * lambda));
    this.mean = mean.clone();
    this.sigma = sigma;
    this.c = new double[n][n];
    this.b = new double[n][n];
    this.d = new double[n];
    for (int i = 0; i < n; i++) {
      c[i][i] = 1;
      b[i][i] = 1;
      d[i] = 1;
    }
    this.pSigma = new double[n];
    this.pc = new double[n];
  }

  /** A point of the cube drawn from the distribution, redrawn while outside (then clamped). */
  double[] sample(SplittableRandom random) {
    double[] x = new double[n];
    for (int attempt = 0; attempt < RESAMPLES; attempt++) {
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        z[i] = random.nextGaussian() * d[i];
      }
      boolean inside = true;
      for (int i = 0; i < n; i++) {
        double y = 0;
        for (int k = 0; k < n; k++) {
          y += b[i][k] * z[k];
        }
        x[i] = mean[i] + sigma * y;
        inside &= x[i] >= 0 && x[i] <= 1;
      }
      if (inside) {
        return x;
      }
    }
    for (int i = 0; i < n; i++) {
      x[i] = Math.max(0, Math.min(1, x[i]));
    }
    return x;
  }

  /**
   * Updates the distribution from one generation's points and losses (lower is better; an
   * infinite loss ranks last).
   */
  void tell(double[][] xs, double[] losses) {
    Integer[] order = new Integer[xs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> losses[i]));
    double[] old = mean.clone();
    double[][] ys = new double[Math.min(mu, xs.length)][n];
    double[] yw = new double[n];
    for (int k = 0; k < ys.length; k++) {
      for (int i = 0; i < n; i++) {
        ys[k][i] = (xs[order[k]][i] - old[i]) / sigma;
        yw[i] += weights[k] * ys[k][i];
      }
    }
    for (int i = 0; i < n; i++) {
      mean[i] = old[i] + sigma * yw[i];
    }
    // C^{-1/2} y_w = B D⁻¹ Bᵀ y_w
    double[] bty = new double[n];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        bty[k] += b[i][k] * yw[i];
      }
      bty[k] /= d[k];
    }
    double norm = 0;
    for (int i = 0; i < n; i++) {
      double v = 0;
      for (int k = 0; k < n; k++) {
        v += b[i][k] * bty[k];
      }
      pSigma[i] = (1 - cSigma) * pSigma[i] + Math.sqrt(cSigma * (2 - cSigma) * muEff) * v;
      norm += pSigma[i] * pSigma[i];
    }
    norm = Math.sqrt(norm);
    generation++;
    boolean hSigma = norm / Math.sqrt(1 - Math.pow(1 - cSigma, 2 * generation)) < (1.4 + 2.0 / (n + 1)) * chiN;
    for (int i = 0; i < n; i++) {
      pc[i] = (1 - cc) * pc[i] + (hSigma ? Math.sqrt(cc * (2 - cc) * muEff) * yw[i] : 0);
    }
    double keep = 1 - c1 - cMu + (hSigma ? 0 : c1 * cc * (2 - cc));
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double rankMu = 0;
        for (int k = 0; k < ys.length; k++) {
          rankMu += weights[k] * ys[k][i] * ys[k][j];
        }
        c[i][j] = keep * c[i][j] + c1 * pc[i] * pc[j] + cMu * rankMu;
        c[j][i] = c[i][j];
      }
    }
    sigma *= Math.exp(Math.min(1, (cSigma / dSigma) * (norm / chiN - 1)));
    decompose();
    applyMargin();
  }

  /** Whether the distribution has collapsed: a step below {@code tolerance} of the cube in every direction. */
  boolean converged(double tolerance) {
    for (int i = 0; i < n; i++) {
      if (sigma * Math.sqrt(c[i][i]) > tolerance) {
        return false;
      }
    }
    return true;
  }

  private void decompose() {
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(c, true));
    double[][] v = eigen.getV().getData();
    double[] values = eigen.getRealEigenvalues();
    for (int k = 0; k < n; k++) {
      d[k] = Math.sqrt(Math.max(values[k], 1e-20));
    }
    b = v;
  }

  private void applyMargin() {
    for (int i = 0; i < n; i++) {
      if (!dims[i].discrete()) {
        continue;
      }
      double[] bucket = dims[i].bucket(mean[i]);
      boolean lowInterior = bucket[0] > 1e-12;
      boolean highInterior = bucket[1] < 1 - 1e-12;
      if (!lowInterior && !highInterior) {
        continue;
      }
      double edge = !lowInterior ? bucket[1] : !highInterior ? bucket[0]
          : (mean[i] - bucket[0] < bucket[1] - mean[i] ? bucket[0] : bucket[1]);
      double reach = marginQuantile * sigma * Math.sqrt(c[i][i]);
      if (Math.abs(mean[i] - edge) > reach) {
        mean[i] = edge + Math.signum(mean[i] - edge) * reach;
      }
    }
  }
}
