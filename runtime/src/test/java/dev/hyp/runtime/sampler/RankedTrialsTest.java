package dev.hyp.runtime.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The ranking kept from ask to ask answers what {@link TrialRanking} answers from all trials:
 * through running trials finishing complete, pruned or failed, ties (0.0 and -0.0 among them),
 * NaN and infinite values, runs of many changes at once, a list that shrinks, and a switch of
 * direction.
 */
class RankedTrialsTest {
  private static final double[] TIES = {0.0, -0.0, 1.0, 1.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

  @Test
  void theKeptRankingIsTrialRankingsOnEveryAsk() {
    SplittableRandom random = new SplittableRandom(3);
    RankedTrials ranked = new RankedTrials();
    List<FrozenTrial> trials = new ArrayList<>();
    Direction direction = Direction.MINIMIZE;
    for (int ask = 0; ask < 1500; ask++) {
      trials.add(running(trials.size()));
      for (int f = random.nextInt(3); f > 0; f--) {
        int i = random.nextInt(trials.size());
        if (trials.get(i).state() == TrialState.RUNNING) {
          trials.set(i, finished(trials.get(i), random, ask > 300 && ask < 400));
        }
      }
      if (ask == 450) {
        // no NaN values from here on: the kept ranking answers again
        for (int i = 0; i < trials.size(); i++) {
          Double v = trials.get(i).value();
          if (v != null && v.isNaN()) {
            trials.set(i, new FrozenTrial(i, TrialState.COMPLETE, ParamValues.empty(), 2.5, null, new TreeMap<>(),
                "me", Instant.EPOCH, Instant.EPOCH));
          }
        }
      }
      if (ask % 97 == 96) {
        // many at once: the ranking is built again
        for (int i = 0; i < trials.size(); i += 3) {
          trials.set(i, new FrozenTrial(i, TrialState.COMPLETE, ParamValues.empty(), random.nextDouble(), null,
              new TreeMap<>(), "me", Instant.EPOCH, Instant.EPOCH));
        }
      }
      if (ask % 211 == 210) {
        trials.subList(trials.size() / 2, trials.size()).clear();
      }
      if (ask == 900) {
        direction = Direction.MAXIMIZE;
      }
      ranked.update(List.copyOf(trials), direction);
      List<FrozenTrial> usable = trials.stream().filter(TrialRanking::usable).toList();
      assertEquals(usable, List.copyOf(ranked.usable()), "ask " + ask);
      for (int count : new int[] {1, 5, 25, usable.size() + 3}) {
        Set<Integer> best = TrialRanking.best(usable, direction, count);
        boolean[] expected = new boolean[usable.size()];
        for (int u = 0; u < expected.length; u++) {
          expected[u] = best.contains(usable.get(u).number());
        }
        assertArrayEquals(expected, ranked.goodAt(count), "ask " + ask + ", " + count + " best");
      }
    }
    // most answers came from the kept ranking rather than from TrialRanking
    assertTrue(ranked.fromRanking() > 3000, "from the ranking: " + ranked.fromRanking());
  }

  private static FrozenTrial running(int number) {
    return new FrozenTrial(number, TrialState.RUNNING, ParamValues.of(Map.of("x", (double) number)), null, null,
        new TreeMap<>(), "me", Instant.EPOCH, null);
  }

  private static FrozenTrial finished(FrozenTrial t, SplittableRandom random, boolean nan) {
    int kind = random.nextInt(20);
    TrialState state = kind == 0 ? TrialState.FAILED : kind == 1 ? TrialState.PRUNED : TrialState.COMPLETE;
    Double value = state == TrialState.FAILED ? null
        : kind == 2 && nan ? Double.NaN
        : kind < 6 ? TIES[random.nextInt(TIES.length)]
        : Math.floor(random.nextDouble() * 50) / 10;
    TreeMap<Integer, Double> steps = new TreeMap<>();
    if (state == TrialState.PRUNED) {
      steps.put(1 + random.nextInt(4), value);
    }
    return new FrozenTrial(t.number(), state, t.params(), value, null, steps, "me", Instant.EPOCH, Instant.EPOCH);
  }
}
