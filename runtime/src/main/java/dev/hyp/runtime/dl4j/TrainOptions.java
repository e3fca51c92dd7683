package dev.hyp.runtime.dl4j;

/**
 * How to train a trial.
 *
 * @param epochs the most epochs to run (`train.epochs`, >= 1)
 * @param batch the minibatch size (`train.batch`, >= 1)
 * @param patience early stopping: stop after this many epochs without an improvement, or 0 for none
 * @param minDelta early stopping: an improvement must be larger than this
 * @param metric the objective's metric, measured on validation after each epoch
 * @param seed seeds the order of the rows in each epoch
 */
public record TrainOptions(int epochs, int batch, int patience, double minDelta, String metric, long seed) {

  public TrainOptions {
    if (epochs < 1 || batch < 1 || patience < 0 || minDelta < 0) {
      throw new IllegalArgumentException("bad training options: epochs " + epochs + ", batch " + batch + ", patience "
          + patience + ", min_delta " + minDelta);
    }
    Metrics.higherIsBetter(metric); // validates the name
  }

  /** Without early stopping. */
  public static TrainOptions of(int epochs, int batch, String metric, long seed) {
    return new TrainOptions(epochs, batch, 0, 0, metric, seed);
  }

  /** `early_stopping = patience(epochs, min_delta)`. */
  public TrainOptions withEarlyStopping(int patience, double minDelta) {
    return new TrainOptions(epochs, batch, patience, minDelta, metric, seed);
  }
}
