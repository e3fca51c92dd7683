package dev.hyp.spark;

import java.io.Serializable;

/**
 * One trial's work, run inside a Spark task. It reports a value per step to {@code epochs},
 * which answers whether the pruner wants the trial stopped.
 *
 * <p>Return {@link TrialOutcome#failed} for a failure that would happen again (Spark does not
 * retry it); throw for one that might not (a lost resource): Spark retries the task up to
 * {@code spark.task.maxFailures} times, then the trial is recorded as failed.
 */
@FunctionalInterface
public interface TrialFunction extends Serializable {
  TrialOutcome run(TrialInput input, StepReporter epochs) throws Exception;

  /** Where a task reports its steps. */
  interface StepReporter {
    /** Records the value after {@code step} (from 1); true when the trial should stop (pruned). */
    boolean report(int step, double value);

    /** Every value reported so far, step 1 first. */
    double[] values();
  }
}
