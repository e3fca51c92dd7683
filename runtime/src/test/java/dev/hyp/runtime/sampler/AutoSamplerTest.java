package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.SearchSpace;
import org.junit.jupiter.api.Test;

class AutoSamplerTest {

  @Test
  void numbersOnlyGetTheGaussianProcessThenCmaEs() {
    SearchSpace space = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
        .add("units", IntDistribution.uniform(8, 128)).constant("act", "relu").build();
    AutoSampler.Choice choice = AutoSampler.choose(space);
    assertEquals("gp for the first 250 trials, then cmaes", choice.strategy());
    assertTrue(choice.reason().startsWith("every parameter is a number"), choice.reason());
  }

  @Test
  void aCategoricalOrAConditionalParameterGetsTpeAndIsNamed() {
    SearchSpace categorical = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
        .add("act", CategoricalDistribution.of("relu", "tanh")).build();
    assertEquals("tpe", AutoSampler.choose(categorical).strategy());
    assertTrue(AutoSampler.choose(categorical).reason().startsWith("`act` is categorical"));
    SearchSpace conditional = SearchSpace.builder().add("depth", IntDistribution.uniform(1, 3))
        .perLayer("units", "depth", 3, IntDistribution.uniform(8, 64)).build();
    assertEquals("tpe", AutoSampler.choose(conditional).strategy());
    assertTrue(AutoSampler.choose(conditional).reason().contains("` is conditional"),
        AutoSampler.choose(conditional).reason());
  }

  @Test
  void aChoiceAmongNumbersIsOrderedSoItDoesNotForceTpe() {
    SearchSpace space = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
        .add("units", CategoricalDistribution.of(16L, 32L, 64L)).build();
    assertEquals("gp for the first 250 trials, then cmaes", AutoSampler.choose(space).strategy());
  }
}
