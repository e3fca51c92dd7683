package dev.hyp.runtime.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximizes log EI over one group's cube: scores Sobol candidates and the best trials, then
 * refines the best few, alternating a bounded quasi-Newton step over the continuous coordinates
 * (with the analytic gradient of log EI) with a sweep over each discrete coordinate's neighbouring values
 * and each categorical's choices. Every point is scored as it would be sampled: integers and
 * steps rounded, categoricals as a choice.
 */
final class AcquisitionSearch {
  private static final int ROUNDS = 3;
  private static final int LBFGS_ITERATIONS = 30;

  private final GaussianProcess gp;
  private final List<CubeDimension> dims;
  private final double best;
  private final double[] scratch = new double[2];
  /** The box the search stays in (the whole cube, or a trust region); categorical coordinates ignore it. */
  private final double[] lower;
  private final double[] upper;

  AcquisitionSearch(GaussianProcess gp, List<CubeDimension> dims, double best) {
    this(gp, dims, best, null, null);
  }

  AcquisitionSearch(GaussianProcess gp, List<CubeDimension> dims, double best, double[] lower, double[] upper) {
    this.gp = gp;
    this.dims = dims;
    this.best = best;
    int d = dims.size();
    this.lower = lower != null ? lower.clone() : new double[d];
    this.upper = upper != null ? upper.clone() : filled(d, 1);
  }

  private static double[] filled(int d, double value) {
    double[] out = new double[d];
    Arrays.fill(out, value);
    return out;
  }

  private boolean inside(double[] p) {
    for (int j = 0; j < p.length; j++) {
      if (!dims.get(j).categorical() && (p[j] < lower[j] || p[j] > upper[j])) {
        return false;
      }
    }
    return true;
  }

  /** Log EI at a point as it would be sampled. */
  double score(double[] u) {
    double[] snapped = new double[u.length];
    for (int j = 0; j < u.length; j++) {
      snapped[j] = dims.get(j).snap(u[j]);
    }
    gp.posterior(snapped, scratch);
    return LogExpectedImprovement.of(scratch[0], Math.sqrt(scratch[1]), best);
  }

