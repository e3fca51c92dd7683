package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpSamplerTest {

  private static List<FrozenTrial> run(String sampler, SearchSpace space, long seed, int trials) {
    Study study = Study.builder("gp", space).direction(Direction.MINIMIZE)
        .sampler(Samplers.create(sampler, Map.of(), seed)).open();
    study.optimize(t -> {
      double x = t.params().getDouble("x");
      double n = t.params().getLong("n");
      return Math.pow(x - 0.3, 2) + Math.pow(n - 13, 2) / 100;
    }, StudyOptions.trials(trials));
    return study.trials();
  }

  @Test
  void findsTheOptimumOfASmoothFunctionWithAnIntegerWhereRandomSearchDoesNot() {
    SearchSpace space = SearchSpace.builder().add("x", FloatDistribution.uniform(-2, 2))
        .add("n", IntDistribution.uniform(0, 40)).build();
    int gpAtOptimum = 0;
    int randomAtOptimum = 0;
    for (long seed = 0; seed < 3; seed++) {
      List<FrozenTrial> gp = run("gp", space, seed, 30);
      FrozenTrial best = gp.stream().min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
      gpAtOptimum += best.params().getLong("n") == 13 && Math.abs(best.params().getDouble("x") - 0.3) < 0.02 ? 1 : 0;
      List<FrozenTrial> random = run("random", space, seed, 30);
      FrozenTrial r = random.stream().min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
      randomAtOptimum += r.params().getLong("n") == 13 && Math.abs(r.params().getDouble("x") - 0.3) < 0.02 ? 1 : 0;
    }
    assertEquals(3, gpAtOptimum, "gp found n = 13 and x near 0.3 in every seed");
    assertTrue(randomAtOptimum < 3);
  }

  @Test
  void theFirstStartupTrialsAreSobolPoints() {
    SearchSpace space = SearchSpace.builder().add("x", FloatDistribution.uniform(-2, 2))
        .add("n", IntDistribution.uniform(0, 40)).build();
    List<FrozenTrial> gp = run("gp", space, 4, 10);
    Study sobol = Study.builder("s", space).direction(Direction.MINIMIZE)
        .sampler(Samplers.create("sobol", Map.of(), 4)).open();
    sobol.optimize(t -> 0, StudyOptions.trials(10));
    assertEquals(sobol.trials().stream().map(FrozenTrial::params).toList(), gp.stream().map(FrozenTrial::params).toList());
  }
}
