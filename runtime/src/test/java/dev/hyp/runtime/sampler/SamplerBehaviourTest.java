package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** What distinguishes each strategy from the others. */
class SamplerBehaviourTest {
  private static final SearchSpace UNIT_SQUARE = SearchSpace.builder()
      .add("a", FloatDistribution.uniform(0, 1))
      .add("b", FloatDistribution.uniform(0, 1))
      .build();

  private static List<FrozenTrial> run(String sampler, Map<String, Object> options, long seed, SearchSpace space,
      int trials, ToDoubleFunction<ParamValues> loss) {
    Study study = Study.builder("s", space).direction(Direction.MINIMIZE)
        .sampler(Samplers.create(sampler, options, seed)).open();
    study.optimize(t -> loss.applyAsDouble(t.params()), StudyOptions.trials(trials));
    return study.trials();
  }

  private static double best(List<FrozenTrial> trials, int upTo) {
    return trials.subList(0, upTo).stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
  }

  @Test
  void sobolPutsExactlyOnePointInEachStratumOfEachParameter() {
    for (long seed = 0; seed < 3; seed++) {
      List<FrozenTrial> trials = run("sobol", Map.of(), seed, UNIT_SQUARE, 64, p -> 0);
      for (String name : List.of("a", "b")) {
        boolean[] hit = new boolean[64];
        for (FrozenTrial t : trials) {
          hit[(int) (t.params().getDouble(name) * 64)] = true;
        }
        for (int i = 0; i < 64; i++) {
          assertTrue(hit[i], "seed " + seed + ": no point of `" + name + "` in [" + i + "/64, " + (i + 1) + "/64)");
        }
      }
    }
  }

  @Test
  void randomAndSobolSpreadLogParamsEvenlyOverDecades() {
    SearchSpace space = SearchSpace.builder().add("lr", FloatDistribution.logUniform(1e-4, 1e-1)).build();
    for (String sampler : List.of("random", "sobol")) {
      int[] perDecade = new int[3];
      for (FrozenTrial t : run(sampler, Map.of(), 1, space, 300, p -> 0)) {
        perDecade[(int) Math.floor(Math.log10(t.params().getDouble("lr")) + 4)]++;
      }
      for (int d = 0; d < 3; d++) {
        assertTrue(perDecade[d] > 70 && perDecade[d] < 130, sampler + " decade counts " + List.of(perDecade[0], perDecade[1], perDecade[2]));
      }
    }
  }

  /**
   * TPE reuses the rows it read at its last ask: one sampler asked for two studies in turn (the
   * same positions, other trials) suggests exactly what a fresh sampler suggests on each.
   */
  @Test
  void tpeSuggestsTheSameWhetherOrNotItAskedBefore() {
    List<FrozenTrial> a = run("tpe", Map.of("startup", 5), 3, UNIT_SQUARE, 40, p -> p.getDouble("a"));
    List<FrozenTrial> b = run("tpe", Map.of("startup", 5), 3, UNIT_SQUARE, 40, p -> -p.getDouble("b"));
    Sampler shared = Samplers.create("tpe", Map.of("startup", 5), 3);
    for (int i = 5; i < 40; i++) {
      for (List<FrozenTrial> trials : List.of(a, b)) {
        SamplingContext context = new SamplingContext(UNIT_SQUARE, trials.subList(0, i), Direction.MINIMIZE, i);
        ParamValues fresh = Samplers.create("tpe", Map.of("startup", 5), 3).sample(context);
        assertEquals(trials.get(i).params(), fresh, "trial " + i);
        assertEquals(fresh, shared.sample(context), "trial " + i);
      }
    }
  }

  @Test
  void tpeBeatsRandomSearchOnAQuadratic() {
    ToDoubleFunction<ParamValues> bowl = p -> Math.pow(p.getDouble("a") - 0.3, 2) + Math.pow(p.getDouble("b") - 0.7, 2);
    for (long seed = 0; seed < 3; seed++) {
      double tpe = best(run("tpe", Map.of(), seed, UNIT_SQUARE, 60, bowl), 60);
      double random = best(run("random", Map.of(), seed, UNIT_SQUARE, 60, bowl), 60);
      assertTrue(tpe < random, "seed " + seed + ": tpe " + tpe + " vs random " + random);
      assertTrue(tpe < 1e-3, "seed " + seed + ": tpe only reached " + tpe);
    }
  }

  @Test
  void tpeLearnsWhichCategoryAndConditionalValueAreGood() {
    SearchSpace space = SearchSpace.builder()
        .add("opt", CategoricalDistribution.of("adam", "sgd", "nesterovs"))
        .add("momentum", FloatDistribution.uniform(0, 1), dev.hyp.runtime.space.ParamCondition.equalTo("opt", "nesterovs"))
        .add("depth", IntDistribution.uniform(1, 8))
        .build();
    ToDoubleFunction<ParamValues> loss = p -> (p.has("momentum") ? Math.abs(p.getDouble("momentum") - 0.9) : 1)
        + Math.abs(p.getLong("depth") - 3) * 0.1;
    List<FrozenTrial> trials = run("tpe", Map.of(), 5, space, 80, loss);
    List<FrozenTrial> late = trials.subList(40, 80);
    long nesterovs = late.stream().filter(t -> t.params().getString("opt").equals("nesterovs")).count();
    assertTrue(nesterovs > 25, "nesterovs chosen in " + nesterovs + " of the last 40 trials");
    FrozenTrial best = trials.stream().min((x, y) -> Double.compare(x.value(), y.value())).orElseThrow();
    assertEquals(3, best.params().getLong("depth"));
    assertTrue(Math.abs(best.params().getDouble("momentum") - 0.9) < 0.05, best.toString());
  }

  @Test
  void tpeAsksDifferentPointsWhileEarlierOnesAreStillRunning() {
    Study study = Study.builder("liar", UNIT_SQUARE).sampler(Samplers.create("tpe", Map.of(), 0)).open();
    for (int i = 0; i < 20; i++) {
      Trial t = study.ask();
      study.tell(t, Math.abs(t.params().getDouble("a") - 0.5));
    }
    // four asks with no tell in between, as four parallel workers would do
    List<ParamValues> pending = List.of(study.ask().params(), study.ask().params(), study.ask().params(),
        study.ask().params());
    assertEquals(4, pending.stream().distinct().count());
  }

  @Test
  void evolutionImprovesOnItsRandomFirstGeneration() {
    ToDoubleFunction<ParamValues> bowl = p -> Math.pow(p.getDouble("a") - 0.3, 2) + Math.pow(p.getDouble("b") - 0.7, 2);
    List<FrozenTrial> trials = run("evolution", Map.of("population", 10), 2, UNIT_SQUARE, 100, bowl);
    double firstGeneration = trials.subList(0, 10).stream().mapToDouble(FrozenTrial::value).average().orElseThrow();
    double lastGeneration = trials.subList(90, 100).stream().mapToDouble(FrozenTrial::value).average().orElseThrow();
    assertTrue(lastGeneration < firstGeneration / 5, firstGeneration + " -> " + lastGeneration);
  }

  @Test
  void unknownStrategiesAndOptionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Samplers.create("bayes", Map.of(), 0));
    assertThrows(IllegalArgumentException.class, () -> Samplers.create("tpe", Map.of("starup", 5), 0));
    assertThrows(IllegalArgumentException.class, () -> Samplers.create("tpe", Map.of("startup", "ten"), 0));
  }
}
