package dev.hyp.runtime.study;

import java.util.List;

/**
 * What an objective returns for a study with several objectives or constraints.
 *
 * @param values every objective's value in the spec's order, NaN where a measure was not taken
 * @param violation 0 when every constraint holds, else how far they are missed ({@link
 *     dev.hyp.runtime.trial.Constraint#violation})
 * @param reason why the trial is infeasible, else null
 * @param trained false for a trial decided infeasible before any epoch ran (its network too
 *     large): it is recorded PRUNED, at no cost, with the measures known then
 * @param validationLoss the trained model's loss on validation, kept with a COMPLETE trial of a
 *     single objective to break ties ({@link dev.hyp.runtime.trial.BestTrialOrder}), or null
 */
public record Outcome(List<Double> values, double violation, String reason, boolean trained, Double validationLoss) {

  /** An outcome without a validation loss. */
  public Outcome(List<Double> values, double violation, String reason, boolean trained) {
    this(values, violation, reason, trained, null);
  }

  public Outcome {
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an outcome has at least one value");
    }
  }

  /** A single objective's value, feasible. */
  public static Outcome of(double value) {
    return new Outcome(List.of(value), 0, null, true);
  }

  /** Every objective's value, and the constraints' verdict. */
  public static Outcome of(List<Double> values, double violation, String reason) {
    return new Outcome(values, violation, reason, true);
  }

  /** A trial rejected before training because a constraint on a measure known then fails. */
  public static Outcome rejected(List<Double> values, double violation, String reason) {
    return new Outcome(values, violation, reason, false);
  }

  /** The same outcome with the trained model's validation loss. */
  public Outcome withValidationLoss(Double loss) {
    return new Outcome(values, violation, reason, trained, loss);
  }

  public double first() {
    return values.get(0);
  }
}
