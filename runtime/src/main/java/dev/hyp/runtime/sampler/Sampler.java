package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ParamValues;

/**
 * Chooses the parameters of the next trial. Implementations are safe to call from several
 * threads; given the same seed and the same history they return the same parameters.
 */
public interface Sampler {

  /**
   * @return values for exactly the parameters that exist under the chosen values
   * @throws SearchSpaceExhaustedException when no new point is left (grid)
   */
  ParamValues sample(SamplingContext context);
}
