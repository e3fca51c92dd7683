package dev.hyp.runtime.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.storage.InMemoryStorage;
import dev.hyp.runtime.storage.Storage;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Carried trials inform the new version's search and take none of its budget. */
class CarriedTrialsTest {
  private static final SearchSpace SPACE = SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1)).build();

  /** 30 earlier trials of (x - 0.8)^2 on a grid: the carried history says the optimum is near 0.8. */
  private static Study withHistory(String sampler, boolean carried) {
    Storage storage = new InMemoryStorage();
    long id = storage.openStudy("s", Direction.MINIMIZE, "h").id();
    for (int i = 0; i < 30; i++) {
      double x = i / 29.0;
      FrozenTrial earlier = new FrozenTrial(i, TrialState.COMPLETE, ParamValues.of(Map.of("x", x)),
          (x - 0.8) * (x - 0.8), null, new TreeMap<>(), "v1", Instant.EPOCH, Instant.EPOCH);
      if (carried) {
        storage.carryTrial(id, earlier, earlier.params(), "v1#" + i);
      }
    }
    return Study.builder("s", SPACE).storage(storage).direction(Direction.MINIMIZE).specHash("h")
        .sampler(Samplers.create(sampler, Map.of("startup", 5), 7)).open();
  }

  private static double meanDistanceFromOptimum(StudyResult result) {
    return result.trials().stream().filter(t -> !t.isCarried())
        .mapToDouble(t -> Math.abs(t.params().getDouble("x") - 0.8)).average().orElseThrow();
  }

  @Test
  void theSamplerLearnsFromCarriedTrialsAndTheBudgetCountsOnlyNewOnes() {
    StudyResult warm = withHistory("tpe", true).optimize(t -> Math.pow(t.params().getDouble("x") - 0.8, 2),
        StudyOptions.trials(10));
    StudyResult cold = withHistory("tpe", false).optimize(t -> Math.pow(t.params().getDouble("x") - 0.8, 2),
        StudyOptions.trials(10));
    assertEquals(40, warm.trials().size(), "30 carried, then exactly the 10 of the budget");
    assertEquals(10, warm.trials().stream().filter(FrozenTrial::countsTowardBudget).count());
    assertTrue(meanDistanceFromOptimum(warm) < meanDistanceFromOptimum(cold) / 2,
        "warm " + meanDistanceFromOptimum(warm) + " vs cold " + meanDistanceFromOptimum(cold));
  }
}
