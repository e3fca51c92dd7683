package dev.hyp.runtime.pruner;

import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;

/**
 * {@code hyperband(min_epochs, reduction, max_epochs)}: several successive-halving brackets
 * side by side, from aggressive (first rung at min_epochs) to lenient (first rung near
 * max_epochs). Each trial belongs to one bracket, chosen from its number with Hyperband's budget
 * weights (Optuna's allocation), and competes only with trials of its own bracket.
 */
public final class HyperbandPruner implements Pruner {
  private final int reduction;
  private final SuccessiveHalving[] brackets;
  private final long[] cumulativeBudget;

  public HyperbandPruner(int minEpochs, int reduction, int maxEpochs) {
    if (minEpochs < 1 || reduction < 2 || maxEpochs < minEpochs) {
      throw new IllegalArgumentException("hyperband needs 1 <= min_epochs <= max_epochs and reduction >= 2");
    }
    this.reduction = reduction;
    int n = (int) Math.floor(Math.log((double) maxEpochs / minEpochs) / Math.log(reduction) + 1e-9) + 1;
    brackets = new SuccessiveHalving[n];
    cumulativeBudget = new long[n];
    long total = 0;
    for (int b = 0; b < n; b++) {
      brackets[b] = new SuccessiveHalving(minEpochs, reduction, b);
      int s = n - 1 - b;
      total += (long) Math.ceil(n * Math.pow(reduction, s) / (s + 1));
      cumulativeBudget[b] = total;
    }
  }

  /** The bracket of a trial number: a hash of it, spread over the brackets' budgets. */
  int bracketOf(int number) {
    long z = number * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
    long slot = Math.floorMod(z ^ (z >>> 29), cumulativeBudget[cumulativeBudget.length - 1]);
    int b = 0;
    while (slot >= cumulativeBudget[b]) {
      b++;
    }
    return b;
  }

  int bracketCount() {
    return brackets.length;
  }

  @Override
  public boolean shouldPrune(FrozenTrial trial, List<FrozenTrial> trials, Direction direction) {
    int bracket = bracketOf(trial.number());
    return brackets[bracket].shouldPrune(trial, trials, direction, t -> bracketOf(t.number()) == bracket);
  }

  @Override
  public String toString() {
    return "hyperband(" + brackets.length + " brackets, reduction " + reduction + ")";
  }
}
