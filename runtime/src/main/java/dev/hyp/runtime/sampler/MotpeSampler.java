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
 * TPE for several objectives (MOTPE, Ozaki et al. 2020), multivariate and grouped as hyp's
 * {@link TpeSampler}. The first {@code startup} trials are points of a scrambled Sobol' sequence
 * (spread evenly, so that each category of a small choice appears among them). After that the good
 * trials are the first {@code gamma} part (at most {@code maxGood}) of the {@link ParetoRanking}
 * order (feasible first, then front by front, each spread out by crowding distance); the rest, and
 * running trials (the constant liar), are the bad ones. With several objectives each good trial
 * counts by its share of the good trials' hypervolume ({@link ContributionWeights}, as Optuna's
 * MOTPE does); with one, as in TPE. The good model's categorical kernels keep
 * {@link #CATEGORY_SHARE} of their mass spread evenly over the choices, so a category the good
 * trials lack, and that the bad ones have not shown to be bad, keeps a high ratio and is tried again.
 */
public final class MotpeSampler implements Sampler {
  /**
   * The good model's categorical mass spread over every choice: with it the search keeps trying a
   * category the good trials lack until the bad ones show it is bad (without it, a category seen
   * in a few dominated trials by chance was dropped for good); the bad model keeps TPE's kernels.
   */
  static final double CATEGORY_SHARE = 0.25;

  private final long seed;
  private final int startup;
  private final int candidates;
  private final double gamma;
  private final int maxGood;
  private final double priorWeight;
  private final SobolSampler sobol;

  /** Defaults are the vocabulary's ({@link dev.hyp.runtime.vocab.Strategy#MOTPE}); {@link Samplers} applies them. */
  public MotpeSampler(long seed, int startup, int candidates, double gamma, int maxGood, double priorWeight) {
    if (startup < 0 || candidates < 1 || !(gamma > 0 && gamma <= 1) || maxGood < 1 || !(priorWeight > 0)) {
      throw new IllegalArgumentException("motpe options out of range");
    }
    this.seed = seed;
    this.startup = startup;
    this.candidates = candidates;
    this.gamma = gamma;
    this.maxGood = maxGood;
    this.priorWeight = priorWeight;
    this.sobol = new SobolSampler(seed);
  }

  @Override
  public ParamValues sample(SamplingContext context) {
    List<FrozenTrial> usable = new ArrayList<>();
    for (FrozenTrial t : context.trials()) {
      if (TrialRanking.usable(t)) {
        usable.add(t);
      }
    }
    List<FrozenTrial> order = ParetoRanking.order(usable, context.objectives());
    if (usable.size() < Math.max(startup, 1) || order.isEmpty()) {
      return sobol.sample(context);
    }
    int below = Math.min(Math.min((int) Math.ceil(gamma * usable.size()), maxGood), order.size());
    List<FrozenTrial> good = order.subList(0, below);
    double[] weights = context.objectives().isMulti() ? ContributionWeights.of(good, context.objectives()) : null;
    Map<Integer, Integer> goodIndex = new HashMap<>();
    for (int i = 0; i < below; i++) {
      goodIndex.put(good.get(i).number(), i);
    }
    SplittableRandom random = Seeds.forTrial(seed, context.index());
    Map<String, Object> chosen = new HashMap<>();
    for (List<String> group : ModelGroups.of(context.space(), usable)) {
      chosen.putAll(sampleGroup(context.space(), group, usable, goodIndex, weights, random));
    }
    return context.space().walk((spec, earlier) -> chosen.containsKey(spec.name())
        ? chosen.get(spec.name())
        : UnitMapping.fromUnit(spec.distribution(), random.nextDouble()));
  }

  /**
   * One group's values: the best by l(x)/g(x) of {@code candidates} draws from l.
   *
   * @param weights the good trials' weights by their place in {@code goodIndex}, or null for TPE's
   */
  private Map<String, Object> sampleGroup(SearchSpace space, List<String> group, List<FrozenTrial> trials,
      Map<Integer, Integer> goodIndex, double[] weights, SplittableRandom random) {
    List<TpeDimension> dims = new ArrayList<>();
    for (String name : group) {
      dims.add(new TpeDimension(name, space.param(name).distribution()));
    }
    List<double[]> below = new ArrayList<>();
    List<Double> belowWeights = new ArrayList<>();
    List<double[]> above = new ArrayList<>();
    for (FrozenTrial t : trials) {
      double[] row = GroupObservations.observation(dims, t.params());
      if (row == null) {
        continue;
      }
      Integer place = goodIndex.get(t.number());
      if (place == null) {
        above.add(row);
      } else {
        below.add(row);
        belowWeights.add(weights == null ? 1 : weights[place]);
      }
    }
    double[] observationWeights = weights == null ? null : belowWeights.stream().mapToDouble(w -> w).toArray();
    ParzenEstimator l = new ParzenEstimator(dims, below.toArray(double[][]::new), priorWeight, observationWeights,
        CATEGORY_SHARE);
    ParzenEstimator g = new ParzenEstimator(dims, above.toArray(double[][]::new), priorWeight);
    return TpeSampler.mostPromising(dims, l, g, candidates, random);
  }
}