  double[] maximize(double[][] observed, double[] y, int candidates, int localStarts, SplittableRandom random) {
    int d = dims.size();
    List<double[]> starts = new ArrayList<>();
    for (double[] p : GpSampler.sobolPoints(d, candidates, random)) {
      for (int j = 0; j < d; j++) {
        if (dims.get(j).categorical()) {
          p[j] = Math.min(dims.get(j).choices() - 1, Math.floor(p[j] * dims.get(j).choices()));
        } else {
          p[j] = lower[j] + (upper[j] - lower[j]) * p[j];
        }
      }
      starts.add(p);
    }
    Integer[] order = new Integer[y.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> -y[i]));
    for (int i = 0, added = 0; i < order.length && added < localStarts; i++) {
      if (inside(observed[order[i]])) {
        starts.add(observed[order[i]].clone());
        added++;
      }
    }
    double[] scores = new double[starts.size()];
    Integer[] ranked = new Integer[starts.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = score(starts.get(i));
      ranked[i] = i;
    }
    Arrays.sort(ranked, Comparator.comparingDouble(i -> -scores[i]));
    double[] bestPoint = starts.get(ranked[0]);
    double bestScore = scores[ranked[0]];
    for (int s = 0; s < Math.min(localStarts, ranked.length); s++) {
      double[] p = starts.get(ranked[s]).clone();
      double value = refine(p);
      if (value > bestScore) {
        bestScore = value;
        bestPoint = p;
      }
    }
    double[] out = new double[d];
    for (int j = 0; j < d; j++) {
      out[j] = dims.get(j).snap(bestPoint[j]);
    }
    return out;
  }

  /** Improves {@code p} in place; returns its score. */
  private double refine(double[] p) {
    int d = p.length;
    List<Integer> continuous = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      if (!dims.get(j).discrete() && !dims.get(j).categorical()) {
        continuous.add(j);
      }
    }
    double current = score(p);
    // the rounds alternate continuous and discrete moves: with only continuous coordinates one is all
    int rounds = continuous.size() == d ? 1 : ROUNDS;
    for (int round = 0; round < rounds; round++) {
      double before = current;
      if (!continuous.isEmpty()) {
        current = climbContinuous(p, continuous);
      }
      current = sweepDiscrete(p, current);
      if (current <= before + 1e-9) {
        break;
      }
    }
    return current;
  }

  private double climbContinuous(double[] p, List<Integer> continuous) {
    int m = continuous.size();
    int[] along = continuous.stream().mapToInt(Integer::intValue).toArray();
    double[] start = new double[m];
    double[] lo = new double[m];
    double[] hi = new double[m];
    for (int k = 0; k < m; k++) {
      lo[k] = lower[along[k]];
      hi[k] = upper[along[k]];
      start[k] = Math.max(lo[k], Math.min(hi[k], p[along[k]]));
    }
    double[] work = p.clone();
    BoundedLbfgs.Function negative = (z, gradient) -> {
      for (int k = 0; k < m; k++) {
        work[along[k]] = z[k];
      }
      double f = -scoreWithGradient(work, along, gradient);
      for (int k = 0; k < m; k++) {
        gradient[k] = -gradient[k];
      }
      return f;
    };
    double before = score(p);
    double[] z = BoundedLbfgs.minimize(negative, start, lo, hi, LBFGS_ITERATIONS, 1e-6);
    double[] candidate = p.clone();
    for (int k = 0; k < m; k++) {
      candidate[along[k]] = z[k];
    }
    double after = score(candidate);
    if (after > before) {
      System.arraycopy(candidate, 0, p, 0, p.length);
      return after;
    }
    return before;
  }

  /**
   * Log EI at a point as it would be sampled, and its gradient in the continuous coordinates
   * {@code along}: d log EI = (Φ(z) / h(z)) dz + dσ / σ, with z = (μ - best) / σ.
   */
  double scoreWithGradient(double[] u, int[] along, double[] gradient) {
    double[] snapped = new double[u.length];
    for (int j = 0; j < u.length; j++) {
      snapped[j] = dims.get(j).snap(u[j]);
    }
    int m = along.length;
    double[] dMean = new double[m];
    double[] dVariance = new double[m];
    gp.posteriorWithGradient(snapped, along, scratch, dMean, dVariance);
    double sd = Math.sqrt(scratch[1]);
    double z = (scratch[0] - best) / sd;
    double logH = LogExpectedImprovement.logH(z);
    double ratio = Math.exp(NormalMath.logCdf(z) - logH);
    for (int k = 0; k < m; k++) {
      double dSd = dVariance[k] / (2 * sd);
      gradient[k] = ratio * (dMean[k] - z * dSd) / sd + dSd / sd;
    }
    return logH + Math.log(sd);
  }

  private double sweepDiscrete(double[] p, double current) {
    for (int j = 0; j < p.length; j++) {
      CubeDimension dim = dims.get(j);
      if (dim.categorical()) {
        for (int c = 0; c < dim.choices(); c++) {
          current = tryValue(p, j, c, current);
        }
      } else if (dim.discrete()) {
        double[] bucket = dim.bucket(p[j]);
        // just outside the bucket is the neighbouring value (snap clamps at the ends)
        current = tryValue(p, j, dim.snap(bucket[0] - 1e-9), current);
        current = tryValue(p, j, dim.snap(bucket[1] + 1e-9), current);
      }
    }
    return current;
  }

  private double tryValue(double[] p, int j, double value, double current) {
    double old = p[j];
    p[j] = value;
    double s = score(p);
    if (s > current) {
      return s;
    }
    p[j] = old;
    return current;
  }
}
