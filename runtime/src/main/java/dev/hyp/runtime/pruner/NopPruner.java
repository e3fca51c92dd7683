package dev.hyp.runtime.pruner;

import dev.hyp.runtime.study.Direction;
import dev.hyp.runtime.study.FrozenTrial;
import java.util.List;

/** {@code pruner = none}: every trial runs all its epochs. */
public final class NopPruner implements Pruner {
  @Override
  public boolean shouldPrune(FrozenTrial trial, List<FrozenTrial> trials, Direction direction) {
    return false;
  }
}
