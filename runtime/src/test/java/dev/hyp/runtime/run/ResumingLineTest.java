package dev.hyp.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The first line of a continued run counts what counts toward the budget, and names interrupted trials apart. */
class ResumingLineTest {
  private static FrozenTrial trial(int number, TrialState state, String reason, String carriedFrom) {
    Instant now = Instant.EPOCH;
    return new FrozenTrial(number, state, ParamValues.of(Map.of()), state == TrialState.COMPLETE ? 0.5 : null, reason,
        new TreeMap<>(), "p", now, now, carriedFrom);
  }

  @Test
  void interruptedTrialsAreNotCountedAsDone() {
    List<FrozenTrial> trials = List.of(
        trial(0, TrialState.COMPLETE, null, null),
        trial(1, TrialState.PRUNED, null, null),
        trial(2, TrialState.FAILED, FrozenTrial.INTERRUPTED, null),
        trial(3, TrialState.FAILED, FrozenTrial.INTERRUPTED, null));
    assertEquals("hyp: resuming: 2 trials already done; 2 interrupted ones do not count toward the budget",
        ExperimentRun.resumingLine(trials));
  }

  @Test
  void aPlainContinuationReadsAsBefore() {
    assertEquals("hyp: resuming: 2 trials already done", ExperimentRun.resumingLine(List.of(
        trial(0, TrialState.COMPLETE, null, null), trial(1, TrialState.FAILED, "diverged", null))));
    assertEquals("hyp: resuming: 1 trial already done; 1 interrupted one does not count toward the budget",
        ExperimentRun.resumingLine(List.of(
            trial(0, TrialState.COMPLETE, null, null), trial(1, TrialState.FAILED, FrozenTrial.INTERRUPTED, null))));
  }

  @Test
  void carriedAndRunningTrialsAreNotThisStudysWork() {
    assertNull(ExperimentRun.resumingLine(List.of(
        trial(0, TrialState.COMPLETE, null, "v1#0"), trial(1, TrialState.RUNNING, null, null))));
    assertNull(ExperimentRun.resumingLine(List.of()));
  }
}
