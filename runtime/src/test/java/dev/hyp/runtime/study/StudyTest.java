package dev.hyp.runtime.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.storage.InMemoryStorage;
import dev.hyp.runtime.storage.StudyMismatchException;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StudyTest {
  private static final SearchSpace SPACE = SearchSpace.builder().add("x", FloatDistribution.uniform(-1, 1)).build();

  private static Study study(Direction direction) {
    return Study.builder("s", SPACE).direction(direction).sampler(Samplers.create("random", Map.of(), 0)).open();
  }

  @Test
  void runsExactlyTheTrialBudgetAndFindsTheBest() {
    Study study = study(Direction.MAXIMIZE);
    StudyResult result = study.optimize(t -> -Math.abs(t.params().getDouble("x")), StudyOptions.trials(25));
    assertEquals(StopReason.TRIALS, result.stopReason());
    assertEquals(25, result.count(TrialState.COMPLETE));
    double best = result.trials().stream().mapToDouble(FrozenTrial::value).max().orElseThrow();
    assertEquals(best, result.best().orElseThrow().value());
  }

  @Test
  void parallelTrialsRunAtTheSameTime() throws Exception {
    Study study = study(Direction.MINIMIZE);
    CountDownLatch bothRunning = new CountDownLatch(2);
    StudyResult result = study.optimize(t -> {
      bothRunning.countDown();
      // a single worker would wait here forever and fail the trial
      if (!bothRunning.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("trials did not overlap");
      }
      return 1.0;
    }, StudyOptions.trials(4).withParallel(2));
    assertEquals(4, result.count(TrialState.COMPLETE));
  }

  @Test
  void anExceptionFailsTheTrialWithItsMessageAndTheStudyGoesOn() {
    Study study = study(Direction.MINIMIZE);
    AtomicInteger calls = new AtomicInteger();
    StudyResult result = study.optimize(t -> {
      if (calls.incrementAndGet() == 2) {
        throw new IllegalStateException("diverged at epoch 3");
      }
      return 1.0;
    }, StudyOptions.trials(5));
    assertEquals(4, result.count(TrialState.COMPLETE));
    FrozenTrial failed = result.trials().get(1);
    assertEquals(TrialState.FAILED, failed.state());
    assertEquals("diverged at epoch 3", failed.reason());
  }

  @Test
  void stopsAfterMaxFailures() {
    Study study = study(Direction.MINIMIZE);
    StudyResult result = study.optimize(t -> {
      throw new RuntimeException("boom");
    }, StudyOptions.trials(50).withMaxFailures(3));
    assertEquals(StopReason.MAX_FAILURES, result.stopReason());
    assertEquals(3, result.count(TrialState.FAILED));
  }

  @Test
  void stopsOnceTheTargetIsReached() {
    Study study = study(Direction.MAXIMIZE);
    AtomicInteger calls = new AtomicInteger();
    StudyResult result = study.optimize(t -> calls.incrementAndGet() == 4 ? 0.99 : 0.5,
        StudyOptions.trials(50).withTarget(0.98));
    assertEquals(StopReason.TARGET, result.stopReason());
    assertEquals(4, result.trials().size());
  }

  @Test
  void stopsStartingTrialsAfterTheTimeout() {
    Study study = study(Direction.MINIMIZE);
    StudyResult result = study.optimize(t -> {
      Thread.sleep(50);
      return 0;
    }, new StudyOptions(null, 1, Duration.ofMillis(300), null, null));
    assertEquals(StopReason.TIMEOUT, result.stopReason());
    // about 6 trials fit in 300 ms; without a timeout the study would never stop
    assertTrue(result.trials().size() <= 7, result.trials().size() + " trials");
  }

  @Test
  void prunedTrialsKeepTheirLastIntermediateValue() {
    Study study = study(Direction.MINIMIZE);
    StudyResult result = study.optimize(t -> {
      t.report(1, 0.7);
      t.report(2, 0.6);
      throw new TrialPrunedException();
    }, StudyOptions.trials(2));
    assertEquals(2, result.count(TrialState.PRUNED));
    FrozenTrial pruned = result.trials().get(0);
    assertEquals(0.6, pruned.value());
    assertEquals(Map.of(1, 0.7, 2, 0.6), pruned.intermediate());
  }

  @Test
  void nanFailsTheTrial() {
    Study study = study(Direction.MINIMIZE);
    Trial t = study.ask();
    study.tell(t, Double.NaN);
    assertEquals(TrialState.FAILED, t.frozen().state());
    assertEquals("objective returned NaN", t.frozen().reason());
  }

  @Test
  void aTrialCannotBeToldTwice() {
    Study study = study(Direction.MINIMIZE);
    Trial t = study.ask();
    study.tell(t, 1.0);
    assertThrows(IllegalStateException.class, () -> study.tell(t, 2.0));
  }

  @Test
  void listenersHearEveryStartAndFinish() {
    Study study = study(Direction.MINIMIZE);
    List<String> events = new CopyOnWriteArrayList<>();
    study.addListener(new StudyListener() {
      @Override
      public void trialStarted(Study s, FrozenTrial t) {
        events.add("start " + t.number() + " " + t.state());
      }

      @Override
      public void trialFinished(Study s, FrozenTrial t) {
        events.add("finish " + t.number() + " " + t.state());
      }
    });
    study.optimize(t -> 1.0, StudyOptions.trials(2));
    assertEquals(List.of("start 0 RUNNING", "finish 0 COMPLETE", "start 1 RUNNING", "finish 1 COMPLETE"), events);
  }

  @Test
  void reopeningAStudyContinuesItAndCountsTheBudgetFromWhatWasDone() {
    InMemoryStorage storage = new InMemoryStorage();
    Study first = Study.builder("resume", SPACE).storage(storage).specHash("h1").open();
    first.optimize(t -> 1.0, StudyOptions.trials(3));
    Study again = Study.builder("resume", SPACE).storage(storage).specHash("h1").open();
    StudyResult result = again.optimize(t -> 2.0, StudyOptions.trials(5));
    assertEquals(5, result.trials().size());
    assertEquals(List.of(1.0, 1.0, 1.0, 2.0, 2.0), result.trials().stream().map(FrozenTrial::value).toList());
  }

  @Test
  void reopeningWithAnotherSpecOrDirectionIsRefused() {
    InMemoryStorage storage = new InMemoryStorage();
    Study.builder("s", SPACE).storage(storage).specHash("h1").open();
    assertThrows(StudyMismatchException.class, () -> Study.builder("s", SPACE).storage(storage).specHash("h2").open());
    assertThrows(StudyMismatchException.class,
        () -> Study.builder("s", SPACE).storage(storage).specHash("h1").direction(Direction.MAXIMIZE).open());
  }

  @Test
  void reopeningWithAnotherSecondObjectiveIsRefusedThoughTheSpecHashIsTheSame() {
    InMemoryStorage storage = new InMemoryStorage();
    dev.hyp.runtime.trial.Objectives accuracyAndSize = new dev.hyp.runtime.trial.Objectives(
        java.util.List.of(Direction.MAXIMIZE, Direction.MINIMIZE));
    Study.builder("s", SPACE).storage(storage).specHash("h").objectives(accuracyAndSize)
        .objectiveNames(java.util.List.of("accuracy on validation", "params")).open();
    assertThrows(StudyMismatchException.class, () -> Study.builder("s", SPACE).storage(storage).specHash("h")
        .objectives(new dev.hyp.runtime.trial.Objectives(java.util.List.of(Direction.MAXIMIZE, Direction.MAXIMIZE)))
        .open());
    assertThrows(StudyMismatchException.class, () -> Study.builder("s", SPACE).storage(storage).specHash("h")
        .objectives(accuracyAndSize).objectiveNames(java.util.List.of("accuracy on validation", "latency")).open());
    Study.builder("s", SPACE).storage(storage).specHash("h").objectives(accuracyAndSize)
        .objectiveNames(java.util.List.of("accuracy on validation", "params")).open();
  }
}
