package dev.hyp.runtime.report;

import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Parameter importance by functional ANOVA (Hutter, Hoos and Leyton-Brown, 2014; Optuna's
 * default evaluator) on a random forest.
 *
 * <p>A forest of regression trees is fitted on bootstrap samples of the complete trials,
 * (parameters -> objective value). A tree is a piecewise-constant function over a box of
 * parameter space: numbers (log10 of log-scaled ones) between their smallest and largest
 * value, categories as indexes. For each tree, the share of the function's variance (under a
 * uniform measure over that box) that one parameter explains on its own is the variance of its
 * marginal, the function averaged over all other parameters, divided by the total variance. The
 * shares are averaged over the trees and scaled to sum to 1; what they leave out is explained by
 * interactions.
 *
 * <p>Like Optuna, only parameters present in every complete trial are rated: conditional ones
 * have no value to model where they are absent.
 */
public final class FanovaImportance {
  static final int TREES = 64;
  static final int MAX_DEPTH = 8;
  /** Fewer complete trials than this give no meaningful variance to decompose. */
  public static final int MIN_TRIALS = 4;

  /** @param message why nothing was rated, or null */
  public record Result(List<Rated> rated, List<NotRated> notRated, String message) {}

  public record Rated(String name, double importance) {}

  public record NotRated(String name, String why) {}

  private FanovaImportance() {}

  public static Result of(List<FrozenTrial> trials, List<ParameterAxis> axes, long seed) {
    List<FrozenTrial> complete = trials.stream()
        .filter(t -> t.state() == TrialState.COMPLETE && t.value() != null && Double.isFinite(t.value()))
        .toList();
    List<ParameterAxis> features = new ArrayList<>();
    List<NotRated> notRated = new ArrayList<>();
    for (ParameterAxis axis : axes) {
      String why = whyNotRated(axis, complete);
      if (why == null) {
        features.add(axis);
      } else {
        notRated.add(new NotRated(axis.name(), why));
      }
    }
    if (complete.size() < MIN_TRIALS) {
      return new Result(List.of(), notRated, "needs at least " + MIN_TRIALS + " complete trials, has " + complete.size());
    }
    if (features.isEmpty()) {
      return new Result(List.of(), notRated, "no parameter took two values in every complete trial");
    }
    double[] shares = shares(complete, features, seed);
    if (shares == null) {
      return new Result(List.of(), notRated, "every complete trial has the same value");
    }
    List<Rated> rated = new ArrayList<>();
    for (int f = 0; f < features.size(); f++) {
      rated.add(new Rated(features.get(f).name(), shares[f]));
    }
    rated.sort(Comparator.comparingDouble(Rated::importance).reversed());
    return new Result(rated, notRated, null);
  }

  private static String whyNotRated(ParameterAxis axis, List<FrozenTrial> complete) {
    if (!axis.varies()) {
      return "constant";
    }
    if (!axis.always() || complete.stream().anyMatch(t -> !t.params().has(axis.name()))) {
      return "conditional: absent in some complete trials";
    }
    if (complete.stream().map(t -> t.params().get(axis.name())).distinct().count() < 2) {
      return "one value among complete trials";
    }
    return null;
  }

  /** Each feature's share of the variance, or null when the values do not vary. */
  private static double[] shares(List<FrozenTrial> complete, List<ParameterAxis> features, long seed) {
    int n = complete.size();
    int d = features.size();
    double[][] x = new double[n][d];
    double[] y = new double[n];
    double[] lo = new double[d];
    double[] hi = new double[d];
    for (int f = 0; f < d; f++) {
      lo[f] = Double.POSITIVE_INFINITY;
      hi[f] = Double.NEGATIVE_INFINITY;
    }
    for (int i = 0; i < n; i++) {
      y[i] = complete.get(i).value();
      for (int f = 0; f < d; f++) {
        x[i][f] = features.get(f).coordinate(complete.get(i).params().get(features.get(f).name()));
        lo[f] = Math.min(lo[f], x[i][f]);
        hi[f] = Math.max(hi[f], x[i][f]);
      }
    }
    for (int f = 0; f < d; f++) {
      if (!features.get(f).numeric()) {
        // every category gets an equal slice of the domain, seen in the trials or not
        lo[f] = -0.5;
        hi[f] = features.get(f).categories().size() - 0.5;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] sum = new double[d];
    int used = 0;
    for (int t = 0; t < TREES; t++) {
      int[] rows = random.ints(n, 0, n).toArray();
      double[] tree = treeShares(RegressionTree.fit(x, y, rows, MAX_DEPTH), lo, hi);
      if (tree != null) {
        used++;
        for (int f = 0; f < d; f++) {
          sum[f] += tree[f];
        }
      }
    }
    double total = 0;
    for (double s : sum) {
      total += s;
    }
    if (used == 0 || total <= 0) {
      return null;
    }
    for (int f = 0; f < d; f++) {
      sum[f] /= total;
    }
    return sum;
  }

  /** First-order variance shares of one tree, or null when the tree is constant. */
  static double[] treeShares(RegressionTree tree, double[] lo, double[] hi) {
    int d = lo.length;
    List<RegressionTree.Leaf> leaves = tree.leaves(lo, hi);
    double[][] fractions = new double[leaves.size()][d];
    double[] weights = new double[leaves.size()];
    double mean = 0;
    for (int l = 0; l < leaves.size(); l++) {
      weights[l] = 1;
      for (int f = 0; f < d; f++) {
        fractions[l][f] = (leaves.get(l).hi()[f] - leaves.get(l).lo()[f]) / (hi[f] - lo[f]);
        weights[l] *= fractions[l][f];
      }
      mean += weights[l] * leaves.get(l).value();
    }
    double variance = 0;
    for (int l = 0; l < leaves.size(); l++) {
      variance += weights[l] * Math.pow(leaves.get(l).value() - mean, 2);
    }
    if (variance <= 1e-15) {
      return null;
    }
    double[] shares = new double[d];
    for (int f = 0; f < d; f++) {
      TreeSet<Double> cuts = new TreeSet<>(List.of(lo[f], hi[f]));
      for (double c : tree.thresholds(f)) {
        if (c > lo[f] && c < hi[f]) {
          cuts.add(c);
        }
      }
      Double a = null;
      for (double b : cuts) {
        if (a != null) {
          double c = (a + b) / 2;
          // the tree averaged over every other parameter, at this parameter = c
          double marginal = 0;
          for (int l = 0; l < leaves.size(); l++) {
            RegressionTree.Leaf leaf = leaves.get(l);
            if (leaf.lo()[f] <= c && c < leaf.hi()[f] && fractions[l][f] > 0) {
              marginal += leaf.value() * weights[l] / fractions[l][f];
            }
          }
          shares[f] += (b - a) / (hi[f] - lo[f]) * Math.pow(marginal - mean, 2);
        }
        a = b;
      }
      shares[f] /= variance;
    }
    return shares;
  }
}
