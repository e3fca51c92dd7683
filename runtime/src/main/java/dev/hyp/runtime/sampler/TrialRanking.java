package dev.hyp.runtime.sampler;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
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
    List<FrozenTrial> complete = new ArrayList<>(trials.size());
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

  /**
   * The {@code count} lowest losses, ties to the earlier trial: one pass keeping a sorted
   * buffer of the best so far, cheaper than sorting all losses when count is small.
   */
  private static void addBestComplete(List<FrozenTrial> complete, Direction direction, int count, Set<Integer> out) {
    if (count == 0) {
      return;
    }
    double[] bestLoss = new double[count];
    int[] bestIndex = new int[count];
    int size = 0;
    for (int i = 0; i < complete.size(); i++) {
      double loss = direction.toLoss(complete.get(i).value());
      if (size == count && loss >= bestLoss[size - 1]) {
        continue;
      }
      int at = size == count ? size - 1 : size++;
      while (at > 0 && bestLoss[at - 1] > loss) {
        bestLoss[at] = bestLoss[at - 1];
        bestIndex[at] = bestIndex[at - 1];
        at--;
      }
      bestLoss[at] = loss;
      bestIndex[at] = i;
    }
    for (int j = 0; j < size; j++) {
      out.add(complete.get(bestIndex[j]).number());
    }
  }
}
