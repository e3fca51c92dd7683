package dev.hyp.runtime.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every pruner promises ({@link Pruner}'s contract), checked on each of them over many
 * seeded random studies: decisions depend only on the stored trials, so processes sharing a study
 * agree; nothing is pruned before it reports or when it is alone; the trial that leads at every
 * epoch is never pruned; and maximising is minimising the negated values.
 */
class PrunerContractTest {
  private static final int EPOCHS = 27;
  private static final int STUDIES = 200;

  static List<String> pruners() {
    return Pruners.NAMES;
  }

  /** Options that make each pruner decide early and often within a short study. */
  private static Pruner create(String name) {
    return Pruners.create(name, switch (name) {
      case "median" -> Map.of("warmup", 1, "startup", 2);
      case "asha" -> Map.of("min_epochs", 1, "reduction", 3);
      case "hyperband" -> Map.of("min_epochs", 1, "reduction", 3, "max_epochs", EPOCHS);
      default -> Map.of();
    });
  }

  private static FrozenTrial trial(int number, TrialState state, double[] curve, int steps, double sign) {
    TreeMap<Integer, Double> values = new TreeMap<>();
    for (int epoch = 1; epoch <= steps; epoch++) {
      values.put(epoch, sign * curve[epoch - 1]);
    }
    Double value = state == TrialState.COMPLETE ? sign * curve[steps - 1] : null;
    return new FrozenTrial(number, state, ParamValues.empty(), value, null, values, "test", Instant.EPOCH,
        state == TrialState.RUNNING ? null : Instant.EPOCH);
  }

  /** A seeded study of decreasing loss curves: finished trials of every kind, and one running. */
  private record Case(List<double[]> curves, List<TrialState> states, List<Integer> steps) {
    static Case random(long seed) {
      Random random = new Random(seed);
      int trials = 1 + random.nextInt(40);
      List<double[]> curves = new ArrayList<>();
      List<TrialState> states = new ArrayList<>();
      List<Integer> steps = new ArrayList<>();
      for (int i = 0; i < trials; i++) {
        double start = 1 + random.nextDouble();
        double rate = 0.01 + 0.2 * random.nextDouble();
        double[] curve = new double[EPOCHS];
        for (int e = 0; e < EPOCHS; e++) {
          curve[e] = start * Math.exp(-rate * e) + 0.01 * random.nextDouble();
        }
        curves.add(curve);
        boolean last = i == trials - 1;
        TrialState state = last ? TrialState.RUNNING
            : List.of(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAILED)
                .get(random.nextInt(4));
        states.add(state);
        steps.add(state == TrialState.COMPLETE ? EPOCHS : 1 + random.nextInt(EPOCHS));
      }
      return new Case(curves, states, steps);
    }

    /** The study as a pruner sees it; maximising stores the negated losses. */
    List<FrozenTrial> trials(Direction direction) {
      double sign = direction == Direction.MINIMIZE ? 1 : -1;
      List<FrozenTrial> trials = new ArrayList<>();
      for (int i = 0; i < curves.size(); i++) {
        trials.add(trial(i, states.get(i), curves.get(i), steps.get(i), sign));
      }
      return Collections.unmodifiableList(trials);
    }
  }

  private static boolean decide(Pruner pruner, Case c, Direction direction) {
    List<FrozenTrial> trials = c.trials(direction);
    return pruner.shouldPrune(trials.get(trials.size() - 1), trials, direction);
  }

  @ParameterizedTest
  @MethodSource("pruners")
  void aFreshPrunerAndTheSameOneAskedAgainDecideTheSame(String name) {
    Pruner pruner = create(name);
    for (long seed = 0; seed < STUDIES; seed++) {
      Case c = Case.random(seed);
      boolean first = decide(pruner, c, Direction.MINIMIZE);
      assertEquals(first, decide(pruner, c, Direction.MINIMIZE), name + ", study " + seed);
      assertEquals(first, decide(create(name), c, Direction.MINIMIZE), name + ", study " + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("pruners")
  void maximisingIsMinimisingTheNegatedValues(String name) {
    Pruner pruner = create(name);
    for (long seed = 0; seed < STUDIES; seed++) {
      Case c = Case.random(seed);
      assertEquals(decide(pruner, c, Direction.MINIMIZE), decide(pruner, c, Direction.MAXIMIZE),
          name + ", study " + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("pruners")
  void whetherTheStudyListsTheTrialItselfDoesNotMatter(String name) {
    Pruner pruner = create(name);
    for (long seed = 0; seed < STUDIES; seed++) {
      List<FrozenTrial> trials = Case.random(seed).trials(Direction.MINIMIZE);
      FrozenTrial running = trials.get(trials.size() - 1);
      assertEquals(pruner.shouldPrune(running, trials, Direction.MINIMIZE),
          pruner.shouldPrune(running, trials.subList(0, trials.size() - 1), Direction.MINIMIZE),
          name + ", study " + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("pruners")
  void nothingIsPrunedBeforeItReportsOrWhileItIsAlone(String name) {
    Pruner pruner = create(name);
    for (long seed = 0; seed < STUDIES; seed++) {
      List<FrozenTrial> trials = Case.random(seed).trials(Direction.MINIMIZE);
      FrozenTrial running = trials.get(trials.size() - 1);
      FrozenTrial silent = new FrozenTrial(running.number(), TrialState.RUNNING, ParamValues.empty(), null, null,
          new TreeMap<>(), "test", Instant.EPOCH, null);
      assertFalse(pruner.shouldPrune(silent, trials, Direction.MINIMIZE), name + ", study " + seed);
      assertFalse(pruner.shouldPrune(running, List.of(running), Direction.MINIMIZE), name + ", study " + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("pruners")
  void theTrialThatLeadsAtEveryEpochIsNeverPruned(String name) {
    Pruner pruner = create(name);
    for (long seed = 0; seed < STUDIES; seed++) {
      Case c = Case.random(seed);
      double[] leader = new double[EPOCHS];
      for (int e = 0; e < EPOCHS; e++) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] curve : c.curves()) {
          best = Math.min(best, curve[e]);
        }
        leader[e] = best - 0.001;
      }
      List<double[]> curves = new ArrayList<>(c.curves());
      curves.set(curves.size() - 1, leader);
      Case led = new Case(curves, c.states(), c.steps());
      for (Direction direction : Direction.values()) {
        assertFalse(decide(pruner, led, direction), name + ", study " + seed + ", " + direction);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("pruners")
  void concurrentCallsAgreeWithOneThread(String name) throws Exception {
    Pruner pruner = create(name);
    List<Boolean> expected = new ArrayList<>();
    for (long seed = 0; seed < STUDIES; seed++) {
      expected.add(decide(pruner, Case.random(seed), Direction.MINIMIZE));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> decisions = new ArrayList<>();
      for (long seed = 0; seed < STUDIES; seed++) {
        Case c = Case.random(seed);
        decisions.add(threads.submit(() -> decide(pruner, c, Direction.MINIMIZE)));
      }
      for (int i = 0; i < STUDIES; i++) {
        assertEquals(expected.get(i), decisions.get(i).get(), name + ", study " + i);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @ParameterizedTest
  @MethodSource("pruners")
  void somethingIsPrunedSoTheOtherPromisesAreNotEmpty(String name) {
    if (name.equals("none")) {
      return; // the one pruner that never prunes
    }
    Pruner pruner = create(name);
    int pruned = 0;
    for (long seed = 0; seed < STUDIES; seed++) {
      pruned += decide(pruner, Case.random(seed), Direction.MINIMIZE) ? 1 : 0;
    }
    assertTrue(pruned > STUDIES / 20, name + " pruned " + pruned + " of " + STUDIES);
  }
}
