package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrustRegionTest {
  private static FrozenTrial trial(int number, TrialState state, Double value) {
    return new FrozenTrial(number, state, ParamValues.empty(), value, null, new TreeMap<>(), "me", Instant.EPOCH, null);
  }

  private static List<FrozenTrial> complete(double... values) {
    List<FrozenTrial> out = new ArrayList<>();
    for (double v : values) {
      out.add(trial(out.size(), TrialState.COMPLETE, v));
    }
    return out;
  }

  private static TrustRegion replay(List<FrozenTrial> trials) {
    return TrustRegion.replay(trials, Direction.MINIMIZE, 2, 3, 2);
  }

  @Test
  void theSideHalvesAfterFourTrialsInARowWithoutImprovement() {
    assertEquals(0.8, replay(complete(5, 4, 9, 9, 9)).length());
    assertEquals(0.4, replay(complete(5, 4, 9, 9, 9, 9)).length());
    assertEquals(0.2, replay(complete(5, 4, 9, 9, 9, 9, 9, 9, 9, 9)).length());
  }

  @Test
  void theSideDoublesAfterThreeImprovementsInARowUpTo1Point6() {
    assertEquals(1.6, replay(complete(5, 4, 3, 2, 1)).length());
    assertEquals(1.6, replay(complete(5, 4, 3, 2, 1, 0.5, 0.25, 0.1)).length());
    // an improvement resets the failures: three failures, one success, three failures do not shrink
    assertEquals(0.8, replay(complete(5, 4, 9, 9, 9, 3, 9, 9, 9)).length());
  }

  @Test
  void aCollapsedRegionStartsANewRunWithItsDesign() {
    // 0.8 halved seven times is below 2^-7: 28 failures after the 2 startup trials
    double[] values = new double[30];
    java.util.Arrays.fill(values, 1);
    TrustRegion collapsed = replay(complete(values));
    assertEquals(new TrustRegion(0.8, 30, 3), collapsed);
    double[] more = java.util.Arrays.copyOf(values, 33);
    more[30] = 7;
    more[31] = 8;
    more[32] = 9;
    // the new run's design is its own: its best need not beat the earlier runs'
    assertEquals(new TrustRegion(0.8, 30, 0), replay(complete(more)));
    assertEquals(0.8, replay(complete(java.util.Arrays.copyOf(more, 34))).length());
  }

  @Test
  void onlyFinishedTrialsCount() {
    List<FrozenTrial> trials = new ArrayList<>(complete(5, 4));
    for (int i = 0; i < 4; i++) {
      trials.add(trial(trials.size(), TrialState.RUNNING, null));
      trials.add(trial(trials.size(), TrialState.PRUNED, null));
      trials.add(trial(trials.size(), TrialState.FAILED, null));
    }
    assertEquals(0.8, replay(trials).length());
  }
}
