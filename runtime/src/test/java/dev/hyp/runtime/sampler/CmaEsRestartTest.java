package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class CmaEsRestartTest {
  private static final SearchSpace SPACE = SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1))
      .add("y", FloatDistribution.uniform(0, 1)).build();
  /** 4 + 3 ln 2, rounded down: the first population on two numbers. */
  private static final int LAMBDA = 6;

  private static List<FrozenTrial> run(int restarts, int trials, ToDoubleFunction<ParamValues> f) {
    Study study = Study.builder("cmaes", SPACE).direction(Direction.MINIMIZE)
        .sampler(Samplers.create("cmaes", Map.of("restarts", (long) restarts), 3)).open();
    study.optimize(t -> f.applyAsDouble(t.params()), StudyOptions.trials(trials));
    return study.trials();
  }

  private static double distance(ParamValues a, ParamValues b) {
    return Math.hypot(a.getDouble("x") - b.getDouble("x"), a.getDouble("y") - b.getDouble("y"));
  }

  @Test
  void aStalledRunRestartsLocallyAroundTheBestPointWithATenthOfTheStep() {
    // nothing improves after the first generation: generations 2 to 4 stall, the fifth is a local run
    List<FrozenTrial> trials = run(1, 6 * LAMBDA, p -> 1.0);
    ParamValues best = trials.get(0).params();
    int start = (1 + CmaEsSampler.STALL) * LAMBDA;
    for (FrozenTrial t : trials.subList(start, start + LAMBDA)) {
      assertTrue(distance(t.params(), best) < 0.1, "trial " + t.number() + " is near the best point");
    }
    // without restarts the same generation still searches with the first step around the centre
    List<FrozenTrial> plain = run(0, 6 * LAMBDA, p -> 1.0);
    assertTrue(plain.subList(start, start + LAMBDA).stream()
        .anyMatch(t -> distance(t.params(), best) >= 0.1), "the plain run is not drawn to trial 0");
  }

  @Test
  void aResumedSearchWithRestartsSuggestsWhatTheUninterruptedOneDid() {
    // a rugged function: runs stall, restarts alternate local and global with a growing population
    ToDoubleFunction<ParamValues> rugged = p -> {
      double x = 10 * p.getDouble("x") - 5;
      double y = 10 * p.getDouble("y") - 5;
      return x * x + y * y + 10 * (2 - Math.cos(2 * Math.PI * x) - Math.cos(2 * Math.PI * y));
    };
    List<FrozenTrial> all = run(4, 90, rugged);
    for (int k : new int[] {29, 30, 47, 61, 89}) {
      Sampler resumed = Samplers.create("cmaes", Map.of("restarts", 4L), 3);
      ParamValues next = resumed.sample(new SamplingContext(SPACE, all.subList(0, k), Direction.MINIMIZE, k));
      assertEquals(all.get(k).params(), next, "trial " + k);
    }
  }
}
