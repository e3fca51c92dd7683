package dev.hyp.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every storage promises; each implementation runs it through a subclass. */
abstract class StorageContractTest {
  private static final int NO_BUDGET = Integer.MAX_VALUE;
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123Z");

  @TempDir
  Path dir;

  Storage storage;

  /** A fresh, empty storage keeping its files (if any) under {@code dir}. */
  abstract Storage create(Path dir);

  @BeforeEach
  void open() {
    storage = create(dir);
  }

  @AfterEach
  void close() {
    storage.close();
  }

  static ParamValues params() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lr", 0.001);
    m.put("depth", 2L);
    m.put("units[1]", 64L);
    m.put("units[2]", 16L);
    m.put("act", "relu");
    m.put("bias", true);
    m.put("ratio", 1.0);
    return ParamValues.of(m);
  }

  private int create(long study, ParamValues params, String owner) {
    return storage.createTrial(study, params, owner, T0, NO_BUDGET).getAsInt();
  }

  @Test
  void aCarriedTrialKeepsItsResultButTakesNoPlaceInTheBudget() {
    long v1 = storage.openStudy("iris", Direction.MAXIMIZE, "h").id();
    int t = create(v1, params(), "p");
    storage.reportIntermediate(v1, t, 1, 0.5);
    storage.reportIntermediate(v1, t, 2, 0.7);
    storage.finishTrial(v1, t, TrialState.COMPLETE, 0.7, null, T0.plusSeconds(3));
    long v2 = storage.openStudy("iris@2", Direction.MAXIMIZE, "h2").id();
    ParamValues renamed = ParamValues.of(Map.of("lr", 0.001));
    assertEquals(0, storage.carryTrial(v2, storage.trial(v1, t), renamed, "v1#" + t));
    FrozenTrial carried = storage.trial(v2, 0);
    assertEquals("v1#0", carried.carriedFrom());
    assertEquals(TrialState.COMPLETE, carried.state());
    assertEquals(0.7, carried.value());
    assertEquals(renamed, carried.params());
    assertEquals(Map.of(1, 0.5, 2, 0.7), carried.intermediate());
    assertEquals(T0.plusSeconds(3), carried.finishedAt());
    assertEquals(false, carried.countsTowardBudget());
    assertEquals(1, storage.createTrial(v2, params(), "p", T0, 1).getAsInt(), "the budget of 1 is still free");
    assertTrue(storage.createTrial(v2, params(), "p", T0, 1).isEmpty());
  }

  @Test
  void keepsEveryObjectiveValueAndTheViolationAlsoWhenCarried() {
    long v1 = storage.openStudy("small", Direction.MAXIMIZE, "h").id();
    int trained = create(v1, params(), "p");
    int rejected = create(v1, params(), "p");
    storage.finishTrial(v1, trained, TrialState.COMPLETE, List.of(0.9, 1234.0), 0.0, null, T0);
    storage.finishTrial(v1, rejected, TrialState.PRUNED, List.of(Double.NaN, 52312.0), 1.6, "params 52312 > 20000",
        T0);
    FrozenTrial ok = storage.trial(v1, trained);
    assertEquals(0.9, ok.value(), "the first objective is the trial's value");
    assertEquals(List.of(0.9, 1234.0), ok.values());
    assertTrue(ok.isFeasible());
    FrozenTrial big = storage.trial(v1, rejected);
    assertNull(big.value(), "a rejected trial has no first value");
    assertTrue(Double.isNaN(big.objectiveValue(0)));
    assertEquals(52312.0, big.objectiveValue(1));
    assertEquals(1.6, big.violation());
    assertEquals("params 52312 > 20000", big.reason());
    assertEquals(false, big.isFeasible());
    long v2 = storage.openStudy("small@2", Direction.MAXIMIZE, "h2").id();
    storage.carryTrial(v2, big, big.params(), "v1#1");
    FrozenTrial carried = storage.trial(v2, 0);
    assertEquals(52312.0, carried.objectiveValue(1));
    assertEquals(1.6, carried.violation());
  }

  @Test
  void keepsTheValidationLossOfACompletedTrialAlsoWhenCarried() {
    long v1 = storage.openStudy("ties", Direction.MAXIMIZE, "h").id();
    int withLoss = create(v1, params(), "p");
    int without = create(v1, params(), "p");
    storage.completeTrial(v1, withLoss, 0.97, 0.087, T0);
    storage.finishTrial(v1, without, TrialState.COMPLETE, 0.97, null, T0);
    FrozenTrial kept = storage.trial(v1, withLoss);
    assertEquals(TrialState.COMPLETE, kept.state());
    assertEquals(0.97, kept.value());
    assertEquals(0.087, kept.validationLoss());
    assertEquals(List.of(), kept.values(), "one objective: no values besides its own");
    assertNull(storage.trial(v1, without).validationLoss(), "told without one");
    assertThrows(IllegalStateException.class, () -> storage.completeTrial(v1, withLoss, 0.5, 0.1, T0));
    long v2 = storage.openStudy("ties@2", Direction.MAXIMIZE, "h2").id();
    storage.carryTrial(v2, kept, kept.params(), "v1#0");
    assertEquals(0.087, storage.trial(v2, 0).validationLoss());
    assertEquals(0.087, storage.trials(v2).get(0).validationLoss());
  }

  @Test
  void aSingleObjectiveTrialHasNoValuesButItsOwn() {
    long s = storage.openStudy("one", Direction.MINIMIZE, "h").id();
    int n = create(s, params(), "p");
    storage.finishTrial(s, n, TrialState.COMPLETE, 0.25, null, T0);
    FrozenTrial t = storage.trial(s, n);
    assertEquals(List.of(), t.values());
    assertEquals(0.25, t.objectiveValue(0));
    assertNull(t.violation());
    assertTrue(t.isFeasible());
  }

  @Test
  void findingAStudyNeitherCreatesNorChangesIt() {
    assertEquals(java.util.Optional.empty(), storage.findStudy("iris"));
    assertEquals(java.util.Optional.empty(), storage.findStudy("iris"), "looking did not create it");
    StudyRecord iris = storage.openStudy("iris", Direction.MAXIMIZE, "h");
    assertEquals(java.util.Optional.of(iris), storage.findStudy("iris"));
  }

  @Test
  void opensAStudyOnceAndFindsItAgainByName() {
    StudyRecord a = storage.openStudy("iris", Direction.MAXIMIZE, "h");
    StudyRecord b = storage.openStudy("mnist", Direction.MINIMIZE, "h");
    assertNotEquals(a.id(), b.id());
    assertEquals(a, storage.openStudy("iris", Direction.MAXIMIZE, "h"));
    assertThrows(StudyMismatchException.class, () -> storage.openStudy("iris", Direction.MINIMIZE, "h"));
    assertThrows(StudyMismatchException.class, () -> storage.openStudy("iris", Direction.MAXIMIZE, "other"));
  }

  @Test
  void keepsEveryObjectiveAndRefusesAStudyReopenedWithOtherObjectives() {
    List<Direction> both = List.of(Direction.MAXIMIZE, Direction.MINIMIZE);
    List<String> names = List.of("accuracy on validation", "params");
    StudyRecord study = storage.openStudy("iris", both, names, "h");
    assertEquals(both, study.directions());
    assertEquals(names, study.objectives());
    assertEquals(study, storage.findStudy("iris").orElseThrow());
    assertEquals(study, storage.openStudy("iris", both, names, "h"), "the same objectives continue it");
    StudyMismatchException direction = assertThrows(StudyMismatchException.class, () -> storage.openStudy("iris",
        List.of(Direction.MAXIMIZE, Direction.MAXIMIZE), names, "h"));
    assertEquals("study `iris` exists with the objectives `maximize accuracy on validation, minimize params`, not"
        + " `maximize accuracy on validation, maximize params`; choose another study name", direction.getMessage());
    assertThrows(StudyMismatchException.class, () -> storage.openStudy("iris", both,
        List.of("accuracy on validation", "latency"), "h"), "another measure");
    assertThrows(StudyMismatchException.class, () -> storage.openStudy("iris", List.of(Direction.MAXIMIZE),
        List.of("accuracy on validation"), "h"), "an objective fewer");
    assertThrows(StudyMismatchException.class, () -> storage.openStudy("iris", Direction.MAXIMIZE, "h"),
        "one objective");
  }

  @Test
  void keepsParamsWithTheirTypesAndOrder() {
    long s = storage.openStudy("s", Direction.MINIMIZE, "").id();
    int n = create(s, params(), "me");
    FrozenTrial t = storage.trial(s, n);
    assertEquals(params(), t.params());
    assertEquals(List.copyOf(params().names()), List.copyOf(t.params().names()));
    assertTrue(t.params().get("ratio") instanceof Double, "1.0 stays a float");
    assertTrue(t.params().get("depth") instanceof Long, "2 stays an integer");
    assertEquals(TrialState.RUNNING, t.state());
    assertEquals("me", t.owner());
    assertEquals(T0, t.startedAt());
    assertNull(t.finishedAt());
  }

  @Test
  void numbersTrialsPerStudyFromZero() {
    long a = storage.openStudy("a", Direction.MINIMIZE, "").id();
    long b = storage.openStudy("b", Direction.MINIMIZE, "").id();
    assertEquals(0, create(a, params(), "me"));
    assertEquals(1, create(a, params(), "me"));
    assertEquals(0, create(b, params(), "me"));
    assertEquals(2, storage.trials(a).size());
    assertEquals(1, storage.trials(b).size());
    assertThrows(IllegalArgumentException.class, () -> storage.trial(b, 1));
  }

  @Test
  void finishesATrialOnceWithItsStateValueAndReason() {
    long s = storage.openStudy("s", Direction.MINIMIZE, "").id();
    int ok = create(s, params(), "me");
    int bad = create(s, params(), "me");
    storage.finishTrial(s, ok, TrialState.COMPLETE, 0.25, null, T0.plusSeconds(5));
    storage.finishTrial(s, bad, TrialState.FAILED, null, "out of memory", T0.plusSeconds(6));
    FrozenTrial done = storage.trial(s, ok);
    assertEquals(TrialState.COMPLETE, done.state());
    assertEquals(0.25, done.value());
    assertEquals(T0.plusSeconds(5), done.finishedAt());
    assertEquals("out of memory", storage.trial(s, bad).reason());
    assertThrows(IllegalStateException.class,
        () -> storage.finishTrial(s, ok, TrialState.PRUNED, 1.0, null, T0));
    assertEquals(TrialState.COMPLETE, storage.trial(s, ok).state(), "a refused finish changes nothing");
  }

  @Test
  void keepsOneIntermediateValuePerStep() {
    long s = storage.openStudy("s", Direction.MINIMIZE, "").id();
    int n = create(s, params(), "me");
    storage.reportIntermediate(s, n, 1, 0.5);
    storage.reportIntermediate(s, n, 2, 0.4);
    storage.reportIntermediate(s, n, 2, 0.3);
    storage.reportIntermediate(s, n, 3, Double.NaN);
    FrozenTrial t = storage.trial(s, n);
    assertEquals(List.of(1, 2, 3), List.copyOf(t.intermediate().keySet()));
    assertEquals(0.3, t.intermediate().get(2));
    assertTrue(t.intermediate().get(3).isNaN(), "a diverged epoch stays NaN");
    storage.finishTrial(s, n, TrialState.PRUNED, 0.3, null, T0);
    assertThrows(IllegalStateException.class, () -> storage.reportIntermediate(s, n, 4, 0.1));
  }

  @Test
  void refusesTrialsBeyondTheBudgetNotCountingInterruptedOnes() {
    long s = storage.openStudy("s", Direction.MINIMIZE, "").id();
    assertTrue(storage.createTrial(s, params(), "dead", T0, 2).isPresent());
    assertTrue(storage.createTrial(s, params(), "alive", T0, 2).isPresent());
    assertEquals(OptionalInt.empty(), storage.createTrial(s, params(), "alive", T0, 2));
    assertEquals(1, storage.markInterrupted(s, (owner, beat) -> owner.equals("dead")));
    assertEquals(OptionalInt.of(2), storage.createTrial(s, params(), "alive", T0, 2));
  }

  @Test
  void marksOnlyRunningTrialsOfGoneOwnersAsInterrupted() {
    long s = storage.openStudy("s", Direction.MINIMIZE, "").id();
    int doneByDead = create(s, params(), "dead");
    storage.finishTrial(s, doneByDead, TrialState.COMPLETE, 1.0, null, T0);
    int runningByDead = create(s, params(), "dead");
    int runningByAlive = create(s, params(), "alive");
    assertEquals(1, storage.markInterrupted(s, (owner, beat) -> owner.equals("dead")));
    assertEquals(TrialState.COMPLETE, storage.trial(s, doneByDead).state());
    FrozenTrial interrupted = storage.trial(s, runningByDead);
    assertEquals(TrialState.FAILED, interrupted.state());
    assertEquals(FrozenTrial.INTERRUPTED, interrupted.reason());
    assertTrue(interrupted.isInterrupted());
    assertEquals(TrialState.RUNNING, storage.trial(s, runningByAlive).state());
  }

  @Test
  void aTrialMarkedInterruptedWhoseProcessLivedOnCanStillBeTold() {
    long s = storage.openStudy("s", Direction.MINIMIZE, "").id();
    int n = create(s, params(), "suspended");
    storage.markInterrupted(s, (owner, beat) -> true);
    storage.reportIntermediate(s, n, 1, 0.5);
    storage.finishTrial(s, n, TrialState.COMPLETE, 0.4, null, T0);
    FrozenTrial t = storage.trial(s, n);
    assertEquals(TrialState.COMPLETE, t.state());
    assertNull(t.reason());
    assertEquals(0.4, t.value());
    assertThrows(IllegalStateException.class, () -> storage.finishTrial(s, n, TrialState.COMPLETE, 0.3, null, T0));
  }

  @Test
  void judgesAbandonedTrialsByTheirLastHeartbeat() {
    long s = storage.openStudy("s", Direction.MINIMIZE, "").id();
    int beating = create(s, params(), "elsewhere");
    int silent = create(s, params(), "elsewhere");
    int done = create(s, params(), "elsewhere");
    storage.finishTrial(s, done, TrialState.COMPLETE, 1.0, null, T0);
    storage.heartbeat(s, List.of(beating, done), T0.plusSeconds(60));
    Map<Integer, Instant> seen = new java.util.HashMap<>();
    // declare gone whatever has not beaten since T0 + 30 s
    int marked = storage.markInterrupted(s, (owner, beat) -> beat.isBefore(T0.plusSeconds(30)));
    assertEquals(1, marked);
    assertEquals(TrialState.RUNNING, storage.trial(s, beating).state());
    assertTrue(storage.trial(s, silent).isInterrupted(), "no heartbeat: judged by its start");
    assertEquals(TrialState.COMPLETE, storage.trial(s, done).state());
    storage.markInterrupted(s, (owner, beat) -> {
      seen.put(0, beat);
      return false;
    });
    assertEquals(Map.of(0, T0.plusSeconds(60)), seen);
  }

  @Test
  void givesEveryConcurrentTrialItsOwnNumber() throws Exception {
    long s = storage.openStudy("s", Direction.MINIMIZE, "").id();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      futures.add(pool.submit(() -> {
        int n = create(s, params(), "me");
        storage.reportIntermediate(s, n, 1, n);
        storage.finishTrial(s, n, TrialState.COMPLETE, (double) n, null, T0);
        return n;
      }));
    }
    Set<Integer> numbers = new HashSet<>();
    for (Future<Integer> f : futures) {
      numbers.add(f.get());
    }
    pool.shutdown();
    assertEquals(40, numbers.size());
    for (FrozenTrial t : storage.trials(s)) {
      assertEquals((double) t.number(), t.value());
      assertEquals((double) t.number(), t.intermediate().get(1));
    }
  }
}
