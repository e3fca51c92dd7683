package dev.hyp.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The end-of-run counts say what this run did, not what it inherited or what a dead process left. */
class RunSummaryTest {
  private static FrozenTrial trial(int number, TrialState state, String reason, String carriedFrom) {
    Instant now = Instant.EPOCH;
    return new FrozenTrial(number, state, ParamValues.of(Map.of()), state == TrialState.COMPLETE ? 0.5 : null, reason,
        new TreeMap<>(), "p", now, now, carriedFrom);
  }

  @Test
  void carriedAndInterruptedTrialsAreCountedApart() {
    List<FrozenTrial> trials = List.of(
        trial(0, TrialState.COMPLETE, null, "v1#0"),
        trial(1, TrialState.FAILED, "diverged", "v1#1"),
        trial(2, TrialState.COMPLETE, null, null),
        trial(3, TrialState.PRUNED, null, null),
        trial(4, TrialState.FAILED, FrozenTrial.INTERRUPTED, null),
        trial(5, TrialState.FAILED, "out of memory", null));
    assertEquals("1 complete, 1 pruned, 1 failed, 1 interrupted; 2 carried from earlier versions",
        RunSummary.counts(trials));
  }

  @Test
  void aPlainRunReadsAsBefore() {
    assertEquals("1 complete, 0 pruned, 1 failed",
        RunSummary.counts(List.of(trial(0, TrialState.COMPLETE, null, null), trial(1, TrialState.FAILED, "x", null))));
  }
}
