package dev.hyp.runtime.sampler;

import java.util.Arrays;
import java.util.List;

/**
 * TPE's model of the bad trials (those above gamma) for one group, kept from ask to ask and
 * changed in place: from one ask to the next only a few trials join or leave the bad ones (the
 * new trial, one pushed out of the good ones), and a kernel's width depends only on its
 * neighbours by position, so only the kernels next to a change get a new sigma and normaliser;
 * the rest, hundreds of kernels per dimension, stay as they were. Kernels are kept in trial
 * order as the estimator indexes them, the prior last. The estimator is the same, to the last
 * bit, as one built from scratch; it reads these arrays, so it is used before the next ask
 * changes them (the sampler holds the group's lock throughout). Not thread-safe.
 */
final class AboveKernels {
  /**
   * Kept only from this many observations on: from 98 kernels on the magic clip's smallest sigma
   * no longer changes with their number, so a change leaves the far kernels' sigmas as they were.
   */
  static final int MIN_KEPT = 100;
  /** Beyond this many trials joining or leaving in one ask, building anew is as cheap. */
  private static final int MOST_CHANGES = 32;

  private final List<TpeDimension> dims;
  /** Observations kept; -1: nothing kept. */
  private int n = -1;
  private double priorWeight;
  /** Trial position of each observation kernel, ascending. */
  private int[] at;
  /** Per numeric dimension (null for categorical ones), by kernel: mean, sigma, 1 / sigma, log normaliser, log mass. */
  private final double[][] mu;
  private final double[][] sigma;
  private final double[][] inverse;
  private final double[][] logNorm;
  private final double[][] logZ;
  /** Per numeric dimension, the observations' {@link ParzenEstimator#sortKey}s by trial position, sorted. */
  private final long[][] keys;
  /**
   * The estimator's default weights when no earlier estimator had them (log and cumulative), and
   * its densities' buffers: kept, grown as needed, rewritten by each ask as the kernels are.
   */
  private double[] logWeight = new double[0];
  private double[] cumulative = new double[0];
  private double[] scratch = new double[0];
  private int[] kept = new int[0];
  /** How many estimators were changed in place rather than built (for the tests). */
  private int inPlace;

  AboveKernels(List<TpeDimension> dims) {
    this.dims = dims;
    int d = dims.size();
    mu = new double[d][];
    sigma = new double[d][];
    inverse = new double[d][];
    logNorm = new double[d][];
    logZ = new double[d][];
    keys = new long[d][];
  }

  /** Drops what is kept: the rows at trial positions kept here changed. */
  void forget() {
    n = -1;
  }

  /**
   * The estimator over the bad trials' rows {@code above}, at trial positions {@code aboveAt}
   * (ascending) among {@code rows}, changed in place from the last one where that is cheaper.
   *
   * @param above those rows, or null to take them from {@code rows} where they are needed (a model
   *     built anew, categorical dimensions)
   */
  ParzenEstimator estimator(int[] aboveAt, double[][] above, double[][] rows, double priorWeight,
      ParzenEstimator.Shortcuts shortcuts) {
    if (n >= MIN_KEPT && aboveAt.length >= MIN_KEPT && priorWeight == this.priorWeight
        && update(aboveAt, rows, shortcuts)) {
      inPlace++;
      return current(aboveAt, above, rows, priorWeight, shortcuts);
    }
    double[][] observations = above != null ? above : rowsAt(aboveAt, rows);
    ParzenEstimator built = new ParzenEstimator(dims, observations, priorWeight, null, 0, shortcuts);
    if (aboveAt.length >= MIN_KEPT) {
      keep(built, aboveAt, rows, priorWeight);
    } else {
      n = -1;
    }
    return built;
  }

  int inPlace() {
    return inPlace;
  }

  private boolean numeric(int j) {
    return dims.get(j).kind != TpeDimension.Kind.CATEGORICAL;
  }

  private void keep(ParzenEstimator built, int[] aboveAt, double[][] rows, double priorWeight) {
    n = aboveAt.length;
    this.priorWeight = priorWeight;
    int capacity = n + 1 + MOST_CHANGES;
    at = Arrays.copyOf(aboveAt, capacity);
    for (int j = 0; j < dims.size(); j++) {
      if (!numeric(j)) {
        continue;
      }
      double[][] kernels = built.numericKernels(j);
      mu[j] = Arrays.copyOf(kernels[0], capacity);
      sigma[j] = Arrays.copyOf(kernels[1], capacity);
      inverse[j] = Arrays.copyOf(kernels[2], capacity);
      logNorm[j] = Arrays.copyOf(kernels[3], capacity);
      logZ[j] = kernels[4] == null ? null : Arrays.copyOf(kernels[4], capacity);
      TpeDimension dim = dims.get(j);
      long[] sorted = new long[capacity];
      for (int k = 0; k < n; k++) {
        sorted[k] = ParzenEstimator.sortKey(rows[aboveAt[k]][j], dim.lo, dim.hi, aboveAt[k]);
      }
      Arrays.sort(sorted, 0, n);
      keys[j] = sorted;
    }
  }

