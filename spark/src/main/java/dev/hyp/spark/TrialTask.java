package dev.hyp.spark;

import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.spark.api.java.function.Function;

/** The body of a trial's Spark task: runs the trial function with a reporter that asks the pruner snapshot. */
final class TrialTask implements Function<TrialInput, TrialOutcome> {
  private static final long serialVersionUID = 1L;
  private final TrialFunction function;

  TrialTask(TrialFunction function) {
    this.function = function;
  }

  @Override
  public TrialOutcome call(TrialInput input) throws Exception {
    PrunerSnapshot.Judge judge = input.pruner().judge();
    NavigableMap<Integer, Double> curve = new TreeMap<>();
    TrialFunction.StepReporter reporter = new TrialFunction.StepReporter() {
      @Override
      public boolean report(int step, double value) {
        curve.put(step, value);
        return judge.shouldPrune(input.number(), curve);
      }

      @Override
      public double[] values() {
        return curve.values().stream().mapToDouble(Double::doubleValue).toArray();
      }
    };
    return function.run(input, reporter);
  }
}
