package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrialRankingTest {
  private static FrozenTrial trial(int number, TrialState state, Double value, int lastStep) {
    TreeMap<Integer, Double> intermediate = new TreeMap<>();
    if (lastStep > 0) {
      intermediate.put(lastStep, value);
    }
    return new FrozenTrial(number, state, ParamValues.empty(), state == TrialState.COMPLETE ? value : null, null,
        intermediate, "me", Instant.EPOCH, null);
  }

  private final List<FrozenTrial> trials = List.of(
      trial(0, TrialState.COMPLETE, 3.0, 0),
      trial(1, TrialState.COMPLETE, 1.0, 0),
      trial(2, TrialState.PRUNED, 0.1, 2),
      trial(3, TrialState.PRUNED, 0.5, 5),
      trial(4, TrialState.RUNNING, null, 0),
      trial(5, TrialState.FAILED, null, 0),
      trial(6, TrialState.COMPLETE, 2.0, 0));

  @Test
  void completeTrialsRankFirstThenPrunedOnesThatGotFurthestNeverRunningOrFailedOnes() {
    assertEquals(Set.of(1, 6), TrialRanking.best(trials, Direction.MINIMIZE, 2));
    assertEquals(Set.of(0, 6), TrialRanking.best(trials, Direction.MAXIMIZE, 2));
    assertEquals(Set.of(0, 1, 6, 3), TrialRanking.best(trials, Direction.MINIMIZE, 4));
    assertEquals(Set.of(0, 1, 6, 3, 2), TrialRanking.best(trials, Direction.MINIMIZE, 10));
  }
}
