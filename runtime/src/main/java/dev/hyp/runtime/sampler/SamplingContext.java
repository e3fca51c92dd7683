package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.Objectives;
import java.util.List;

/**
 * What a sampler sees when asked.
 *
 * @param trials every trial so far in number order, RUNNING ones included
 * @param index position of the trial being sampled (the number it gets in a sequential run)
 * @param objectives every objective's direction (one for a single-objective study, whose direction is
 *     {@code direction}); samplers for one objective read {@code direction} and a trial's value
 */
public record SamplingContext(SearchSpace space, List<FrozenTrial> trials, Direction direction, int index,
    Objectives objectives) {

  public SamplingContext {
    objectives = objectives == null ? Objectives.single(direction) : objectives;
  }

  /** A single-objective study's context. */
  public SamplingContext(SearchSpace space, List<FrozenTrial> trials, Direction direction, int index) {
    this(space, trials, direction, index, Objectives.single(direction));
  }
}
