package dev.hyp.runtime.dl4j;

/** Called after each epoch with the objective's metric on validation; the pruner's hook. */
@FunctionalInterface
public interface EpochCallback {
  /**
   * @param epoch the epoch just finished, from 1
   * @param validationValue the objective's metric on validation (the mean over folds for k-fold)
   * @return true to prune: the trainer stops at once and returns a result marked pruned
   */
  boolean onEpoch(int epoch, double validationValue);

  EpochCallback NONE = (epoch, value) -> false;
}
