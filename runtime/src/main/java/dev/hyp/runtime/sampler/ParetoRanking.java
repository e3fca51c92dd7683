package dev.hyp.runtime.sampler;

import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.Objectives;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders the complete trials of a study with several objectives best first, as NSGA-II does:
 * feasible trials before infeasible ones (those by violation), then by non-domination rank
 * (the Pareto front first, then the front of what is left, ...), and within a front by crowding
 * distance, the most isolated first (a front's extremes first of all), so that an elite cut from
 * the top keeps the front spread out. Ties go to the earlier trial.
 */
final class ParetoRanking {
  private ParetoRanking() {}

  /** The complete trials, best first. */
  static List<FrozenTrial> order(List<FrozenTrial> trials, Objectives objectives) {
    List<FrozenTrial> feasible = new ArrayList<>();
    List<FrozenTrial> infeasible = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE) {
        (t.isFeasible() ? feasible : infeasible).add(t);
      }
    }
    List<FrozenTrial> out = new ArrayList<>(trials.size());
    for (List<FrozenTrial> front : fronts(feasible, objectives)) {
      out.addAll(byCrowding(front, objectives));
    }
    infeasible.sort(Comparator.comparingDouble((FrozenTrial t) -> t.violation()).thenComparingInt(FrozenTrial::number));
    out.addAll(infeasible);
    return out;
  }

  /** Non-dominated sorting (Deb et al. 2002, the fast version): fronts in order, each in number order. */
  static List<List<FrozenTrial>> fronts(List<FrozenTrial> trials, Objectives objectives) {
    int n = trials.size();
    double[][] losses = new double[n][];
    for (int i = 0; i < n; i++) {
      losses[i] = objectives.losses(trials.get(i));
    }
    int[] dominatedBy = new int[n];
    List<List<Integer>> dominates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dominates.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Objectives.dominates(losses[i], losses[j])) {
          dominates.get(i).add(j);
          dominatedBy[j]++;
        } else if (Objectives.dominates(losses[j], losses[i])) {
          dominates.get(j).add(i);
          dominatedBy[i]++;
        }
      }
    }
    List<List<FrozenTrial>> fronts = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (dominatedBy[i] == 0) {
        current.add(i);
      }
    }
    while (!current.isEmpty()) {
      List<FrozenTrial> front = new ArrayList<>();
      List<Integer> next = new ArrayList<>();
      for (int i : current) {
        front.add(trials.get(i));
        for (int j : dominates.get(i)) {
          if (--dominatedBy[j] == 0) {
            next.add(j);
          }
        }
      }
      next.sort(null);
      fronts.add(front);
      current = next;
    }
    return fronts;
  }

  /** A front by crowding distance, largest first (the extremes are infinitely far). */
  static List<FrozenTrial> byCrowding(List<FrozenTrial> front, Objectives objectives) {
    int n = front.size();
    if (n <= 2) {
      return front;
    }
    double[][] losses = new double[n][];
    for (int i = 0; i < n; i++) {
      losses[i] = objectives.losses(front.get(i));
    }
    double[] distance = new double[n];
    Integer[] index = new Integer[n];
    for (int m = 0; m < objectives.size(); m++) {
      int objective = m;
      for (int i = 0; i < n; i++) {
        index[i] = i;
      }
      Arrays.sort(index, Comparator.comparingDouble((Integer i) -> losses[i][objective]).thenComparingInt(i -> i));
      double range = losses[index[n - 1]][m] - losses[index[0]][m];
      distance[index[0]] = Double.POSITIVE_INFINITY;
      distance[index[n - 1]] = Double.POSITIVE_INFINITY;
      if (!(range > 0) || Double.isInfinite(range)) {
        continue;
      }
      for (int k = 1; k < n - 1; k++) {
        distance[index[k]] += (losses[index[k + 1]][m] - losses[index[k - 1]][m]) / range;
      }
    }
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    Arrays.sort(index, Comparator.comparingDouble((Integer i) -> -distance[i]).thenComparingInt(i -> i));
    List<FrozenTrial> out = new ArrayList<>(n);
    for (int i : index) {
      out.add(front.get(i));
    }
    return out;
  }
}
