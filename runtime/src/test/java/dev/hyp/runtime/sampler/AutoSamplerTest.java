package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.trial.Direction;
import java.util.function.ToDoubleFunction;
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

  /** The GP beats TPE on `hyp bench samplers`' mixed space (categorical and conditional): auto keeps it. */
  @Test
  void categoricalAndConditionalParametersGetTheGaussianProcessTooAndAreSaid() {
    SearchSpace categorical = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
        .add("act", CategoricalDistribution.of("relu", "tanh")).build();
    assertEquals("gp for the first 250 trials, then cmaes", AutoSampler.choose(categorical).strategy());
    assertTrue(AutoSampler.choose(categorical).reason().contains("on categorical parameters too"),
        AutoSampler.choose(categorical).reason());
    SearchSpace conditional = SearchSpace.builder().add("depth", IntDistribution.uniform(1, 3))
        .perLayer("units", "depth", 3, IntDistribution.uniform(8, 64)).build();
    assertEquals("gp for the first 250 trials, then cmaes", AutoSampler.choose(conditional).strategy());
    assertTrue(AutoSampler.choose(conditional).reason().contains("on conditional parameters too"),
        AutoSampler.choose(conditional).reason());
  }

  @Test
  void onAMixedSpaceAutoSuggestsWhatTheGaussianProcessSuggests() {
    SearchSpace space = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
        .add("act", CategoricalDistribution.of("relu", "tanh", "elu"))
        .add("depth", IntDistribution.uniform(1, 3))
        .perLayer("units", "depth", 3, IntDistribution.uniform(8, 64)).build();
    Study auto = Study.builder("a", space).direction(Direction.MINIMIZE).sampler(new AutoSampler(4)).open();
    Study gp = Study.builder("g", space).direction(Direction.MINIMIZE).sampler(new GpSampler(4, 10, 512)).open();
    ToDoubleFunction<ParamValues> loss = p -> Math.abs(Math.log10(p.getDouble("lr")) + 2.5)
        + (p.getString("act").equals("elu") ? 0 : 0.5) + p.getLong("depth") * 0.1;
    auto.optimize(t -> loss.applyAsDouble(t.params()), StudyOptions.trials(14));
    gp.optimize(t -> loss.applyAsDouble(t.params()), StudyOptions.trials(14));
    for (int i = 0; i < 14; i++) {
      assertEquals(gp.trials().get(i).params(), auto.trials().get(i).params(), "trial " + i);
    }
  }

  @Test
  void aChoiceAmongNumbersIsOrderedSoItDoesNotForceTpe() {
    SearchSpace space = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
        .add("units", CategoricalDistribution.of(16L, 32L, 64L)).build();
    assertEquals("gp for the first 250 trials, then cmaes", AutoSampler.choose(space).strategy());
  }
}
