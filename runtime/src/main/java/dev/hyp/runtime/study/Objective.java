package dev.hyp.runtime.study;

/**
 * What a study tunes. Returning a value completes the trial; throwing {@link
 * TrialPrunedException} prunes it; throwing anything else fails it with the exception's message.
 */
@FunctionalInterface
public interface Objective {
  double evaluate(Trial trial) throws Exception;
}
