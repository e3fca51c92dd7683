package dev.hyp.runtime.pruner;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The promotion rule of asynchronous successive halving, shared by ASHA and Hyperband. Rung k
 * sits at epoch {@code minEpochs * reduction^(rungOffset + k)}; a trial crossing a rung goes on
 * only if its value there is within the best 1/{@code reduction} of all values recorded at that
 * rung so far (its own included; while fewer than {@code reduction} trials have reached the
 * rung, it must be the best of them, as in Optuna).
 */
final class SuccessiveHalving {
  private final int minEpochs;
  private final int reduction;
  private final int rungOffset;

  SuccessiveHalving(int minEpochs, int reduction, int rungOffset) {
    if (minEpochs < 1 || reduction < 2) {
      throw new IllegalArgumentException("successive halving needs min_epochs >= 1 and reduction >= 2");
    }
    this.minEpochs = minEpochs;
    this.reduction = reduction;
    this.rungOffset = rungOffset;
  }

  /**
   * Judges only the rungs crossed by the trial's latest report, so a promotion, once given, is
   * never taken back when better trials arrive later.
   *
   * @param competes which other trials' values count at the rungs
   */
  boolean shouldPrune(FrozenTrial trial, List<FrozenTrial> trials, Direction direction, Predicate<FrozenTrial> competes) {
    int latest = trial.lastStep();
    if (latest < 0) {
      return false;
    }
    Integer before = trial.intermediate().lowerKey(latest);
    int previous = before == null ? 0 : before;
    for (long rung = firstRung(); rung <= latest; rung *= reduction) {
      if (rung > previous && !promotable(trial, (int) rung, trials, direction, competes)) {
        return true;
      }
    }
    return false;
  }

  private long firstRung() {
    long r = minEpochs;
    for (int i = 0; i < rungOffset; i++) {
      r *= reduction;
    }
    return r;
  }

  private boolean promotable(FrozenTrial trial, int rung, List<FrozenTrial> trials, Direction direction,
      Predicate<FrozenTrial> competes) {
    double own = direction.toLoss(valueAt(trial, rung));
    List<Double> competing = new ArrayList<>();
    competing.add(own);
    for (FrozenTrial t : trials) {
      if (t.number() != trial.number() && t.lastStep() >= rung && competes.test(t)) {
        competing.add(direction.toLoss(valueAt(t, rung)));
      }
    }
    Collections.sort(competing);
    int index = Math.max(0, competing.size() / reduction - 1);
    return own <= competing.get(index);
  }

  /** The value a trial had at the rung: its last report at or before that epoch. */
  private static double valueAt(FrozenTrial t, int rung) {
    Map.Entry<Integer, Double> e = t.intermediate().floorEntry(rung);
    return e == null ? Double.NaN : e.getValue();
  }
}
