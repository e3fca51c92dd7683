package dev.hyp.runtime.sampler;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The trials as TPE's last ask saw them: which are usable ({@link TrialRanking#usable}) and the
 * complete ones ranked by loss, kept from ask to ask. A stored trial is immutable and keeps its
 * place in the list, so where a place holds the same trial object as at the last ask nothing
 * about it changed: an ask compares references, reads only the trials that are new or were
 * replaced (the one just told, the one just asked), and moves each in the ranking instead of
 * ranking them all again. What it answers is what {@link TrialRanking} answers from all trials;
 * where that would take more than the complete trials' losses (too few complete, a NaN or missing
 * value), it asks TrialRanking. Not thread-safe: the sampler holds its lock while using it.
 */
final class RankedTrials {
  /** Beyond this many replaced trials in one ask, ranking them all again is cheaper than moving each. */
  private static final int MOST_MOVES = 32;

  private Direction direction;
  /** The trials as last seen, by place in the list; {@code size} of them. */
  private FrozenTrial[] seen = new FrozenTrial[0];
  private int size;
  /** By place: the place among the usable trials, or -1 for a failed one. */
  private int[] usablePlace = new int[0];
  /** The usable trials in list order; {@code usableCount} of them. */
  private FrozenTrial[] usable = new FrozenTrial[0];
  private int usableCount;
  /** By place: the loss of a complete trial with a value (NaN: not ranked). */
  private double[] loss = new double[0];
  /** The ranked places, best first: by loss, ties to the earlier place; {@code ranked} of them. */
  private int[] ranking = new int[0];
  private int ranked;
  /** Complete trials whose value is missing or NaN, which only TrialRanking ranks. */
  private int unranked;
  /** How many answers came from the ranking kept here rather than from TrialRanking (for the tests). */
  private int fromRanking;

  /** Brings the table up to {@code trials} (every trial in number order, running ones included). */
  void update(List<FrozenTrial> trials, Direction direction) {
    int n = trials.size();
    if (direction != this.direction || n < size) {
      rebuild(trials, direction);
      return;
    }
    int moves = 0;
    boolean failedChanged = false;
    int from = -1;
    for (int i = 0; i < size; i++) {
      FrozenTrial t = trials.get(i);
      if (seen[i] != t) {
        if (from < 0) {
          from = i;
        }
        failedChanged |= TrialRanking.usable(seen[i]) != TrialRanking.usable(t);
        if (++moves > MOST_MOVES) {
          rebuild(trials, direction);
          return;
        }
      }
    }
    if (n - size > MOST_MOVES) {
      rebuild(trials, direction);
      return;
    }
    grow(n);
    for (int i = from < 0 ? size : from; i < n; i++) {
      FrozenTrial t = trials.get(i);
      if (i < size && seen[i] == t) {
        continue;
      }
      if (i < size) {
        unrank(i, seen[i]);
      }
      seen[i] = t;
      rank(i, t);
      if (!failedChanged) {
        if (i >= size) {
          usablePlace[i] = TrialRanking.usable(t) ? append(t) : -1;
        } else if (usablePlace[i] >= 0) {
          usable[usablePlace[i]] = t;
        }
      }
    }
    size = n;
    if (failedChanged) {
      placeUsable();
    }
  }

  /** How many usable trials there are. */
  int usableCount() {
    return usableCount;
  }

  /** The usable trials in number order, as a list; valid until the next update. */
  List<FrozenTrial> usable() {
    return new UsableView();
  }

  /** The usable trials in number order, in the first {@link #usableCount} places; valid until the next update. */
  FrozenTrial[] usableArray() {
    return usable;
  }

  /**
   * Whether each usable trial, by its place among them, is one of the {@code count} best ({@link
   * TrialRanking#best}).
   */
  boolean[] goodAt(int count) {
    boolean[] goodAt = new boolean[usableCount];
    if (unranked == 0 && ranked >= count) {
      for (int r = 0; r < count; r++) {
        goodAt[usablePlace[ranking[r]]] = true;
      }
      fromRanking++;
      return goodAt;
    }
    Set<Integer> best = TrialRanking.best(usable(), direction, count);
    for (int u = 0; u < usableCount; u++) {
      goodAt[u] = best.contains(usable[u].number());
    }
    return goodAt;
  }

