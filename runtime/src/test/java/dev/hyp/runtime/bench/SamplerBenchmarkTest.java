package dev.hyp.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark is only worth its numbers if its functions and optima are right. */
class SamplerBenchmarkTest {

  private static double at(String function, double... x) {
    return TestFunction.named(function).f().applyAsDouble(x);
  }

  @Test
  void everyFunctionReachesItsStatedOptimumAtItsKnownMinimizer() {
    assertEquals(TestFunction.named("branin").optimum(), at("branin", Math.PI, 2.275), 1e-6);
    assertEquals(TestFunction.named("branin").optimum(), at("branin", -Math.PI, 12.275), 1e-6);
    assertEquals(0, at("rosenbrock4", 1, 1, 1, 1), 1e-12);
    assertEquals(TestFunction.named("hartmann6").optimum(),
        at("hartmann6", 0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573), 1e-5);
    assertEquals(0, at("ackley5", 0, 0, 0, 0, 0), 1e-12);
    assertEquals(0, at("rastrigin4", 0, 0, 0, 0), 1e-12);
    double s = -2.903534018185960;
    assertEquals(TestFunction.named("styblinski_tang4").optimum(), at("styblinski_tang4", s, s, s, s), 1e-9);
    // and nowhere lower on a coarse scan of the box, so regrets are never negative
    for (TestFunction f : TestFunction.ALL) {
      java.util.SplittableRandom r = new java.util.SplittableRandom(1);
      for (int i = 0; i < 10_000; i++) {
        double[] x = new double[f.dims()];
        for (int d = 0; d < x.length; d++) {
          x[d] = f.lo()[d] + r.nextDouble() * (f.hi()[d] - f.lo()[d]);
        }
        assertTrue(f.f().applyAsDouble(x) >= f.optimum() - 1e-9, f.name());
      }
    }
  }

  @Test
  void printsOneJsonLinePerSamplerAndFunctionThenTheOverhead() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    SamplerBenchmark.printRegrets(1, List.of("branin"), List.of("random", "sobol"), out);
    SamplerBenchmark.printOverhead(50, out);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("\\{\"function\":\"branin\",\"sampler\":\"random\",\"seeds\":1,"
        + "\"regret@25\":[0-9.e+-]+,\"regret@50\":[0-9.e+-]+,\"regret@100\":[0-9.e+-]+}"), lines.get(0));
    assertTrue(lines.get(1).contains("\"sampler\":\"sobol\""), lines.get(1));
    assertTrue(lines.get(2).matches("\\{\"benchmark\":\"overhead\",\"sampler\":\"tpe\",\"trials\":50,\"dims\":6,"
        + "\"ms_per_trial\":[0-9.e+-]+}"), lines.get(2));
  }

  @Test
  void aSecondSeedSetRunsThoseSeeds() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    double[] seed0 = SamplerBenchmark.printRegrets(1, 0, List.of("branin"), List.of("random"), out)
        .get("branin").get("random");
    double[] seed1 = SamplerBenchmark.printRegrets(1, 1, List.of("branin"), List.of("random"), out)
        .get("branin").get("random");
    double[] both = SamplerBenchmark.printRegrets(2, 0, List.of("branin"), List.of("random"), out)
        .get("branin").get("random");
    assertTrue(seed0[0] != seed1[0], "seed 1 is not seed 0 again");
    for (int c = 0; c < 3; c++) {
      // the median of two seeds is their mean
      assertEquals((seed0[c] + seed1[c]) / 2, both[c], 1e-12);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SamplerBenchmark.printRegrets(1, 10, List.of("branin"), List.of("random"),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("\"seeds\":1,\"first_seed\":10,"), bytes.toString());
  }

  @Test
  void optunasLinesAreReadAndItsBestIsTheLowestPerBudget() {
    // as optuna_peer.py prints them (json.dumps)
    OptunaPeer.Line tpe = OptunaPeer.parse("{\"function\": \"branin\", \"sampler\": \"optuna-tpe\", \"optuna\": \"3.1.0\","
        + " \"seeds\": 10, \"budgets\": [25, 50, 100], \"median_regret\": [0.69, 0.18, 0.0163]}");
    OptunaPeer.Line cmaes = OptunaPeer.parse("{\"function\": \"branin\", \"sampler\": \"optuna-cmaes\", \"optuna\":"
        + " \"3.1.0\", \"seeds\": 10, \"budgets\": [25, 50, 100], \"median_regret\": [4.8, 1.1, 1.3e-02]}");
    assertEquals("3.1.0", tpe.version());
    assertEquals(null, OptunaPeer.parse("Traceback (most recent call last):"));
    double[] best = OptunaPeer.best(List.of(tpe, cmaes)).get("branin");
    assertEquals(0.69, best[0], 0);
    assertEquals(0.18, best[1], 0);
    assertEquals(0.013, best[2], 0);
  }
}
