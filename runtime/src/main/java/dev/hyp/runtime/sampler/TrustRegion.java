package dev.hyp.runtime.sampler;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.List;

/**
 * The trust region of TuRBO (Eriksson et al. 2019, "Scalable Global Optimization via Local
 * Bayesian Optimization") that {@link GpSampler} maximizes its acquisition in: a box around the
 * trial of the current run the model rates best, its side doubled after {@link #SUCCESSES} improvements in a row,
 * halved after max(4, dimensions) trials in a row without one; when it has shrunk below
 * {@link #MIN_LENGTH} the run ends and the next starts with a few space-filling trials and a fresh
 * region around the best of them. The state is replayed from the finished trials in order, so it
 * is a function of the stored trials and a resumed search gets the same.
 *
 * @param length the box's side, as a fraction of the unit cube (before the lengthscale weights)
 * @param runStart the position in the trials where the current run began (0 for the first)
 * @param designLeft how many space-filling trials the current run still needs before its region
 */
record TrustRegion(double length, int runStart, int designLeft) {
  /** TuRBO's settings: the first side, the side below which a run ends, the largest side. */
  static final double INITIAL_LENGTH = 0.8;
  static final double MIN_LENGTH = 0x1p-7;
  static final double MAX_LENGTH = 1.6;
  static final int SUCCESSES = 3;
  static final int MIN_FAILURES = 4;

  /**
   * Replays the region over {@code trials}: the first {@code startup} finished trials are the
   * first run's design, {@code restartDesign} the design of each later run.
   */
  static TrustRegion replay(List<FrozenTrial> trials, Direction direction, int startup, int restartDesign,
      int dimensions) {
    int failuresToShrink = Math.max(MIN_FAILURES, dimensions);
    double length = INITIAL_LENGTH;
    int runStart = 0;
    int design = startup;
    double best = Double.POSITIVE_INFINITY;
    int successes = 0;
    int failures = 0;
    for (int i = 0; i < trials.size(); i++) {
      FrozenTrial t = trials.get(i);
      if (t.state() != TrialState.COMPLETE || t.value() == null || !Double.isFinite(t.value())) {
        continue;
      }
      double loss = direction.toLoss(t.value());
      if (design > 0) {
        design--;
        best = Math.min(best, loss);
        continue;
      }
      if (loss < best - 1e-3 * Math.abs(best)) {
        successes++;
        failures = 0;
      } else {
        failures++;
        successes = 0;
      }
      best = Math.min(best, loss);
      if (successes == SUCCESSES) {
        length = Math.min(MAX_LENGTH, 2 * length);
        successes = 0;
      } else if (failures == failuresToShrink) {
        length /= 2;
        failures = 0;
      }
      if (length < MIN_LENGTH) {
        length = INITIAL_LENGTH;
        runStart = i + 1;
        design = restartDesign;
        best = Double.POSITIVE_INFINITY;
        successes = 0;
        failures = 0;
      }
    }
    return new TrustRegion(length, runStart, design);
  }
}
