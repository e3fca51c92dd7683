package dev.hyp.runtime.sampler;

import dev.hyp.runtime.study.Direction;
import dev.hyp.runtime.study.FrozenTrial;
import dev.hyp.runtime.study.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks the "good" trials a model-based sampler learns from. Trials rank best first: complete
 * trials by value, then pruned ones (those that got further first, then by their last value).
 * Running trials are never good: TPE counts them among the bad ones (the "constant liar"),
 * which steers concurrent asks away from points already being evaluated. Failed trials take no
 * part.
 */
final class TrialRanking {
  private TrialRanking() {}

  /** Whether a trial is one the model learns from. */
  static boolean usable(FrozenTrial t) {
    return t.state() != TrialState.FAILED;
  }

  /** Numbers of the {@code count} best-ranked finished trials (fewer if not enough have finished). */
  static Set<Integer> best(List<FrozenTrial> trials, Direction direction, int count) {
    List<FrozenTrial> complete = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE) {
        complete.add(t);
      }
    }
    Set<Integer> best = new HashSet<>();
    if (complete.size() >= count) {
      addBestComplete(complete, direction, count, best);
      return best;
    }
    complete.forEach(t -> best.add(t.number()));
    List<FrozenTrial> pruned = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.PRUNED) {
        pruned.add(t);
      }
    }
    pruned.sort(Comparator.comparingInt((FrozenTrial t) -> -t.lastStep())
        .thenComparingDouble(t -> t.intermediate().isEmpty()
            ? Double.POSITIVE_INFINITY
            : direction.toLoss(t.intermediate().lastEntry().getValue()))
        .thenComparingInt(FrozenTrial::number));
    for (int i = 0; i < pruned.size() && best.size() < count; i++) {
      best.add(pruned.get(i).number());
    }
    return best;
  }

  /** The {@code count} lowest losses, ties to the earlier trial; a primitive sort keeps this cheap. */
  private static void addBestComplete(List<FrozenTrial> complete, Direction direction, int count, Set<Integer> out) {
    if (count == 0) {
      return;
    }
    double[] losses = new double[complete.size()];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = direction.toLoss(complete.get(i).value());
    }
    double[] sorted = losses.clone();
    Arrays.sort(sorted);
    double threshold = sorted[count - 1];
    for (int i = 0; i < losses.length; i++) {
      if (losses[i] < threshold) {
        out.add(complete.get(i).number());
      }
    }
    for (int i = 0; i < losses.length && out.size() < count; i++) {
      if (losses[i] == threshold) {
        out.add(complete.get(i).number());
      }
    }
  }
}
