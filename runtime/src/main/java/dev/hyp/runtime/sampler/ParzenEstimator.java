package dev.hyp.runtime.sampler;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multivariate Parzen estimator over one group of parameters, as in Optuna's TPE: one kernel
 * per observation plus a prior kernel; a kernel is a product of truncated normals (numeric
 * dimensions, in log space where the range is log) and smoothed one-hot distributions
 * (categorical dimensions). Each numeric dimension takes its bandwidths from the gaps between
 * neighbouring observations (Optuna's univariate rule), which measured better on our benchmarks
 * than the multivariate rule's single shrinking bandwidth.
 */
final class ParzenEstimator {
  /** Below this bucket width (in sigmas) a discrete mass is taken as density times width. */
  private static final double NARROW_BUCKET = 0.25;
  /** Terms this many nats below the largest change the sum by less than 1e-17: it leaves them out. */
  private static final double NEGLIGIBLE = 40;

  private final List<TpeDimension> dims;
  private final int kernels;
  private final double[] cumulativeWeight;
  private final double[] logWeight;
  // per numeric dimension j: kernel means, sigmas and normalizing terms, indexed [j][k]
  private final double[][] mu;
  private final double[][] sigma;
  private final double[][] invSigma;
  private final double[][] logNorm;
  // per discrete dimension (null for the others): the log of each kernel's mass within the interval
  private final double[][] logZ;
  // per categorical dimension j: kernel probabilities and their logs, indexed [j][k * choices + c]
  private final double[][] prob;
  private final double[][] logProb;
  /** The kernels' terms while {@link #logDensity} sums them, and the places of those it adds; kept between calls. */
  private double[] scratch;
  private int[] kept;

  /**
   * @param observations one row per observation in trial order (oldest first), one internal
   *     value per dimension
   */
  ParzenEstimator(List<TpeDimension> dims, double[][] observations, double priorWeight) {
    this(dims, observations, priorWeight, null, 0);
  }

  /**
   * With given weights per observation (null: Optuna's default ramp), and each kernel's categorical
   * distributions mixed with the uniform one at {@code uniformShare} (0: not at all), so that no
   * category's chance vanishes however often the others were seen.
   */
  ParzenEstimator(List<TpeDimension> dims, double[][] observations, double priorWeight, double[] observationWeights,
      double uniformShare) {
    this(dims, observations, priorWeight, observationWeights, uniformShare, null);
  }

  /**
   * @param shortcuts what earlier asks already computed (the kernels' order per dimension, their
   *     normalisers), or null to compute everything here; the estimator is the same either way
   */
  ParzenEstimator(List<TpeDimension> dims, double[][] observations, double priorWeight, double[] observationWeights,
      double uniformShare, Shortcuts shortcuts) {
    this.dims = dims;
    int n = observations.length;
    this.kernels = n + 1;
    double[][] known = shortcuts == null || observationWeights != null ? null : shortcuts.knownWeights(n, priorWeight);
    if (known == null) {
      known = logAndCumulative(observationWeights == null
          ? weights(n, priorWeight)
          : normalized(observationWeights, priorWeight));
      if (shortcuts != null && observationWeights == null) {
        shortcuts.rememberWeights(n, priorWeight, known);
      }
    }
    // read-only from here, so estimators of the same size may share them
    this.logWeight = known[0];
    this.cumulativeWeight = known[1];
    int d = dims.size();
    mu = new double[d][];
    sigma = new double[d][];
    invSigma = new double[d][];
    logNorm = new double[d][];
    logZ = new double[d][];
    prob = new double[d][];
    logProb = new double[d][];
    for (int j = 0; j < d; j++) {
      TpeDimension dim = dims.get(j);
      if (dim.kind == TpeDimension.Kind.CATEGORICAL) {
        buildCategorical(j, dim, observations, priorWeight, uniformShare);
      } else {
        buildNumeric(j, dim, observations, shortcuts);
      }
    }
  }

  /**
   * An estimator over kernels prepared elsewhere ({@link AboveKernels}), indexed as the fields
   * are; the arrays are taken as they are, not copied, and may be longer than {@code kernels}.
   *
   * @param weights the log weights and cumulative weights, of length {@code kernels}
   */
  ParzenEstimator(List<TpeDimension> dims, int kernels, double[][] weights, double[][] mu, double[][] sigma,
      double[][] invSigma, double[][] logNorm, double[][] logZ, double[][] prob, double[][] logProb) {
    this(dims, kernels, weights, mu, sigma, invSigma, logNorm, logZ, prob, logProb, null, null);
  }

  /** As above, with {@link #logDensity}'s buffers (each at least {@code kernels} long, or null: its own). */
  ParzenEstimator(List<TpeDimension> dims, int kernels, double[][] weights, double[][] mu, double[][] sigma,
      double[][] invSigma, double[][] logNorm, double[][] logZ, double[][] prob, double[][] logProb,
      double[] scratch, int[] kept) {
    this.scratch = scratch;
    this.kept = kept;
    this.dims = dims;
    this.kernels = kernels;
    this.logWeight = weights[0];
    this.cumulativeWeight = weights[1];
    this.mu = mu;
    this.sigma = sigma;
    this.invSigma = invSigma;
    this.logNorm = logNorm;
    this.logZ = logZ;
    this.prob = prob;
    this.logProb = logProb;
  }

  /** Optuna's default weights for n observations as log weights and cumulative weights. */
  static double[][] defaultWeights(int n, double priorWeight) {
    return logAndCumulative(weights(n, priorWeight));
  }

  /**
   * {@link #defaultWeights} written into {@code logWeight} and {@code cumulative} (each at least
   * n + 1 long) instead of new arrays: the same numbers, computed in the same order.
   */
  static void defaultWeightsInto(int n, double priorWeight, double[] logWeight, double[] cumulative) {
    // the raw weights first, where the cumulative ones go
    int ramp = Math.max(0, n - 25);
    for (int k = 0; k < n; k++) {
      cumulative[k] = k < ramp ? (ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * k / (ramp - 1)) : 1.0;
    }
    cumulative[n] = priorWeight;
    double sum = 0;
    for (int k = 0; k <= n; k++) {
      sum += cumulative[k];
    }
    double acc = 0;
    for (int k = 0; k <= n; k++) {
      double w = cumulative[k] / sum;
      logWeight[k] = Math.log(w);
      acc += w;
      cumulative[k] = acc;
    }
  }

  private static double[][] logAndCumulative(double[] w) {
    double[][] known = {new double[w.length], new double[w.length]};
    double acc = 0;
    for (int k = 0; k < w.length; k++) {
      known[0][k] = Math.log(w[k]);
      acc += w[k];
      known[1][k] = acc;
    }
    return known;
  }

  /** Numeric dimension j's kernel means, sigmas, 1 / sigmas, log normalisers and (discrete) log masses. */
  double[][] numericKernels(int j) {
    return new double[][] {mu[j], sigma[j], invSigma[j], logNorm[j], logZ[j]};
  }

  /**
   * Optuna's default weights: recent observations count fully, older ones (beyond the last 25)
   * ramp down; the prior kernel gets {@code priorWeight}; all normalized to sum to one.
   */
  private static double[] weights(int n, double priorWeight) {
    double[] w = new double[n];
    int ramp = Math.max(0, n - 25);
    for (int k = 0; k < n; k++) {
      w[k] = k < ramp ? (ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * k / (ramp - 1)) : 1.0;
    }
    return normalized(w, priorWeight);
  }

  /** The given observation weights with the prior's appended, all normalized to sum to one. */
  private static double[] normalized(double[] observationWeights, double priorWeight) {
    int n = observationWeights.length;
    double[] w = Arrays.copyOf(observationWeights, n + 1);
    w[n] = priorWeight;
    double sum = 0;
    for (double x : w) {
      sum += x;
    }
    for (int k = 0; k <= n; k++) {
      w[k] /= sum;
    }
    return w;
  }

  private void buildNumeric(int j, TpeDimension dim, double[][] obs, Shortcuts shortcuts) {
    int n = obs.length;
    double range = dim.hi - dim.lo;
    double prior = 0.5 * (dim.lo + dim.hi);
    double[] means = new double[kernels];
    for (int k = 0; k < n; k++) {
      means[k] = obs[k][j];
    }
    means[n] = prior;
    int[] order = shortcuts == null ? sortedKernels(means, dim.lo, dim.hi) : shortcuts.order(j, prior);
    double[] widths = neighbourWidths(means, order, dim.lo, dim.hi);
    double[] sg = new double[kernels];
    double[] inv = new double[kernels];
    double[] norm = new double[kernels];
    Normalisers known = shortcuts == null ? null : shortcuts.normalisers(j);
    for (int k = 0; k < n; k++) {
      double s = clippedSigma(widths[k], range, kernels);
      sg[k] = s;
      int i = known == null ? -1 : known.positions[k];
      if (i >= 0 && known.sigma[i] == s) {
        norm[k] = known.logNorm[i];
        inv[k] = known.inverse[i];
      } else {
        norm[k] = logNormaliser(means[k], s, dim.lo, dim.hi);
        inv[k] = 1 / s;
        if (i >= 0) {
          known.sigma[i] = s;
          known.logNorm[i] = norm[k];
          known.inverse[i] = inv[k];
        }
      }
    }
    sg[n] = range;
    inv[n] = 1 / range;
    norm[n] = logNormaliser(prior, range, dim.lo, dim.hi);
    mu[j] = means;
    sigma[j] = sg;
    invSigma[j] = inv;
    logNorm[j] = norm;
    if (dim.kind == TpeDimension.Kind.DISCRETE) {
      logZ[j] = new double[kernels];
      for (int k = 0; k < kernels; k++) {
        logZ[j][k] = logMass(norm[k], sg[k]);
      }
    }
  }

  /**
   * A discrete dimension's log of a kernel's mass within the interval, as the discrete densities
   * take it: from the normaliser, not logMass itself (the same bits as before).
   */
  static double logMass(double logNorm, double sigma) {
    return -(logNorm + Math.log(sigma) + NormalMath.LOG_SQRT_2PI);
  }

  /** Optuna's "magic clip" of a kernel's width: never narrower than range / (number of kernels), capped at 100. */
  static double clippedSigma(double width, double range, int kernels) {
    double minSigma = range / Math.min(100.0, 1.0 + kernels);
    return Math.min(range, Math.max(minSigma, width));
  }

  /** The log of a normal kernel's density factor 1 / (sigma sqrt(2 pi) Z), Z its mass within [lo, hi]. */
  static double logNormaliser(double m, double sg, double lo, double hi) {
    double logMass = NormalMath.logMass((lo - m) / sg, (hi - m) / sg);
    return -logMass - Math.log(sg) - NormalMath.LOG_SQRT_2PI;
  }

  /**
   * The kernels sorted by {@link #sortKey}: by position, ties in index order (the prior, index
   * n, after the observations at its position).
   */
  private static int[] sortedKernels(double[] means, double lo, double hi) {
    int k = means.length;
    if (k > 1 << INDEX_BITS) {
      throw new IllegalArgumentException(TOO_MANY);
    }
    long[] keys = new long[k];
    for (int i = 0; i < k; i++) {
      keys[i] = sortKey(means[i], lo, hi, i);
    }
    RadixSort.sort(keys, INDEX_BITS, 32);
    int[] order = new int[k];
    for (int p = 0; p < k; p++) {
      order[p] = index(keys[p]);
    }
    return order;
  }

  /**
   * A mean's place in the sort: its position in [lo, hi] in 2^32 steps above {@code index}'s
   * bits. 2^-32 of the range is far below the smallest width the magic clip allows, so the
   * positions lose nothing that matters.
   */
  static long sortKey(double mean, double lo, double hi, int index) {
    double scale = POSITIONS / (hi - lo);
    long position = (long) Math.max(0, Math.min(POSITIONS - 1, (mean - lo) * scale));
    return position << INDEX_BITS | index;
  }

  /** The index bits of a {@link #sortKey}. */
  static int index(long key) {
    return (int) (key & ((1L << INDEX_BITS) - 1));
  }

  /** The position bits of a {@link #sortKey}. */
  static long position(long key) {
    return key >>> INDEX_BITS;
  }

  static final String TOO_MANY = "TPE models at most 2^" + ParzenEstimator.INDEX_BITS + " trials";

  /**
   * Optuna's univariate bandwidth: each kernel as wide as the larger gap to its neighbours
   * (the prior's mean included), so kernels are narrow where good points cluster.
   *
   * @param order the kernels by position
   */
  private static double[] neighbourWidths(double[] means, int[] order, double lo, double hi) {
    int k = means.length;
    double[] widths = new double[k];
    for (int p = 0; p < k; p++) {
      double before = p == 0 ? Double.NaN : means[order[p - 1]];
      double after = p == k - 1 ? Double.NaN : means[order[p + 1]];
      widths[order[p]] = neighbourWidth(p, k, means[order[p]], before, after, lo, hi);
    }
    return widths;
  }

  /**
   * The width of the kernel at place p of k by position, whose mean is {@code here}, between
   * {@code before} and {@code after} (read only where there are such neighbours).
   */
  static double neighbourWidth(int p, int k, double here, double before, double after, double lo, double hi) {
    double left = p == 0 ? here - lo : here - before;
    double right = p == k - 1 ? hi - here : after - here;
    // the interval ends are not neighbours: the outermost kernels use their inner gap
    if (k >= 2 && p == 0) {
      left = right;
    } else if (k >= 2 && p == k - 1) {
      right = left;
    }
    return Math.max(left, right);
  }

  static final int INDEX_BITS = 20;
  private static final double POSITIONS = 4294967296.0;

  private void buildCategorical(int j, TpeDimension dim, double[][] obs, double priorWeight, double uniformShare) {
    double[][] built = categorical(j, dim, obs, priorWeight, uniformShare);
    prob[j] = built[0];
    logProb[j] = built[1];
  }

  /** Categorical dimension j's kernel probabilities and their logs, indexed [k * choices + c]. */
  static double[][] categorical(int j, TpeDimension dim, double[][] obs, double priorWeight, double uniformShare) {
    int n = obs.length;
    int kernels = n + 1;
    int c = dim.choices;
    double[] prob = new double[kernels * c];
    double[] logProb = new double[kernels * c];
    double fill = priorWeight / kernels;
    for (int k = 0; k < kernels; k++) {
      double total = fill * c + (k < n ? 1 : 0);
      for (int i = 0; i < c; i++) {
        double p = (fill + (k < n && (int) obs[k][j] == i ? 1 : 0)) / total;
        p = (1 - uniformShare) * p + uniformShare / c;
        prob[k * c + i] = p;
        logProb[k * c + i] = Math.log(p);
      }
    }
    return new double[][] {prob, logProb};
  }

  /** Draws a point: a kernel by weight, then each dimension from that kernel. */
  double[] sample(SplittableRandom random) {
    int k = pickKernel(random.nextDouble() * cumulativeWeight[kernels - 1]);
    double[] x = new double[dims.size()];
    for (int j = 0; j < x.length; j++) {
      TpeDimension dim = dims.get(j);
      if (dim.kind == TpeDimension.Kind.CATEGORICAL) {
        x[j] = sampleChoice(j, k, dim.choices, random);
      } else {
        double v = truncatedNormal(mu[j][k], sigma[j][k], dim.lo, dim.hi, random);
        // snap discrete values so that density is evaluated at an allowed value
        x[j] = dim.kind == TpeDimension.Kind.DISCRETE ? dim.toInternal(dim.fromInternal(v)) : v;
      }
    }
    return x;
  }

  private double[] scratch() {
    if (scratch == null) {
      scratch = new double[kernels];
    }
    if (kept == null) {
      kept = new int[kernels];
    }
    return scratch;
  }

  /** log of the mixture density (mass, for discrete dimensions) at {@code x}; one caller at a time. */
  double logDensity(double[] x) {
    double[] acc = scratch();
    System.arraycopy(logWeight, 0, acc, 0, kernels);
    for (int j = 0; j < x.length; j++) {
      TpeDimension dim = dims.get(j);
      switch (dim.kind) {
        case CATEGORICAL -> addCategorical(acc, j, (int) x[j], dim.choices);
        case CONTINUOUS -> addContinuous(acc, j, x[j]);
        case DISCRETE -> addDiscrete(acc, j, x[j], dim);
      }
    }
    return logSumExp(acc, kernels, kept);
  }

  private void addCategorical(double[] acc, int j, int choice, int c) {
    double[] lp = logProb[j];
    for (int k = 0; k < kernels; k++) {
      acc[k] += lp[k * c + choice];
    }
  }

  private void addContinuous(double[] acc, int j, double x) {
    double[] m = mu[j];
    double[] inv = invSigma[j];
    double[] norm = logNorm[j];
    for (int k = 0; k < kernels; k++) {
      double z = (x - m[k]) * inv[k];
      acc[k] += norm[k] - 0.5 * z * z;
    }
  }

  private void addDiscrete(double[] acc, int j, double x, TpeDimension dim) {
    double lo = dim.bucketLow(x);
    double hi = dim.bucketHigh(x);
    double width = hi - lo;
    double logWidth = Math.log(width);
    double[] m = mu[j];
    double[] invs = invSigma[j];
    double[] norm = logNorm[j];
    double[] logMass = logZ[j];
    for (int k = 0; k < kernels; k++) {
      double inv = invs[k];
      if (width * inv < NARROW_BUCKET) {
        // midpoint rule: the mass of a narrow bucket is its density times its width
        double z = (x - m[k]) * inv;
        acc[k] += norm[k] - 0.5 * z * z + logWidth;
      } else {
        acc[k] += NormalMath.logMass((lo - m[k]) * inv, (hi - m[k]) * inv) - logMass[k];
      }
    }
  }

  private int pickKernel(double u) {
    int lo = 0;
    int hi = kernels - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulativeWeight[mid] <= u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int sampleChoice(int j, int k, int c, SplittableRandom random) {
    double u = random.nextDouble();
    double acc = 0;
    for (int i = 0; i < c; i++) {
      acc += prob[j][k * c + i];
      if (u < acc) {
        return i;
      }
    }
    return c - 1;
  }

  private static double truncatedNormal(double m, double s, double lo, double hi, SplittableRandom random) {
    for (int attempt = 0; attempt < 64; attempt++) {
      double v = m + s * random.nextGaussian();
      if (v >= lo && v <= hi) {
        return v;
      }
    }
    // the kernel sits far outside the interval; its nearest end is the likeliest point
    return Math.max(lo, Math.min(hi, m));
  }

  /** The log of the sum of the exponentials of {@code a}'s first {@code n}. */
  /**
   * The log of the sum of the exponentials of {@code a}'s first {@code n}, leaving out the terms
   * more than {@link #NEGLIGIBLE} below the largest. One pass finds the largest and keeps, in
   * order, every term not that far below the largest so far; the sum is then over those kept. A
   * term left out is that far below a term before it, so below the largest too: the sum adds the
   * same terms in the same order as a pass over all of them after the largest was known, to the
   * last bit, and most terms (the kernels far from the point) are looked at once instead of twice.
   *
   * @param kept room for the places of the terms kept, at least n
   */
  static double logSumExp(double[] a, int n, int[] kept) {
    // a comparison rather than Math.max, which is slower for its NaN and signed-zero rules: a NaN
    // still gives NaN, and a -0.0 kept for 0.0 changes no result (the sum is at least one)
    double max = Double.NEGATIVE_INFINITY;
    double floor = max - NEGLIGIBLE;
    boolean nan = false;
    int count = 0;
    for (int k = 0; k < n; k++) {
      double v = a[k];
      if (!(v <= floor)) {
        kept[count++] = k;
        if (v > max) {
          max = v;
          floor = max - NEGLIGIBLE;
        }
        nan |= v != v;
      }
    }
    if (nan) {
      return Double.NaN;
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < count; i++) {
      double v = a[kept[i]];
      if (v > max - NEGLIGIBLE) {
        sum += Math.exp(v - max);
      }
    }
    return max + Math.log(sum);
  }


  /** What an estimator can take from the asks before it instead of computing it again. */
  interface Shortcuts {
    /**
     * Numeric dimension {@code j}'s kernels (the observations by index, then the prior, index n,
     * whose mean is {@code priorMean}) in the order of their {@link #sortKey}s.
     */
    int[] order(int j, double priorMean);

    /** Numeric dimension {@code j}'s normalisers computed before, by trial position. */
    Normalisers normalisers(int j);

    /** The log weights and cumulative weights of Optuna's default for n observations, if known, else null. */
    double[][] knownWeights(int n, double priorWeight);

    void rememberWeights(int n, double priorWeight, double[][] weights);
  }

  /**
   * Kernel normalisers computed before, by trial position i: the sigma each was computed for
   * (NaN: none), the log normaliser and 1 / sigma; {@code positions} maps the estimator's
   * observation kernels to trial positions. The estimator updates the entries it computes anew.
   */
  record Normalisers(int[] positions, double[] sigma, double[] logNorm, double[] inverse) {
  }
}
