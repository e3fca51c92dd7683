package dev.hyp.runtime.pruner;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code median(warmup = E)}: after epoch E, stops a trial whose best value so far is worse than
 * the median of what complete trials had reached at the same epoch. Needs {@code startup}
 * complete trials before it prunes anything (Optuna's MedianPruner).
 */
public final class MedianPruner implements Pruner {
  private final int warmup;
  private final int startup;

  public MedianPruner(int warmup, int startup) {
    if (warmup < 0 || startup < 1) {
      throw new IllegalArgumentException("median needs warmup >= 0 and startup >= 1");
    }
    this.warmup = warmup;
    this.startup = startup;
  }

  @Override
  public boolean shouldPrune(FrozenTrial trial, List<FrozenTrial> trials, Direction direction) {
    int step = trial.lastStep();
    if (step <= warmup) {
      return false;
    }
    List<Double> atStep = new ArrayList<>();
    int complete = 0;
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.number() != trial.number()) {
        complete++;
        Double v = t.intermediate().get(step);
        if (v != null) {
          atStep.add(direction.toLoss(v));
        }
      }
    }
    if (complete < startup || atStep.isEmpty()) {
      return false;
    }
    double best = trial.intermediate().values().stream().mapToDouble(direction::toLoss).min().orElseThrow();
    return best > median(atStep);
  }

  private static double median(List<Double> values) {
    double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }
}
