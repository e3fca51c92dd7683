package dev.hyp.runtime.pruner;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;

/**
 * Decides from intermediate values (one per epoch, step = epoch number from 1) whether a running
 * trial should stop early. Stateless: every decision is derived from the stored trials, so
 * several processes sharing a study agree.
 */
public interface Pruner {

  /**
   * @param trial the running trial, with its intermediate values so far
   * @param trials every trial of the study (may include {@code trial} itself)
   */
  boolean shouldPrune(FrozenTrial trial, List<FrozenTrial> trials, Direction direction);
}
