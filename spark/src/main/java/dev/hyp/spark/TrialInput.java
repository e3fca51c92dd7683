package dev.hyp.spark;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.BestTrialOrder;
import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What a Spark task gets of one trial: its number and parameters (as a plain map: values are
 * Long, Double, String or Boolean), what the pruner knew when it started, and the study's best
 * trial then (so that only a trial that may become the best sends its model back).
 *
 * @param bestValue the best value of a complete trial when this one was sent, or null
 * @param bestLoss that trial's validation loss, which breaks a tie ({@link BestTrialOrder}), or null
 * @param bestTrial that trial's number (-1: earlier than any)
 */
public record TrialInput(int number, LinkedHashMap<String, Object> params, PrunerSnapshot pruner, Double bestValue,
    Double bestLoss, int bestTrial) implements Serializable {

  /** Against a best value alone: a tie keeps it. */
  public TrialInput(int number, LinkedHashMap<String, Object> params, PrunerSnapshot pruner, Double bestValue) {
    this(number, params, pruner, bestValue, null, -1);
  }

  /** The best trial when this one was sent, or null. */
  public BestTrialOrder.Standing best() {
    return bestValue == null ? null : new BestTrialOrder.Standing(bestValue, bestLoss, bestTrial);
  }

  public ParamValues paramValues() {
    return ParamValues.of(params);
  }
}