  int fromRanking() {
    return fromRanking;
  }

  private void rebuild(List<FrozenTrial> trials, Direction direction) {
    this.direction = direction;
    int n = trials.size();
    seen = trials.toArray(new FrozenTrial[Math.max(16, n + n / 2)]);
    size = n;
    usablePlace = new int[seen.length];
    loss = new double[seen.length];
    usable = new FrozenTrial[seen.length];
    ranking = new int[seen.length];
    ranked = 0;
    unranked = 0;
    Integer[] places = new Integer[n];
    for (int i = 0; i < n; i++) {
      loss[i] = Double.NaN;
      if (seen[i].state() == TrialState.COMPLETE) {
        if (seen[i].value() == null || Double.isNaN(seen[i].value())) {
          unranked++;
        } else {
          loss[i] = direction.toLoss(seen[i].value());
          places[ranked++] = i;
        }
      }
    }
    // a stable sort by loss keeps ties in place order; comparisons as TrialRanking's (-0.0 ties 0.0)
    Arrays.sort(places, 0, ranked, Comparator.comparing((Integer i) -> loss[i], RankedTrials::compareLosses));
    for (int r = 0; r < ranked; r++) {
      ranking[r] = places[r];
    }
    placeUsable();
  }

  private static int compareLosses(double a, double b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  private void grow(int n) {
    if (n > seen.length) {
      int capacity = Math.max(n, 2 * seen.length);
      seen = Arrays.copyOf(seen, capacity);
      usablePlace = Arrays.copyOf(usablePlace, capacity);
      loss = Arrays.copyOf(loss, capacity);
      usable = Arrays.copyOf(usable, capacity);
      ranking = Arrays.copyOf(ranking, capacity);
    }
  }

  private int append(FrozenTrial t) {
    usable[usableCount] = t;
    return usableCount++;
  }

  /** The usable trials and their places again, from the trials seen. */
  private void placeUsable() {
    usableCount = 0;
    for (int i = 0; i < size; i++) {
      usablePlace[i] = TrialRanking.usable(seen[i]) ? append(seen[i]) : -1;
    }
    Arrays.fill(usable, usableCount, usable.length, null);
  }

  /** Takes the trial that held place i out of the ranking. */
  private void unrank(int i, FrozenTrial old) {
    if (old.state() != TrialState.COMPLETE) {
      return;
    }
    if (Double.isNaN(loss[i])) {
      unranked--;
      return;
    }
    int r = find(loss[i], i);
    System.arraycopy(ranking, r + 1, ranking, r, ranked - r - 1);
    ranked--;
    loss[i] = Double.NaN;
  }

  /** Puts the trial now at place i into the ranking, if it is complete. */
  private void rank(int i, FrozenTrial t) {
    loss[i] = Double.NaN;
    if (t.state() != TrialState.COMPLETE) {
      return;
    }
    if (t.value() == null || Double.isNaN(t.value())) {
      unranked++;
      return;
    }
    double l = direction.toLoss(t.value());
    loss[i] = l;
    int r = find(l, i);
    System.arraycopy(ranking, r, ranking, r + 1, ranked - r);
    ranking[r] = i;
    ranked++;
  }

  /** The first rank whose (loss, place) comes at or after ({@code l}, {@code i}). */
  private int find(double l, int i) {
    int lo = 0;
    int hi = ranked;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int p = ranking[mid];
      double pl = loss[p];
      if (pl < l || pl == l && p < i) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private final class UsableView extends AbstractList<FrozenTrial> implements RandomAccess {
    @Override
    public FrozenTrial get(int index) {
      if (index < 0 || index >= usableCount) {
        throw new IndexOutOfBoundsException(index);
      }
      return usable[index];
    }

    @Override
    public int size() {
      return usableCount;
    }
  }
}
