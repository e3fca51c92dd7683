package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tree-structured Parzen Estimator, multivariate and grouped as Optuna's
 * {@code TPESampler(multivariate=True, group=True, constant_liar=True)}: after {@code startup}
 * random trials, the finished trials are split into the best {@code gamma} part ("good", at most
 * {@code maxGood}) and the rest, running trials counting as bad (the constant liar); for each
 * group of co-occurring parameters a Parzen estimator l(x) is fitted to the good trials and g(x)
 * to the others, {@code candidates} points are drawn from l and the one maximizing l(x)/g(x)
 * (the expected improvement) is kept. Parameters no trial has shown yet are drawn from their
 * prior.
 *
 * <p>Trials carried from an earlier version of the spec count toward {@code startup} like the
 * version's own: they are observations of the same objective on the same parameters (hyp carries
 * only those), and modelling from them early is what carrying them is for. A resumed search sees
 * the same stored trials, carried ones included, so it makes the same suggestions either way.
 */
public final class TpeSampler implements Sampler {
  private final long seed;
  private final int startup;
  private final int candidates;
  private final double gamma;
  private final int maxGood;
  private final double priorWeight;
  /** Each trial's row of internal values for a group, from the last ask (see {@link #rows}). */
  private final Map<List<Object>, Rows> rowCache = new HashMap<>();

  /**
   * Defaults are the vocabulary's ({@link dev.hyp.runtime.vocab.Strategy#TPE}); {@link Samplers} applies them.
   *
   * @param gamma fraction of trials taken as "good"
   * @param maxGood cap on the number of good trials
   * @param priorWeight weight of the prior kernel relative to one observation
   */
  public TpeSampler(long seed, int startup, int candidates, double gamma, int maxGood, double priorWeight) {
    if (startup < 0 || candidates < 1 || !(gamma > 0 && gamma <= 1) || maxGood < 1 || !(priorWeight > 0)) {
      throw new IllegalArgumentException("tpe options out of range");
    }
    this.seed = seed;
    this.startup = startup;
    this.candidates = candidates;
    this.gamma = gamma;
    this.maxGood = maxGood;
    this.priorWeight = priorWeight;
  }

  @Override
  public ParamValues sample(SamplingContext context) {
    SplittableRandom random = Seeds.forTrial(seed, context.index());
    List<FrozenTrial> usable = new ArrayList<>();
    for (FrozenTrial t : context.trials()) {
      if (TrialRanking.usable(t)) {
        usable.add(t);
      }
    }
    Map<String, Object> chosen = new HashMap<>();
    if (usable.size() >= Math.max(startup, 1)) {
      int below = Math.min((int) Math.ceil(gamma * usable.size()), maxGood);
      // a flag per trial number (trials come in number order): no boxing in the lookups below
      boolean[] good = new boolean[usable.get(usable.size() - 1).number() + 1];
      for (int number : TrialRanking.best(usable, context.direction(), below)) {
        good[number] = true;
      }
      for (List<String> group : ModelGroups.of(context.space(), usable)) {
        chosen.putAll(sampleGroup(context.space(), group, usable, good, random));
      }
    }
    return context.space().walk((spec, earlier) -> chosen.containsKey(spec.name())
        ? chosen.get(spec.name())
        : UnitMapping.fromUnit(spec.distribution(), random.nextDouble()));
  }

  private Map<String, Object> sampleGroup(SearchSpace space, List<String> group, List<FrozenTrial> trials,
      boolean[] good, SplittableRandom random) {
    List<TpeDimension> dims = new ArrayList<>();
    for (String name : group) {
      dims.add(new TpeDimension(name, space.param(name).distribution()));
    }
    List<double[]> below = new ArrayList<>();
    List<double[]> above = new ArrayList<>();
    double[][] rows = rows(space, group, dims, trials);
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] != null) {
        (good[trials.get(i).number()] ? below : above).add(rows[i]);
      }
    }
    ParzenEstimator l = new ParzenEstimator(dims, below.toArray(double[][]::new), priorWeight);
    ParzenEstimator g = new ParzenEstimator(dims, above.toArray(double[][]::new), priorWeight);
    return mostPromising(dims, l, g, candidates, random);
  }

  /**
   * Of {@code candidates} points drawn from the good trials' model {@code l}, the one with the
   * highest ratio of {@code l} to the other trials' model {@code g} (TPE's expected improvement),
   * as the group's values.
   */
  static Map<String, Object> mostPromising(List<TpeDimension> dims, ParzenEstimator l, ParzenEstimator g,
      int candidates, SplittableRandom random) {
    double[] best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < candidates; i++) {
      double[] x = l.sample(random);
      double score = l.logDensity(x) - g.logDensity(x);
      if (best == null || score > bestScore) {
        best = x;
        bestScore = score;
      }
    }
    Map<String, Object> values = new HashMap<>();
    for (int j = 0; j < dims.size(); j++) {
      values.put(dims.get(j).name, dims.get(j).fromInternal(best[j]));
    }
    return values;
  }

  /**
   * Each trial's values for the group (null where it lacks any), reusing the rows of the last ask:
   * stored parameters are immutable and trials keep their positions, so where the trial at a
   * position holds the same parameters object as at the last ask, its row is the same, and only
   * the new trials are read. Storages that return the same objects on every call (the in-memory
   * one) save the map lookups of every trial on every ask; others just read every row. The cache
   * holds the last ask's trials only.
   */
  private double[][] rows(SearchSpace space, List<String> group, List<TpeDimension> dims, List<FrozenTrial> trials) {
    List<Object> key = new ArrayList<>();
    for (String name : group) {
      key.add(name);
      key.add(space.param(name).distribution());
    }
    int n = trials.size();
    ParamValues[] params = new ParamValues[n];
    double[][] rows = new double[n][];
    synchronized (rowCache) {
      Rows last = rowCache.get(key);
      for (int i = 0; i < n; i++) {
        params[i] = trials.get(i).params();
        boolean known = last != null && i < last.params.length && last.params[i] == params[i];
        rows[i] = known ? last.rows[i] : observation(dims, params[i]);
      }
      rowCache.put(key, new Rows(params, rows));
    }
    return rows;
  }

  /** The rows of one ask, by trial position, with the parameters they were read from. */
  private record Rows(ParamValues[] params, double[][] rows) {
  }

  /** The trial's values for the whole group, or null if it lacks any of them. */
  private static double[] observation(List<TpeDimension> dims, ParamValues params) {
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
