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

  @Test
  void onANumericSpaceACollapsedTrustRegionStartsANewRunWithSobolPoints() {
    SearchSpace space = SearchSpace.builder().add("x", FloatDistribution.uniform(-2, 2))
        .add("n", IntDistribution.uniform(0, 40)).build();
    Study gp = Study.builder("gp", space).direction(Direction.MINIMIZE)
        .sampler(Samplers.create("gp", Map.of(), 4)).open();
    // nothing improves: the region halves every 4 trials from 0.8 and is below 2^-7 after 28
    gp.optimize(t -> 1.0, StudyOptions.trials(42));
    Study sobol = Study.builder("s", space).direction(Direction.MINIMIZE)
        .sampler(Samplers.create("sobol", Map.of(), 4)).open();
    sobol.optimize(t -> 0, StudyOptions.trials(42));
    List<FrozenTrial> restarted = gp.trials().subList(38, 42);
    assertEquals(sobol.trials().subList(38, 42).stream().map(FrozenTrial::params).toList(),
        restarted.stream().map(FrozenTrial::params).toList());
    assertTrue(gp.trials().subList(10, 38).stream().noneMatch(t -> sobol.trials().get(t.number()).params()
        .equals(t.params())), "the trials of the first run are the GP's");
  }

  @Test
  void theWarpKeepsTheOrderOfTheLossesAndCompressesTheFarOffOnes() {
    List<Double> warped = GpSampler.warped(List.of(3.0, 1.0, 2.0, 1001.0));
    // shifted by the minimum: 2, 0, 1, 1000; median (of the upper half) 2: log1p(v / 2)
    assertEquals(Math.log1p(1.0), warped.get(0), 1e-15);
    assertEquals(0, warped.get(1), 0);
    assertEquals(Math.log1p(0.5), warped.get(2), 1e-15);
    assertEquals(Math.log1p(500.0), warped.get(3), 1e-12);
    // all equal: nothing to compress, the losses as they are
    assertEquals(List.of(2.0, 2.0), GpSampler.warped(List.of(2.0, 2.0)));
  }

  @Test
  void theIncumbentIsTheBestPosteriorMeanAtTheTrials() {
    double[][] x = {{0.1}, {0.5}, {0.9}};
    double[] y = {0.2, 1.0, -0.4};
    GaussianProcess gp = GaussianProcess.withSettings(x, y, new boolean[] {false}, new double[] {3}, 1, 0.05);
    double expected = Math.max(gp.mean(x[0]), Math.max(gp.mean(x[1]), gp.mean(x[2])));
    assertEquals(expected, GpSampler.incumbent(gp, x), 0);
    // with noise in the fit the mean at the best trial is below its observation
    assertTrue(GpSampler.incumbent(gp, x) < 1.0);
    double[] mv = new double[2];
    gp.posterior(x[1], mv);
    assertEquals(mv[0], gp.mean(x[1]), 1e-12);
  }

  @Test
  void theKernelIsRefittedAtEveryTrialTo50ThenEvery5thTo100ThenMoreRarely() {
    assertEquals(37, GpSampler.refitPoint(37));
    assertEquals(50, GpSampler.refitPoint(54));
    assertEquals(55, GpSampler.refitPoint(55));
    assertEquals(95, GpSampler.refitPoint(99));
    assertEquals(100, GpSampler.refitPoint(104));
    assertEquals(105, GpSampler.refitPoint(105));
    // near 300 a fit serves 14 or 15 trials
    int at = GpSampler.refitPoint(300);
    assertTrue(at <= 300 && GpSampler.refitPoint(at + at / 20) == at + at / 20, "refit at " + at);
  }
}