  /**
   * Takes out the trials that left the bad ones and puts in those that joined, then gives the
   * kernels next to each change their sigma anew; false (nothing changed) where too much changed.
   */
  private boolean update(int[] aboveAt, double[][] rows, ParzenEstimator.Shortcuts shortcuts) {
    int[] left = new int[MOST_CHANGES];
    int[] joined = new int[MOST_CHANGES];
    int leaving = 0;
    int joining = 0;
    int a = 0;
    int b = 0;
    while (a < n || b < aboveAt.length) {
      if (b == aboveAt.length || a < n && at[a] < aboveAt[b]) {
        if (leaving == MOST_CHANGES) {
          return false;
        }
        left[leaving++] = at[a++];
      } else if (a == n || aboveAt[b] < at[a]) {
        if (joining == MOST_CHANGES) {
          return false;
        }
        joined[joining++] = aboveAt[b++];
      } else {
        a++;
        b++;
      }
    }
    if (leaving + joining == 0) {
      return true;
    }
    for (int c = 0; c < leaving; c++) {
      remove(left[c], rows);
    }
    for (int c = 0; c < joining; c++) {
      insert(joined[c], rows);
    }
    for (int j = 0; j < dims.size(); j++) {
      if (numeric(j)) {
        ParzenEstimator.Normalisers known = shortcuts.normalisers(j);
        for (int c = 0; c < leaving; c++) {
          resizeAround(j, left[c], rows, known);
        }
        for (int c = 0; c < joining; c++) {
          resizeAround(j, joined[c], rows, known);
        }
      }
    }
    return true;
  }

  private void remove(int position, double[][] rows) {
    int k = Arrays.binarySearch(at, 0, n, position);
    System.arraycopy(at, k + 1, at, k, n - k - 1);
    for (int j = 0; j < dims.size(); j++) {
      if (numeric(j)) {
        // the prior, at n, moves down with the others
        for (double[] values : kernelArrays(j)) {
          System.arraycopy(values, k + 1, values, k, n - k);
        }
        TpeDimension dim = dims.get(j);
        long key = ParzenEstimator.sortKey(rows[position][j], dim.lo, dim.hi, position);
        int s = Arrays.binarySearch(keys[j], 0, n, key);
        System.arraycopy(keys[j], s + 1, keys[j], s, n - s - 1);
      }
    }
    n--;
  }

  private void insert(int position, double[][] rows) {
    if (n + 2 > at.length) {
      int capacity = n + 1 + Math.max(MOST_CHANGES, n / 2);
      at = Arrays.copyOf(at, capacity);
      for (int j = 0; j < dims.size(); j++) {
        if (numeric(j)) {
          mu[j] = Arrays.copyOf(mu[j], capacity);
          sigma[j] = Arrays.copyOf(sigma[j], capacity);
          inverse[j] = Arrays.copyOf(inverse[j], capacity);
          logNorm[j] = Arrays.copyOf(logNorm[j], capacity);
          logZ[j] = logZ[j] == null ? null : Arrays.copyOf(logZ[j], capacity);
          keys[j] = Arrays.copyOf(keys[j], capacity);
        }
      }
    }
    int k = -Arrays.binarySearch(at, 0, n, position) - 1;
    System.arraycopy(at, k, at, k + 1, n - k);
    at[k] = position;
    for (int j = 0; j < dims.size(); j++) {
      if (numeric(j)) {
        for (double[] values : kernelArrays(j)) {
          System.arraycopy(values, k, values, k + 1, n + 1 - k);
        }
        mu[j][k] = rows[position][j];
        // no sigma yet: resizeAround gives it one
        sigma[j][k] = Double.NaN;
        TpeDimension dim = dims.get(j);
        long key = ParzenEstimator.sortKey(rows[position][j], dim.lo, dim.hi, position);
        int s = -Arrays.binarySearch(keys[j], 0, n, key) - 1;
        System.arraycopy(keys[j], s, keys[j], s + 1, n - s);
        keys[j][s] = key;
      }
    }
    n++;
  }

  private double[][] kernelArrays(int j) {
    return logZ[j] == null
        ? new double[][] {mu[j], sigma[j], inverse[j], logNorm[j]}
        : new double[][] {mu[j], sigma[j], inverse[j], logNorm[j], logZ[j]};
  }

