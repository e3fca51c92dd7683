package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Objective;
import dev.hyp.runtime.study.Outcome;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.Objectives;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the strategies for several objectives promise on the iris space with two objectives (the
 * iris loss, and the number of units, a stand-in for the network's size): the sampler contract
 * of {@link SamplerContractTest}, with the trials' objective values and constraints as they
 * come from a study with several objectives.
 */
class MultiObjectiveContractTest {
  private static final int TRIALS = 40;
  private static final Objectives TWO = new Objectives(List.of(Direction.MINIMIZE, Direction.MINIMIZE));
  private static final SearchSpace SPACE = TestSpaces.iris(false);

  private static Map<String, Object> optionsFor(String sampler) {
    return sampler.equals("nsga2") ? Map.of("population", 8) : Map.of();
  }

  private static double units(ParamValues p) {
    double units = 0;
    for (int i = 1; i <= p.getLong("depth"); i++) {
      units += p.getLong("units[" + i + "]");
    }
    return units;
  }

  private static List<FrozenTrial> run(String sampler, long seed) {
    Study study = Study.builder("contract", SPACE).objectives(TWO)
        .sampler(Samplers.create(sampler, optionsFor(sampler), seed)).open();
    study.optimize(new Objective() {
      @Override
      public double evaluate(Trial trial) {
        return TestSpaces.irisLoss(trial.params());
      }

      @Override
      public Outcome outcome(Trial trial) {
        // trials with more than 256 units violate a constraint, so feasibility takes part too
        double units = units(trial.params());
        return Outcome.of(List.of(TestSpaces.irisLoss(trial.params()), units), Math.max(0, units - 256), null);
      }
    }, StudyOptions.trials(TRIALS));
    return study.trials();
  }

  @ParameterizedTest
  @ValueSource(strings = {"nsga2", "motpe", "auto"})
  void everyTrialIsInTheSpaceAndEveryCategoryIsTried(String sampler) {
    List<FrozenTrial> trials = run(sampler, 2);
    for (FrozenTrial t : trials) {
      assertTrue(SPACE.admits(t.params()), sampler + " produced " + t.params());
    }
    for (String name : List.of("act", "opt", "bias")) {
      Set<Object> seen = trials.stream().map(t -> t.params().get(name)).collect(Collectors.toSet());
      List<?> choices = ((CategoricalDistribution) SPACE.param(name).distribution()).choices();
      assertEquals(Set.copyOf(choices), seen, sampler + " tried " + seen + " of `" + name + "`");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nsga2", "motpe", "auto"})
  void aFreshSamplerGivenTheStoredTrialsSuggestsWhatTheUninterruptedRunDid(String sampler) {
    List<FrozenTrial> all = run(sampler, 5);
    for (int k : new int[] {TRIALS / 4, TRIALS / 2, TRIALS - 1}) {
      Sampler resumed = Samplers.create(sampler, optionsFor(sampler), 5);
      ParamValues next = resumed.sample(new SamplingContext(SPACE, all.subList(0, k), Direction.MINIMIZE, k, TWO));
      assertEquals(all.get(k).params(), next, sampler + " at trial " + k);
    }
  }
}
