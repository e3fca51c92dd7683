package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TPE for several objectives (MOTPE, Ozaki et al. 2020): the "good" trials are the best by
 * {@link ParetoRanking} (feasible first, then by non-domination rank, then spread along the front)
 * instead of by one value. Built over hyp's {@link TpeSampler}, which it hands the trials with their
 * place in that order as a value to minimise; a trial rejected before training (PRUNED, infeasible)
 * stays below every complete one. With one objective and no constraint violated, it is TPE.
 */
public final class MotpeSampler implements Sampler {
  private final TpeSampler tpe;

  public MotpeSampler(long seed, int startup, int candidates, double gamma, int maxGood, double priorWeight) {
    this.tpe = new TpeSampler(seed, startup, candidates, gamma, maxGood, priorWeight);
  }

  @Override
  public ParamValues sample(SamplingContext context) {
    boolean anyInfeasible = context.trials().stream().anyMatch(t -> !t.isFeasible());
    if (!context.objectives().isMulti() && !anyInfeasible) {
      return tpe.sample(context);
    }
    return tpe.sample(new SamplingContext(context.space(), ranked(context), Direction.MINIMIZE, context.index()));
  }

  /** The trials with each complete one's value replaced by its place in the Pareto order. */
  static List<FrozenTrial> ranked(SamplingContext context) {
    Map<Integer, Integer> place = new HashMap<>();
    List<FrozenTrial> order = ParetoRanking.order(context.trials(), context.objectives());
    for (int i = 0; i < order.size(); i++) {
      place.put(order.get(i).number(), i);
    }
    List<FrozenTrial> out = new ArrayList<>(context.trials().size());
    for (FrozenTrial t : context.trials()) {
      Integer p = place.get(t.number());
      out.add(p == null || t.state() != TrialState.COMPLETE ? t : new FrozenTrial(t.number(), t.state(), t.params(),
          (double) p, t.reason(), t.intermediate(), t.owner(), t.startedAt(), t.finishedAt(), t.carriedFrom()));
    }
    return out;
  }
}
