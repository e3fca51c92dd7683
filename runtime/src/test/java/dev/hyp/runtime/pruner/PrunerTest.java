package dev.hyp.runtime.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.study.TrialPrunedException;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PrunerTest {

  /** A trial whose loss at epoch e is curve[e - 1]. */
  private static FrozenTrial trial(int number, TrialState state, double... curve) {
    TreeMap<Integer, Double> values = new TreeMap<>();
    for (int e = 1; e <= curve.length; e++) {
      values.put(e, curve[e - 1]);
    }
    Double value = state == TrialState.COMPLETE ? curve[curve.length - 1] : null;
    return new FrozenTrial(number, state, ParamValues.empty(), value, null, values, "test", Instant.EPOCH,
        state == TrialState.RUNNING ? null : Instant.EPOCH);
  }

  private static List<FrozenTrial> completeTrials(int count) {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // trial i has loss i+1 at every epoch
      double v = i + 1;
      trials.add(trial(i, TrialState.COMPLETE, v, v, v, v, v, v, v, v, v, v));
    }
    return trials;
  }

  @Test
  void medianPrunesBelowMedianTrialsOnlyAfterWarmup() {
    Pruner median = Pruners.create("median", Map.of("warmup", 2));
    List<FrozenTrial> trials = completeTrials(5); // median loss 3 at every epoch
    assertFalse(median.shouldPrune(trial(9, TrialState.RUNNING, 9, 9), trials, Direction.MINIMIZE), "warmup");
    assertTrue(median.shouldPrune(trial(9, TrialState.RUNNING, 9, 9, 9), trials, Direction.MINIMIZE));
    assertFalse(median.shouldPrune(trial(9, TrialState.RUNNING, 9, 9, 2.5), trials, Direction.MINIMIZE));
    assertFalse(median.shouldPrune(trial(9, TrialState.RUNNING, 9, 9, 9), trials.subList(0, 4), Direction.MINIMIZE),
        "fewer complete trials than startup");
    // maximizing, the same curve is above the median
    assertFalse(median.shouldPrune(trial(9, TrialState.RUNNING, 9, 9, 9), trials, Direction.MAXIMIZE));
  }

  @Test
  void ashaKeepsTheBestThirdAtEachRung() {
    Pruner asha = Pruners.create("asha", Map.of("min_epochs", 1, "reduction", 3));
    List<FrozenTrial> trials = completeTrials(6); // losses 1..6 at rung 1
    // 7 values at the rung: the best 7/3 = 2 go on
    assertTrue(asha.shouldPrune(trial(9, TrialState.RUNNING, 2.5), trials, Direction.MINIMIZE));
    assertFalse(asha.shouldPrune(trial(9, TrialState.RUNNING, 1.5), trials, Direction.MINIMIZE));
    // epoch 2 is no rung: no judgement, even on a bad value
    assertFalse(asha.shouldPrune(trial(9, TrialState.RUNNING, 1.5, 9), trials, Direction.MINIMIZE));
    // epoch 3 is the next rung
    assertTrue(asha.shouldPrune(trial(9, TrialState.RUNNING, 1.5, 9, 9), trials, Direction.MINIMIZE));
  }

  @Test
  void ashaLetsTheFirstTrialThroughAndThenOnlyTheBestWhileFewHaveReachedARung() {
    Pruner asha = Pruners.create("asha", Map.of("min_epochs", 2, "reduction", 3));
    assertFalse(asha.shouldPrune(trial(0, TrialState.RUNNING, 5, 5), List.of(), Direction.MINIMIZE));
    List<FrozenTrial> one = List.of(trial(0, TrialState.COMPLETE, 5, 4, 3));
    assertTrue(asha.shouldPrune(trial(1, TrialState.RUNNING, 6, 6), one, Direction.MINIMIZE));
    assertFalse(asha.shouldPrune(trial(1, TrialState.RUNNING, 6, 3), one, Direction.MINIMIZE));
  }

  @Test
  void hyperbandSpreadsTrialsOverBracketsAndComparesWithinOne() {
    HyperbandPruner hyperband = (HyperbandPruner) Pruners.create("hyperband",
        Map.of("min_epochs", 1, "reduction", 3, "max_epochs", 27));
    assertEquals(4, hyperband.bracketCount());
    int[] counts = new int[4];
    for (int n = 0; n < 4000; n++) {
      counts[hyperband.bracketOf(n)]++;
    }
    for (int b = 0; b < 3; b++) {
      assertTrue(counts[b] > counts[b + 1], "aggressive brackets get more trials: " + List.of(counts[0], counts[1], counts[2], counts[3]));
    }
    int me = 1000;
    int myBracket = hyperband.bracketOf(me);
    List<FrozenTrial> others = new ArrayList<>();
    int n = 0;
    while (others.size() < 10) {
      if (hyperband.bracketOf(n) != myBracket) {
        // much better trials, but in other brackets: they do not count
        others.add(trial(n, TrialState.COMPLETE, new double[27]));
      }
      n++;
    }
    double[] curve = new double[27];
    java.util.Arrays.fill(curve, 5);
    assertFalse(hyperband.shouldPrune(trial(me, TrialState.RUNNING, curve), others, Direction.MINIMIZE));
  }

  @Test
  void pruningInsideAStudyStopsBadTrialsEarly() {
    SearchSpace space = SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1)).build();
    Study study = Study.builder("pruned", space).sampler(Samplers.create("random", Map.of(), 4))
        .pruner(Pruners.create("asha", Map.of("min_epochs", 1, "reduction", 3))).open();
    StudyResult result = study.optimize(t -> {
      double x = t.params().getDouble("x");
      double loss = 0;
      for (int epoch = 1; epoch <= 9; epoch++) {
        loss = x + 1.0 / epoch;
        t.report(epoch, loss);
        if (t.shouldPrune()) {
          throw new TrialPrunedException();
        }
      }
      return loss;
    }, StudyOptions.trials(30));
    assertTrue(result.count(TrialState.PRUNED) > 0);
    assertTrue(result.count(TrialState.COMPLETE) > 0);
    for (FrozenTrial t : result.trials()) {
      if (t.state() == TrialState.PRUNED) {
        assertTrue(t.lastStep() < 9, "pruned trials stopped early");
      }
    }
  }

  @Test
  void unknownPrunersAndOptionsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Pruners.create("medain", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> Pruners.create("asha", Map.of("min_epoch", 2)));
    assertThrows(IllegalArgumentException.class, () -> Pruners.create("hyperband", Map.of("min_epochs", 1)));
  }
}
