package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One group's observations as TPE keeps them from ask to ask: each trial's row of internal values,
 * each numeric dimension's rows sorted by value, and the kernels' normalisers by the sigma they
 * were computed for. Stored parameters are immutable and trials keep their positions, so where
 * the trial at a position holds the same parameters object as at the last ask, its row is the
 * same: an ask reads only the new trials, inserts their values into the sorted orders instead of
 * sorting again, and computes a normaliser again only where a kernel's sigma changed (its
 * neighbours or the number of kernels did). The estimators built from it are the same, to the last
 * bit, as those built from scratch. Not thread-safe: the sampler holds its lock while using it.
 */
final class GroupObservations {
  /** Beyond this many changed rows in one ask, sorting everything again is cheaper than inserting. */
  private static final int MOST_INSERTS = 64;

  private final List<TpeDimension> dims;
  /** By trial position, the first {@code count} in use: the trial, its parameters and its row as last seen. */
  private FrozenTrial[] seen = new FrozenTrial[0];
  private ParamValues[] params = new ParamValues[0];
  private double[][] rows = new double[0][];
  private int count;
  /** The positions whose rows changed in the last update, and their rows before. */
  private int[] changed = new int[16];
  private double[][] before = new double[16][];
  /** Per numeric dimension, the {@link ParzenEstimator#sortKey}s of the rows by trial position, sorted. */
  private final long[][] sorted;
  private final int[] sortedCount;
  /** Per numeric dimension and trial position, the sigma of the last normaliser computed, and that normaliser. */
  private final double[][] sigma;
  private final double[][] logNorm;
  private final double[][] inverse;
  /** Default weights by number of observations, as the last few estimators had them. */
  private final LinkedHashMap<Integer, double[][]> weights = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, double[][]> eldest) {
      return size() > 4;
    }
  };
  private double weightsPrior = Double.NaN;
  /** The good trials' model as the last ask built it, from the rows at those positions. */
  private ParzenEstimator below;
  private int[] belowPositions;
  private double[][] belowRows;
  private double belowPrior;
  /** The bad trials' model as the last ask left it. */
  private final AboveKernels above;

  GroupObservations(List<TpeDimension> dims) {
    this.dims = dims;
    this.above = new AboveKernels(dims);
    int d = dims.size();
    sorted = new long[d][];
    sortedCount = new int[d];
    sigma = new double[d][];
    logNorm = new double[d][];
    inverse = new double[d][];
    for (int j = 0; j < d; j++) {
      if (numeric(j)) {
        sorted[j] = new long[16];
        sigma[j] = new double[0];
        logNorm[j] = new double[0];
        inverse[j] = new double[0];
      }
    }
  }

  /**
   * Brings the rows up to {@code trials} (the usable trials, in number order) and returns them,
   * null where a trial lacks any of the group's parameters.
   */
  double[][] update(List<FrozenTrial> trials) {
    int n = trials.size();
    update(trials.toArray(new FrozenTrial[n]), n);
    return Arrays.copyOf(rows, n);
  }

  /**
   * As above, from the first {@code n} of {@code trials}; the rows are changed in place and are
   * valid in their first {@code n} places until the next update.
   */
  double[][] update(FrozenTrial[] trials, int n) {
    if (n > 1 << ParzenEstimator.INDEX_BITS) {
      throw new IllegalArgumentException(ParzenEstimator.TOO_MANY);
    }
    int old = count;
    if (n > seen.length) {
      int capacity = Math.max(n, 2 * seen.length);
      seen = Arrays.copyOf(seen, capacity);
      params = Arrays.copyOf(params, capacity);
      rows = Arrays.copyOf(rows, capacity);
    }
    int changes = 0;
    for (int i = 0; i < n; i++) {
      FrozenTrial t = trials[i];
      // the same trial object has the same parameters: no need to read it
      if (i < old && seen[i] == t) {
        continue;
      }
      seen[i] = t;
      ParamValues p = t.params();
      if (i < old && params[i] == p) {
        continue;
      }
      double[] was = i < old ? rows[i] : null;
      params[i] = p;
      rows[i] = observation(dims, p);
      if (was != null || rows[i] != null) {
        if (changes == changed.length) {
          changed = Arrays.copyOf(changed, 2 * changes);
          before = Arrays.copyOf(before, 2 * changes);
        }
        before[changes] = was;
        changed[changes++] = i;
      }
    }
    for (int i = n; i < old; i++) {
      seen[i] = null;
      params[i] = null;
      rows[i] = null;
    }
    count = n;
    boolean resort = changes > MOST_INSERTS || n < old;
    if (n < old || changes > 0 && changed[0] < old) {
      above.forget(); // a row it holds may have changed
    }
    for (int j = 0; j < dims.size(); j++) {
      if (numeric(j)) {
        resizeNormalisers(j, n);
        if (resort) {
          sortAgain(j);
        } else {
          insertChanges(j, changes);
        }
      }
    }
    Arrays.fill(before, 0, changes, null);
    return rows;
  }

  private boolean numeric(int j) {
    return dims.get(j).kind != TpeDimension.Kind.CATEGORICAL;
  }

  private void resizeNormalisers(int j, int n) {
    int old = sigma[j].length;
    if (old < n) {
      sigma[j] = Arrays.copyOf(sigma[j], Math.max(n, 2 * old));
      logNorm[j] = Arrays.copyOf(logNorm[j], sigma[j].length);
      inverse[j] = Arrays.copyOf(inverse[j], sigma[j].length);
      Arrays.fill(sigma[j], old, sigma[j].length, Double.NaN);
    }
  }

  private void sortAgain(int j) {
    TpeDimension dim = dims.get(j);
    long[] keys = new long[count];
    int kept = 0;
    for (int i = 0; i < count; i++) {
      sigma[j][i] = Double.NaN;
      if (rows[i] != null) {
        keys[kept++] = ParzenEstimator.sortKey(rows[i][j], dim.lo, dim.hi, i);
      }
    }
    keys = Arrays.copyOf(keys, kept);
    RadixSort.sort(keys, ParzenEstimator.INDEX_BITS, 32);
    sorted[j] = Arrays.copyOf(keys, Math.max(16, kept));
    sortedCount[j] = kept;
  }

  /** Takes out the keys of the rows that changed (as they were) and puts in those of their new rows. */
  private void insertChanges(int j, int changes) {
    TpeDimension dim = dims.get(j);
    for (int c = 0; c < changes; c++) {
      int i = changed[c];
      sigma[j][i] = Double.NaN;
      if (before[c] != null) {
        remove(j, ParzenEstimator.sortKey(before[c][j], dim.lo, dim.hi, i));
      }
      if (rows[i] != null) {
        insert(j, ParzenEstimator.sortKey(rows[i][j], dim.lo, dim.hi, i));
      }
    }
  }

  private void insert(int j, long key) {
    int count = sortedCount[j];
    if (count == sorted[j].length) {
      sorted[j] = Arrays.copyOf(sorted[j], 2 * count);
    }
    long[] keys = sorted[j];
    int at = -Arrays.binarySearch(keys, 0, count, key) - 1;
    System.arraycopy(keys, at, keys, at + 1, count - at);
    keys[at] = key;
    sortedCount[j] = count + 1;
  }

  private void remove(int j, long key) {
    long[] keys = sorted[j];
    int count = sortedCount[j];
    int at = Arrays.binarySearch(keys, 0, count, key);
    System.arraycopy(keys, at + 1, keys, at, count - at - 1);
    sortedCount[j] = count - 1;
  }

  /**
   * The estimator over the bad trials' rows {@code aboveRows}, at trial positions {@code aboveAt}
   * (ascending): the same as one built from {@link #shortcutsFor} them, but changed in place from
   * the last ask's. Valid until the next call.
   */
  ParzenEstimator aboveEstimator(int[] aboveAt, double[][] aboveRows, double priorWeight) {
    return above.estimator(aboveAt, aboveRows, rows, priorWeight, shortcutsFor(aboveAt));
  }

  /** As above, taking the rows at {@code aboveAt} only where they are needed. */
  ParzenEstimator aboveEstimator(int[] aboveAt, double priorWeight) {
    return aboveEstimator(aboveAt, null, priorWeight);
  }

  /**
   * The estimator over the good trials' rows, at trial positions {@code belowAt} (ascending): the
   * last ask's where it had the same rows at the same positions (the good trials change seldom
   * once there are many), else built from {@link #shortcutsFor} them. Valid until the next call.
   */
  ParzenEstimator belowEstimator(int[] belowAt, double priorWeight) {
    if (below != null && priorWeight == belowPrior && Arrays.equals(belowAt, belowPositions)) {
      boolean same = true;
      for (int k = 0; k < belowAt.length && same; k++) {
        same = rows[belowAt[k]] == belowRows[k];
      }
      if (same) {
        return below;
      }
    }
    double[][] observations = new double[belowAt.length][];
    for (int k = 0; k < belowAt.length; k++) {
      observations[k] = rows[belowAt[k]];
    }
    below = new ParzenEstimator(dims, observations, priorWeight, null, 0, shortcutsFor(belowAt));
    belowPositions = belowAt;
    belowRows = observations;
    belowPrior = priorWeight;
    return below;
  }

  List<TpeDimension> dims() {
    return dims;
  }

  /** How many of {@link #aboveEstimator}'s estimators were changed in place (for the tests). */
  int aboveInPlace() {
    return above.inPlace();
  }

  /**
   * What an estimator over some of the rows can reuse: {@code positions} are the trial positions
   * of its observations, in the order it takes them (ascending).
   */
  ParzenEstimator.Shortcuts shortcutsFor(int[] positions) {
    return new ParzenEstimator.Shortcuts() {
      /** Each trial position's kernel in the estimator, -1 for trials it does not take; made when first needed. */
      private int[] kernelOf;

      @Override
      public int[] order(int j, double priorMean) {
        return kernelOrder(j, this::kernelOf, positions, priorMean);
      }

      private int[] kernelOf() {
        if (kernelOf == null) {
          kernelOf = new int[count];
          Arrays.fill(kernelOf, -1);
          for (int k = 0; k < positions.length; k++) {
            kernelOf[positions[k]] = k;
          }
        }
        return kernelOf;
      }

      @Override
      public ParzenEstimator.Normalisers normalisers(int j) {
        return new ParzenEstimator.Normalisers(positions, sigma[j], logNorm[j], inverse[j]);
      }

      @Override
      public double[][] knownWeights(int n, double priorWeight) {
        return priorWeight == weightsPrior ? weights.get(n) : null;
      }

      @Override
      public void rememberWeights(int n, double priorWeight, double[][] w) {
        if (priorWeight != weightsPrior) {
          weights.clear();
          weightsPrior = priorWeight;
        }
        weights.put(n, w);
      }
    };
  }

  /**
   * The estimator's kernels in sort-key order: its observations as they come in the sorted rows
   * (by position, ties by trial position, which is their index order), and the prior, index n,
   * after every observation at or below its position, as a sort of (position, index) puts it.
   * The keys are distinct (an index each), so any sort of them gives that order.
   */
  private int[] kernelOrder(int j, Supplier<int[]> kernels, int[] positions, double priorMean) {
    TpeDimension dim = dims.get(j);
    int n = positions.length;
    if (8 * n < sortedCount[j]) {
      // few of the rows (the good ones): sorting their keys beats a pass over all
      long[] keys = new long[n + 1];
      for (int k = 0; k < n; k++) {
        keys[k] = ParzenEstimator.sortKey(rows[positions[k]][j], dim.lo, dim.hi, k);
      }
      keys[n] = ParzenEstimator.sortKey(priorMean, dim.lo, dim.hi, n);
      Arrays.sort(keys);
      int[] order = new int[n + 1];
      for (int p = 0; p <= n; p++) {
        order[p] = ParzenEstimator.index(keys[p]);
      }
      return order;
    }
    long priorPosition = ParzenEstimator.position(ParzenEstimator.sortKey(priorMean, dim.lo, dim.hi, 0));
    int[] order = new int[n + 1];
    int p = 0;
    boolean priorPlaced = false;
    long[] keys = sorted[j];
    int[] kernelOf = kernels.get();
    for (int s = 0, count = sortedCount[j]; s < count; s++) {
      int k = kernelOf[ParzenEstimator.index(keys[s])];
      if (k < 0) {
        continue;
      }
      if (!priorPlaced && ParzenEstimator.position(keys[s]) > priorPosition) {
        order[p++] = n;
        priorPlaced = true;
      }
      order[p++] = k;
    }
    if (!priorPlaced) {
      order[p++] = n;
    }
    if (p != n + 1) {
      throw new IllegalStateException("an estimator's observations are not all among the group's rows");
    }
    return order;
  }

  /** The trial's values for the whole group, or null if it lacks any of them. */
  static double[] observation(List<TpeDimension> dims, ParamValues params) {
    double[] row = new double[dims.size()];
    for (int j = 0; j < row.length; j++) {
      TpeDimension dim = dims.get(j);
      Object value = params.asMap().get(dim.name);
      if (value == null || !dim.distribution.contains(value)) {
        return null;
      }
      row[j] = dim.toInternal(value);
    }
    return row;
  }
}
