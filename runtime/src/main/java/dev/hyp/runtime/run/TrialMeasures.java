package dev.hyp.runtime.run;

import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import dev.hyp.runtime.experiment.ExperimentDefinition.ObjectiveDefinition;
import dev.hyp.runtime.study.Outcome;
import dev.hyp.runtime.trial.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The measures of a trial of a search with several objectives or constraints, and the
 * constraints' verdict: `params` (trainable weights) before training, so that a trial over a
 * `params` bound is rejected at no cost; the metrics, `train_time` (seconds: building, every epoch
 * and the final evaluation) and `latency` ({@link dev.hyp.runtime.dl4j.NetworkMeasures#latencyMillis},
 * timed only when an objective or a bound names it) after.
 */
public final class TrialMeasures {
  static final String PARAMS = "params";
  static final String TRAIN_TIME = "train_time";
  static final String LATENCY = "latency";

  private final ExperimentDefinition definition;

  public TrialMeasures(ExperimentDefinition definition) {
    this.definition = definition;
  }

  /** The outcome of a trial whose `params` already break a bound, or empty when training is worth it. */
  public Optional<Outcome> beforeTraining(long params) {
    double violation = 0;
    List<String> reasons = new ArrayList<>();
    for (Constraint c : definition.constraints()) {
      if (c.measure().equals(PARAMS) && c.violation(params) > 0) {
        violation += c.violation(params);
        reasons.add(c.reason(params));
      }
    }
    if (violation == 0) {
      return Optional.empty();
    }
    List<Double> values = new ArrayList<>();
    for (ObjectiveDefinition o : definition.objectives()) {
      values.add(o.metric().equals(PARAMS) ? (double) params : Double.NaN);
    }
    return Optional.of(Outcome.rejected(values, violation, "infeasible before training: " + String.join(", ", reasons)));
  }

  /** Every objective's value and the verdict of every bound, for a trained trial. */
  public Outcome afterTraining(TrainResult result, long params, DoubleSupplier latency) {
    Double[] timed = {null};
    DoubleSupplier once = () -> {
      if (timed[0] == null) {
        timed[0] = latency.getAsDouble();
      }
      return timed[0];
    };
    List<Double> values = new ArrayList<>();
    for (ObjectiveDefinition o : definition.objectives()) {
      values.add(measure(o.metric(), o.split(), result, params, once));
    }
    double violation = 0;
    List<String> reasons = new ArrayList<>();
    for (Constraint c : definition.constraints()) {
      double measured = measure(c.measure(), c.split(), result, params, once);
      if (c.violation(measured) > 0) {
        violation += c.violation(measured);
        reasons.add(c.reason(measured));
      }
    }
    return Outcome.of(values, violation, reasons.isEmpty() ? null : "infeasible: " + String.join(", ", reasons));
  }

  /** Whether a measure is the trial's to time after training (`latency`). */
  boolean needsLatency() {
    return definition.objectives().stream().anyMatch(o -> o.metric().equals(LATENCY))
        || definition.constraints().stream().anyMatch(c -> c.measure().equals(LATENCY));
  }

  private static double measure(String measure, String split, TrainResult result, long params,
      DoubleSupplier latency) {
    return switch (measure) {
      case PARAMS -> params;
      case TRAIN_TIME -> result.trainingMillis() / 1000.0;
      case LATENCY -> latency.getAsDouble();
      default -> result.value(measure, split);
    };
  }
}
