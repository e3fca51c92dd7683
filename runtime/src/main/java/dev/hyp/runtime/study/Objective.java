package dev.hyp.runtime.study;

/**
 * What a study tunes. Returning a value completes the trial; throwing {@link
 * TrialPrunedException} prunes it; throwing anything else fails it with the exception's message.
 */
@FunctionalInterface
public interface Objective {
  double evaluate(Trial trial) throws Exception;

  /**
   * The trial's result for a study with several objectives or constraints; by default the one
   * value of {@link #evaluate}, feasible.
   */
  default Outcome outcome(Trial trial) throws Exception {
    return Outcome.of(evaluate(trial));
  }
}
