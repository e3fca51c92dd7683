package dev.hyp.runtime.trial;

import java.util.ArrayList;
import java.util.List;

/**
 * What "better" means among the trials of a study with one or several objectives and
 * constraints: Deb's constrained domination. A feasible trial beats an infeasible one; of two
 * infeasible trials the one with the smaller violation is better; of two feasible ones, one
 * dominates the other when it is no worse in every objective and better in one.
 *
 * @param directions one per objective, in the spec's order (the first is the study's direction)
 */
public record Objectives(List<Direction> directions) {

  public Objectives {
    directions = List.copyOf(directions);
    if (directions.isEmpty()) {
      throw new IllegalArgumentException("a study has at least one objective");
    }
  }

  public static Objectives single(Direction direction) {
    return new Objectives(List.of(direction));
  }

  public int size() {
    return directions.size();
  }

  public boolean isMulti() {
    return directions.size() > 1;
  }

  /** The trial's objectives as losses (smaller is better); a value not measured is +infinity. */
  public double[] losses(FrozenTrial trial) {
    double[] losses = new double[directions.size()];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = directions.get(i).toLoss(trial.objectiveValue(i));
    }
    return losses;
  }

  /** Whether trial {@code a} is better than {@code b} by constrained domination. */
  public boolean dominates(FrozenTrial a, FrozenTrial b) {
    double va = violation(a);
    double vb = violation(b);
    if (va > 0 || vb > 0) {
      return va < vb;
    }
    return dominates(losses(a), losses(b));
  }

  /** Pareto domination of loss vectors: no worse everywhere, better somewhere. */
  public static boolean dominates(double[] a, double[] b) {
    boolean better = false;
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i]) {
        return false;
      }
      better |= a[i] < b[i];
    }
    return better;
  }

  /**
   * The Pareto front: the COMPLETE, feasible trials with every objective measured that no other
   * such trial dominates, in number order. Trials with equal values all stay.
   */
  public List<FrozenTrial> front(List<FrozenTrial> trials) {
    List<FrozenTrial> candidates = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.isFeasible() && allMeasured(t)) {
        candidates.add(t);
      }
    }
    List<FrozenTrial> front = new ArrayList<>();
    for (FrozenTrial t : candidates) {
      double[] lt = losses(t);
      boolean dominated = false;
      for (FrozenTrial other : candidates) {
        if (other != t && dominates(losses(other), lt)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(t);
      }
    }
    return front;
  }

  private boolean allMeasured(FrozenTrial t) {
    for (int i = 0; i < directions.size(); i++) {
      if (Double.isNaN(t.objectiveValue(i))) {
        return false;
      }
    }
    return true;
  }

  private static double violation(FrozenTrial t) {
    return t.violation() == null ? 0 : t.violation();
  }
}
