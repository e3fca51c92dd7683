package dev.hyp.runtime.pruner;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;

/** {@code pruner = none}: every trial runs all its epochs. */
public final class NopPruner implements Pruner {
  @Override
  public boolean shouldPrune(FrozenTrial trial, List<FrozenTrial> trials, Direction direction) {
    return false;
  }
}
