package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.bench.MultiObjectiveBenchmarkAccess;
import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.Objectives;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** NSGA-II and MOTPE: what they learn from, and that they beat random search on ZDT1. */
class MultiObjectiveSamplerTest {
  private static final Objectives TWO = new Objectives(List.of(Direction.MINIMIZE, Direction.MINIMIZE));

  private static FrozenTrial trial(int number, double a, double b, Double violation) {
    return new FrozenTrial(number, TrialState.COMPLETE, ParamValues.of(Map.of()), a, null, new TreeMap<>(), "p",
        Instant.EPOCH, Instant.EPOCH, null, List.of(a, b), violation);
  }

  @Test
  void theParetoOrderPutsFeasibleTrialsFirstThenFrontByFront() {
    List<FrozenTrial> trials = List.of(
        trial(0, 0.0, 0.0, 1.0), // dominates everything, but infeasible
        trial(1, 2, 2, null), // second front
        trial(2, 1, 3, null), // first front
        trial(3, 3, 1, null), // first front
        trial(4, 2.5, 2.5, 0.2)); // infeasible, less so
    List<Integer> order = ParetoRanking.order(trials, TWO).stream().map(FrozenTrial::number).toList();
    assertEquals(List.of(2, 3, 1, 4, 0), order);
  }

  /**
   * Option `b` was tried in five of 30 trials, by chance in dominated ones, and never among the
   * good ones: TPE's kernels give it less weight among the good trials than among the bad, so
   * without the good model's even share MOTPE stopped trying it (in none of 30 suggestions).
   */
  @Test
  void motpeKeepsTryingACategoryTheGoodTrialsLack() {
    SearchSpace space = SearchSpace.builder().add("opt", CategoricalDistribution.of("a", "b"))
        .add("x", FloatDistribution.uniform(0, 1)).build();
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      double x = (i * 7 % 30) / 30.0;
      boolean b = i % 6 == 1;
      // the front is f2 = 1 - f1; a b trial sits well behind it
      double f2 = 1 - x + (b ? 0.5 : 0.05 * (i % 3));
      trials.add(new FrozenTrial(i, TrialState.COMPLETE, ParamValues.of(Map.of("opt", b ? "b" : "a", "x", x)), x,
          null, new TreeMap<>(), "p", Instant.EPOCH, Instant.EPOCH, null, List.of(x, f2), null));
    }
    Sampler motpe = Samplers.create("motpe", Map.of(), 3);
    int tried = 0;
    for (int index = 30; index < 60; index++) {
      ParamValues next = motpe.sample(new SamplingContext(space, trials, Direction.MINIMIZE, index, TWO));
      tried += next.getString("opt").equals("b") ? 1 : 0;
    }
    assertTrue(tried >= 3, "motpe tried `b` in " + tried + " of 30 suggestions");
  }

  @Test
  void bothStrategiesFindALargerHypervolumeThanRandomSearchOnZdt1() {
    double random = MultiObjectiveBenchmarkAccess.hypervolume("zdt1", "random", 0);
    double nsga2 = MultiObjectiveBenchmarkAccess.hypervolume("zdt1", "nsga2", 0);
    double motpe = MultiObjectiveBenchmarkAccess.hypervolume("zdt1", "motpe", 0);
    assertTrue(nsga2 > random, "nsga2 " + nsga2 + " against random " + random);
    assertTrue(motpe > random, "motpe " + motpe + " against random " + random);
  }
}
