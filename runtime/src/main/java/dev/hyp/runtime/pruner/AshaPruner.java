package dev.hyp.runtime.pruner;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;

/**
 * {@code asha(min_epochs, reduction)}: asynchronous successive halving. Rungs at epochs
 * min_epochs, min_epochs * reduction, min_epochs * reduction^2, ...; at each, a trial continues
 * only if it is in the best 1/reduction of the trials that reached that rung, any state.
 */
public final class AshaPruner implements Pruner {
  private final SuccessiveHalving halving;

  public AshaPruner(int minEpochs, int reduction) {
    this.halving = new SuccessiveHalving(minEpochs, reduction, 0);
  }

  @Override
  public boolean shouldPrune(FrozenTrial trial, List<FrozenTrial> trials, Direction direction) {
    return halving.shouldPrune(trial, trials, direction, t -> true);
  }
}