  /**
   * Gives the kernels within two places (by position, the prior counted) of where the row at
   * {@code position} is or was the sigma the neighbour rule gives them now: the only ones whose
   * neighbours a change there can have changed.
   */
  private void resizeAround(int j, int position, double[][] rows, ParzenEstimator.Normalisers known) {
    TpeDimension dim = dims.get(j);
    long[] sorted = keys[j];
    double priorMean = 0.5 * (dim.lo + dim.hi);
    long priorPosition = ParzenEstimator.position(ParzenEstimator.sortKey(priorMean, dim.lo, dim.hi, 0));
    // the prior goes after every observation at or below its position: at place p in the sequence
    int p = lowerBound(sorted, n, (priorPosition + 1) << ParzenEstimator.INDEX_BITS);
    int total = n + 1;
    int s = lowerBound(sorted, n, ParzenEstimator.sortKey(rows[position][j], dim.lo, dim.hi, position));
    int place = s < p ? s : s + 1;
    double range = dim.hi - dim.lo;
    for (int u = Math.max(0, place - 2); u <= Math.min(total - 1, place + 2); u++) {
      if (u == p) {
        continue; // the prior is as wide as the range, always
      }
      int i = ParzenEstimator.index(sorted[u < p ? u : u - 1]);
      double before = u == 0 ? Double.NaN : mean(j, u - 1, p, priorMean, rows);
      double after = u == total - 1 ? Double.NaN : mean(j, u + 1, p, priorMean, rows);
      double width = ParzenEstimator.neighbourWidth(u, total, rows[i][j], before, after, dim.lo, dim.hi);
      double sg = ParzenEstimator.clippedSigma(width, range, total);
      int k = Arrays.binarySearch(at, 0, n, i);
      if (sigma[j][k] == sg) {
        continue;
      }
      sigma[j][k] = sg;
      if (known.sigma()[i] == sg) {
        logNorm[j][k] = known.logNorm()[i];
        inverse[j][k] = known.inverse()[i];
      } else {
        logNorm[j][k] = ParzenEstimator.logNormaliser(mu[j][k], sg, dim.lo, dim.hi);
        inverse[j][k] = 1 / sg;
        known.sigma()[i] = sg;
        known.logNorm()[i] = logNorm[j][k];
        known.inverse()[i] = inverse[j][k];
      }
      if (logZ[j] != null) {
        logZ[j][k] = ParzenEstimator.logMass(logNorm[j][k], sg);
      }
    }
  }

  /** The rows at the trial positions {@code at}. */
  private static double[][] rowsAt(int[] at, double[][] rows) {
    double[][] out = new double[at.length][];
    for (int k = 0; k < at.length; k++) {
      out[k] = rows[at[k]];
    }
    return out;
  }

  /** The mean at place u of dimension j's sequence by position, the prior at place p. */
  private double mean(int j, int u, int p, double priorMean, double[][] rows) {
    return u == p ? priorMean : rows[ParzenEstimator.index(keys[j][u < p ? u : u - 1])][j];
  }

  /** The first index in sorted[0, count) whose key is at least {@code key}. */
  private static int lowerBound(long[] sorted, int count, long key) {
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The estimator over the kernels as they are now; categorical ones are built anew (their mix changes with n). */
  private ParzenEstimator current(int[] aboveAt, double[][] above, double[][] rows, double priorWeight,
      ParzenEstimator.Shortcuts shortcuts) {
    if (scratch.length < n + 1) {
      int capacity = n + 1 + Math.max(MOST_CHANGES, n / 2);
      logWeight = new double[capacity];
      cumulative = new double[capacity];
      scratch = new double[capacity];
      kept = new int[capacity];
    }
    double[][] weights = shortcuts.knownWeights(n, priorWeight);
    if (weights == null) {
      // not remembered: these arrays change with the next ask
      ParzenEstimator.defaultWeightsInto(n, priorWeight, logWeight, cumulative);
      weights = new double[][] {logWeight, cumulative};
    }
    int d = dims.size();
    double[][] prob = new double[d][];
    double[][] logProb = new double[d][];
    double[][] observations = above;
    for (int j = 0; j < d; j++) {
      if (!numeric(j)) {
        if (observations == null) {
          observations = rowsAt(aboveAt, rows);
        }
        double[][] built = ParzenEstimator.categorical(j, dims.get(j), observations, priorWeight, 0);
        prob[j] = built[0];
        logProb[j] = built[1];
      }
    }
    return new ParzenEstimator(dims, n + 1, weights, mu, sigma, inverse, logNorm, logZ, prob, logProb, scratch,
        kept);
  }
}
