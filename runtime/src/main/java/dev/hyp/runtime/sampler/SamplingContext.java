package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;

/**
 * What a sampler sees when asked.
 *
 * @param trials every trial so far in number order, RUNNING ones included
 * @param index position of the trial being sampled (the number it gets in a sequential run)
 */
public record SamplingContext(SearchSpace space, List<FrozenTrial> trials, Direction direction, int index) {}
