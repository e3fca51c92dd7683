package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ParamValues;
import java.util.SplittableRandom;

/** Independent uniform draws from each parameter's prior; the baseline every sampler must beat. */
public final class RandomSampler implements Sampler {
  private final long seed;

  public RandomSampler(long seed) {
    this.seed = seed;
  }

  @Override
  public ParamValues sample(SamplingContext context) {
    SplittableRandom random = Seeds.forTrial(seed, context.index());
    return context.space().walk((spec, earlier) -> UnitMapping.fromUnit(spec.distribution(), random.nextDouble()));
  }
}
