package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every search strategy promises, checked on each of them. */
class SamplerContractTest {
  private static final int TRIALS = 60;

  static List<String> samplers() {
    return Samplers.NAMES;
  }

  private static SearchSpace spaceFor(String sampler) {
    return TestSpaces.iris(sampler.equals("grid"));
  }

  private static Map<String, Object> optionsFor(String sampler) {
    // small populations and startups so the model-based part runs within a short test
    return switch (sampler) {
      case "tpe" -> Map.of("startup", 8);
      case "evolution" -> Map.of("population", 8);
      case "gp" -> Map.of("startup", 8, "candidates", 64);
      default -> Map.of();
    };
  }

  private static Study study(String sampler, long seed) {
    return Study.builder("contract", spaceFor(sampler))
        .sampler(Samplers.create(sampler, optionsFor(sampler), seed))
        .direction(Direction.MINIMIZE)
        .open();
  }

  /** The grid walks its whole (small) space, since its order varies early parameters last. */
  private static int trialsFor(String sampler) {
    return sampler.equals("grid") ? Math.toIntExact(GridSampler.size(spaceFor(sampler))) : TRIALS;
  }

  private static List<ParamValues> run(String sampler, long seed) {
    Study study = study(sampler, seed);
    study.optimize(t -> TestSpaces.irisLoss(t.params()), StudyOptions.trials(trialsFor(sampler)));
    return study.trials().stream().map(FrozenTrial::params).collect(Collectors.toList());
  }

  @ParameterizedTest
  @MethodSource("samplers")
  void everyTrialHasExactlyTheParamsItsConditionsAllowWithinRange(String sampler) {
    SearchSpace space = spaceFor(sampler);
    for (ParamValues p : run(sampler, 1)) {
      assertTrue(space.admits(p), sampler + " produced " + p);
      assertTrue(p.get("depth") instanceof Long, "int parameters are Long");
      assertTrue(p.get("lr") instanceof Double, "float parameters are Double");
      assertEquals(1e-4, p.getDouble("l2"), "constants are present in every trial");
    }
  }

  @ParameterizedTest
  @MethodSource("samplers")
  void conditionalAndPerLayerParamsAppearAndDisappear(String sampler) {
    List<ParamValues> trials = run(sampler, 2);
    assertTrue(trials.stream().anyMatch(p -> p.has("momentum")), "momentum sometimes exists");
    assertTrue(trials.stream().anyMatch(p -> !p.has("momentum")), "momentum sometimes does not");
    Set<Long> depths = trials.stream().map(p -> p.getLong("depth")).collect(Collectors.toSet());
    assertTrue(depths.size() >= 2, sampler + " explored depths " + depths);
    for (ParamValues p : trials) {
      long depth = p.getLong("depth");
      for (int i = 1; i <= 3; i++) {
        assertEquals(i <= depth, p.has("units[" + i + "]"), p.toString());
      }
      assertEquals(p.getString("opt").equals("nesterovs"), p.has("momentum"), p.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("samplers")
  void sameSeedGivesSameTrialsAndAnotherSeedDoesNot(String sampler) {
    List<ParamValues> first = run(sampler, 7);
    assertEquals(first, run(sampler, 7));
    if (!sampler.equals("grid")) {
      assertNotEquals(first, run(sampler, 8));
    }
  }

  @ParameterizedTest
  @MethodSource("samplers")
  void concurrentAskAndTellFromSeveralThreadsIsSafe(String sampler) throws Exception {
    Study study = study(sampler, 3);
    SearchSpace space = spaceFor(sampler);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      futures.add(pool.submit(() -> {
        Trial t = study.ask();
        study.tell(t, TestSpaces.irisLoss(t.params()));
        return t.number();
      }));
    }
    Set<Integer> numbers = new HashSet<>();
    for (Future<Integer> f : futures) {
      numbers.add(f.get());
    }
    pool.shutdown();
    assertEquals(40, numbers.size(), "every trial got its own number");
    List<FrozenTrial> trials = study.trials();
    assertEquals(40, trials.size());
    for (FrozenTrial t : trials) {
      assertEquals(TrialState.COMPLETE, t.state());
      assertTrue(space.admits(t.params()), t.params().toString());
    }
    if (sampler.equals("grid")) {
      assertEquals(40, trials.stream().map(FrozenTrial::params).distinct().count(), "grid never repeats a point");
    }
  }

  /**
   * Resuming a study gives the sampler the stored trials and nothing else: the suggestion for the
   * next trial must be the one an uninterrupted sequential run made there.
   */
  @ParameterizedTest
  @MethodSource("samplers")
  void aFreshSamplerGivenTheStoredTrialsSuggestsWhatTheUninterruptedRunDid(String sampler) {
    Study study = study(sampler, 5);
    int trials = Math.min(trialsFor(sampler), 40);
    study.optimize(t -> TestSpaces.irisLoss(t.params()), StudyOptions.trials(trials));
    List<FrozenTrial> all = study.trials();
    for (int k : new int[] {trials / 4, trials / 2, trials - 1}) {
      Sampler resumed = Samplers.create(sampler, optionsFor(sampler), 5);
      ParamValues next = resumed.sample(new SamplingContext(spaceFor(sampler), all.subList(0, k), Direction.MINIMIZE, k));
      assertEquals(all.get(k).params(), next, sampler + " at trial " + k);
    }
  }

  /** With parallel trials, an ask while another trial runs must not hand out the running trial's point. */
  @ParameterizedTest
  @MethodSource("samplers")
  void anAskWhileATrialRunsSuggestsAnotherPoint(String sampler) {
    Study study = study(sampler, 6);
    study.optimize(t -> TestSpaces.irisLoss(t.params()), StudyOptions.trials(Math.min(trialsFor(sampler), 30)));
    Trial running = study.ask();
    Trial second = study.ask();
    assertNotEquals(running.params(), second.params(), sampler);
  }
}
