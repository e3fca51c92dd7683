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
  /** The trials as the last ask saw them, ranked. */
  private final RankedTrials history = new RankedTrials();
  /** Each group's observations as the last ask left them, by the group's names and distributions. */
  private final Map<List<Object>, GroupObservations> groups = new HashMap<>();
  /** By the group's names, the observations the last ask found for them and in which space. */
  private final Map<List<String>, RecentGroup> recentGroups = new HashMap<>();

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
    Map<String, Object> chosen = new HashMap<>();
    synchronized (history) {
      history.update(context.trials(), context.direction());
      int usable = history.usableCount();
      if (usable >= Math.max(startup, 1)) {
        int below = Math.min((int) Math.ceil(gamma * usable), maxGood);
        // by position in the usable trials, which the groups' rows follow
        boolean[] goodAt = history.goodAt(below);
        for (List<String> group : ModelGroups.of(context.space(), history.usable())) {
          chosen.putAll(sampleGroup(context.space(), group, history.usableArray(), usable, goodAt, random));
        }
      }
    }
    return context.space().walk((spec, earlier) -> chosen.containsKey(spec.name())
        ? chosen.get(spec.name())
        : UnitMapping.fromUnit(spec.distribution(), random.nextDouble()));
  }

  /** @param trials the usable trials, the first {@code n} of them */
  private Map<String, Object> sampleGroup(SearchSpace space, List<String> group, FrozenTrial[] trials, int n,
      boolean[] goodAt, SplittableRandom random) {
    GroupObservations observations = observations(space, group);
    List<TpeDimension> dims = observations.dims();
    synchronized (observations) {
      double[][] rows = observations.update(trials, n);
      int belowCount = 0;
      int aboveCount = 0;
      for (int i = 0; i < n; i++) {
        if (rows[i] != null) {
          if (goodAt[i]) {
            belowCount++;
          } else {
            aboveCount++;
          }
        }
      }
      int[] belowAt = new int[belowCount];
      int[] aboveAt = new int[aboveCount];
      belowCount = 0;
      aboveCount = 0;
      for (int i = 0; i < n; i++) {
        if (rows[i] != null) {
          if (goodAt[i]) {
            belowAt[belowCount++] = i;
          } else {
            aboveAt[aboveCount++] = i;
          }
        }
      }
      // both read before the next ask changes them in place: under the lock
      ParzenEstimator l = observations.belowEstimator(belowAt, priorWeight);
      ParzenEstimator g = observations.aboveEstimator(aboveAt, priorWeight);
      return mostPromising(dims, l, g, candidates, random);
    }
  }

  /** The group's observations, by its names and distributions; the last ask's where the space is the same. */
  private GroupObservations observations(SearchSpace space, List<String> group) {
    synchronized (groups) {
      RecentGroup recent = recentGroups.get(group);
      if (recent != null && recent.space() == space) {
        return recent.observations();
      }
      List<TpeDimension> dims = new ArrayList<>();
      List<Object> key = new ArrayList<>();
      for (String name : group) {
        dims.add(new TpeDimension(name, space.param(name).distribution()));
        key.add(name);
        key.add(space.param(name).distribution());
      }
      GroupObservations observations = groups.computeIfAbsent(key, k -> new GroupObservations(dims));
      recentGroups.put(List.copyOf(group), new RecentGroup(space, observations));
      return observations;
    }
  }

  /** A group's observations as the last ask with that space found them (a study's space stays the same object). */
  private record RecentGroup(SearchSpace space, GroupObservations observations) {
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
}
