package dev.hyp.spark;

import java.io.Serializable;

/**
 * What a Spark task sends back for one trial.
 *
 * @param value the objective's value (null when pruned or failed)
 * @param intermediate the value after each step (epoch) run, from step 1
 * @param pruned the task stopped because the pruner said so
 * @param failure why the trial failed (a failure that retrying would repeat, such as a NaN loss), else null
 * @param payload anything else the driver needs (metrics, the model's bytes), or null
 * @param values with several objectives or constraints: every objective's value (NaN where not
 *     measured), else null
 * @param violation how far the constraints are missed (0: feasible)
 * @param reason why the trial is infeasible, else null
 * @param validationLoss with one objective: the trained model's validation loss, which breaks ties for
 *     the best trial ({@link dev.hyp.runtime.trial.BestTrialOrder}); else null
 */
public record TrialOutcome(Double value, double[] intermediate, boolean pruned, String failure, Serializable payload,
    double[] values, double violation, String reason, Double validationLoss) implements Serializable {

  /** An outcome without a validation loss. */
  public TrialOutcome(Double value, double[] intermediate, boolean pruned, String failure, Serializable payload,
      double[] values, double violation, String reason) {
    this(value, intermediate, pruned, failure, payload, values, violation, reason, null);
  }

  public static TrialOutcome complete(double value, double[] intermediate, Serializable payload) {
    return complete(value, null, intermediate, payload);
  }

  /** A trained trial of one objective, with its model's validation loss (null: not measured). */
  public static TrialOutcome complete(double value, Double validationLoss, double[] intermediate,
      Serializable payload) {
    return new TrialOutcome(value, intermediate, false, null, payload, null, 0, null, validationLoss);
  }

  /** A trained trial of a search with several objectives or constraints: each value and the verdict. */
  public static TrialOutcome measured(double[] values, double violation, String reason, double[] intermediate,
      Serializable payload) {
    return new TrialOutcome(values[0], intermediate, false, null, payload, values, violation, reason);
  }

  public static TrialOutcome pruned(double[] intermediate) {
    return new TrialOutcome(null, intermediate, true, null, null, null, 0, null);
  }

  public static TrialOutcome failed(String reason, double[] intermediate) {
    return new TrialOutcome(null, intermediate, false, reason, null, null, 0, null);
  }
}
