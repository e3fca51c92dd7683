package dev.hyp.runtime.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ProgressTest {
  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }
  }

  static FrozenTrial trial(int number, TrialState state, Double value, String reason) {
    TreeMap<Integer, Double> curve = new TreeMap<>();
    curve.put(1, value == null ? 0.1 : value);
    return new FrozenTrial(number, state, ParamValues.of(Map.of("lr", 0.01)), value, reason, curve, "test",
        Instant.EPOCH, Instant.EPOCH.plusMillis(1500));
  }

  @Test
  void countsTheBestAndEstimatesWhatIsLeftFromThroughput() {
    ManualClock clock = new ManualClock();
    SearchProgress progress = new SearchProgress(10, Direction.MAXIMIZE, List.of(), clock);
    assertNull(progress.snapshot().eta(), "nothing finished: no estimate");
    progress.started();
    progress.started();
    clock.advance(Duration.ofSeconds(20));
    progress.finished(trial(0, TrialState.COMPLETE, 0.8, null));
    progress.finished(trial(1, TrialState.PRUNED, 0.3, null));
    progress.started();
    ProgressSnapshot now = progress.snapshot();
    assertEquals(2, now.done());
    assertEquals(1, now.running());
    assertEquals(1, now.pruned());
    assertEquals(0.8, now.best());
    assertEquals(0, now.bestTrial());
    // two trials in 20 s, eight left
    assertEquals(Duration.ofSeconds(80), now.eta());
    assertEquals("hyp: 2/10 trials done, 1 running, 1 pruned, 0 failed; best accuracy 0.8000 (trial 0); 0:20 elapsed, "
        + "about 1:20 left", now.line("accuracy"));
  }

  @Test
  void aResumedStudyCountsItsEarlierTrialsButNotInterruptedOnes() {
    ManualClock clock = new ManualClock();
    List<FrozenTrial> earlier = List.of(trial(0, TrialState.COMPLETE, 2.0, null),
        trial(1, TrialState.FAILED, null, FrozenTrial.INTERRUPTED), trial(2, TrialState.FAILED, null, "NaN loss"));
    SearchProgress progress = new SearchProgress(5, Direction.MINIMIZE, earlier, clock);
    ProgressSnapshot now = progress.snapshot();
    assertEquals(2, now.done());
    assertEquals(1, now.failed());
    assertEquals(2.0, now.best());
    assertNull(now.eta(), "the earlier trials say nothing about this run's speed");
    progress.finished(trial(3, TrialState.COMPLETE, 1.0, null));
    assertEquals(1.0, progress.snapshot().best(), "minimizing: lower is better");
  }

  @Test
  void plainOutputHasATrialLineEachAndAStatusLineAtMostPerInterval() {
    ManualClock clock = new ManualClock();
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    SearchProgress progress = new SearchProgress(3, Direction.MAXIMIZE, List.of(), clock);
    PlainProgress plain = new PlainProgress(out, "accuracy", progress, Duration.ofSeconds(30), clock);
    plain.trialStarted(null, null);
    clock.advance(Duration.ofSeconds(10));
    plain.trialFinished(null, trial(0, TrialState.COMPLETE, 0.9, null));
    plain.trialStarted(null, null);
    clock.advance(Duration.ofSeconds(25));
    plain.trialFinished(null, trial(1, TrialState.FAILED, null, "NaN loss"));
    String[] lines = text.toString().split("\n");
    assertEquals(3, lines.length, text.toString());
    assertTrue(lines[0].startsWith("trial   0 complete accuracy 0.9000  lr=0.01000  (1 epochs, 1.5s)"), lines[0]);
    assertTrue(lines[1].startsWith("trial   1 failed   failed: NaN loss"), lines[1]);
    assertTrue(lines[2].startsWith("hyp: 2/3 trials done, 0 running, 0 pruned, 1 failed; best accuracy 0.9000"), lines[2]);
    assertFalse(text.toString().contains("\r") || text.toString().contains("\u001b"), "no terminal codes in logs");
  }

  @Test
  void trialsFinishingOnManyThreadsAreAllCountedAndPrintedWhole() throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    SearchProgress progress = new SearchProgress(400, Direction.MAXIMIZE, List.of(), Clock.systemUTC());
    PlainProgress plain = new PlainProgress(out, "accuracy", progress, Duration.ofDays(1), Clock.systemUTC());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int number = i;
      done.add(pool.submit(() -> {
        plain.trialStarted(null, null);
        plain.trialFinished(null, trial(number, TrialState.COMPLETE, number / 1000.0, null));
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    ProgressSnapshot now = progress.snapshot();
    assertEquals(400, now.done());
    assertEquals(0, now.running());
    assertEquals(399, now.bestTrial());
    String[] lines = text.toString().split("\n");
    assertEquals(400, lines.length);
    for (String line : lines) {
      assertTrue(line.matches("trial +\\d+ complete accuracy \\d\\.\\d{4}  lr=0\\.01000  \\(1 epochs, 1\\.5s\\)"), line);
    }
  }
}
