package dev.hyp.runtime.dl4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Keeps a run's best model on disk: trials on any thread {@link #offer} their result when they
 * complete, and the one with the best objective value so far is written to {@code zip} (see
 * {@link SavedModel}), replacing the previous best atomically. Ties keep the earlier model.
 */
public final class BestModelKeeper {
  private final Path zip;
  private final boolean maximize;
  private final ExperimentData data;
  private double best = Double.NaN;
  private int bestTrial = -1;

  /**
   * @param zip where the best model lives, e.g. {@code RUN_DIR/best-model.zip}
   * @param maximize whether the objective is maximised
   * @param data the run's data (for the label mapping and column names kept with the model)
   */
  public BestModelKeeper(Path zip, boolean maximize, ExperimentData data) {
    this.zip = zip;
    this.maximize = maximize;
    this.data = data;
  }

  /**
   * Saves {@code result}'s model if {@code value} beats the best so far.
   *
   * @param trial the trial's number, kept in the model's metadata
   * @param value the trial's objective value
   * @param params the trial's parameters, kept in the model's metadata
   * @return whether this result is now the best
   */
  public synchronized boolean offer(int trial, double value, TrainResult result, Map<String, ?> params)
      throws IOException {
    if (!beats(value)) {
      return false;
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("trial", trial);
    extra.put("value", value);
    extra.put("params", new LinkedHashMap<>(params));
    extra.put("bestEpoch", result.bestEpoch());
    SavedModel.save(zip, result, data, extra);
    best = value;
    bestTrial = trial;
    return true;
  }

  /** Whether {@code value} would replace the saved model (ties keep the earlier one). */
  public synchronized boolean beats(double value) {
    return !Double.isNaN(value) && (Double.isNaN(best) || (maximize ? value > best : value < best));
  }

  /** Continues a run: from now on only a result better than {@code value} replaces the saved model. */
  public synchronized void resumeFrom(int trial, double value) {
    best = value;
    bestTrial = trial;
  }

  public synchronized OptionalDouble bestValue() {
    return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  /** The best trial's number, or -1 before any. */
  public synchronized int bestTrial() {
    return bestTrial;
  }

  public Path path() {
    return zip;
  }
}
