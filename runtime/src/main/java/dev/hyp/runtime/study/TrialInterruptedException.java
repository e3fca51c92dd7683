package dev.hyp.runtime.study;

import dev.hyp.runtime.trial.FrozenTrial;

/**
 * Thrown by an objective that stops early because {@link Trial#stopRequested()} (the study was
 * asked to stop: a signal). The trial ends FAILED with the reason {@link FrozenTrial#INTERRUPTED}:
 * it does not count against the budget or the failures, and a later run runs it again.
 */
public final class TrialInterruptedException extends RuntimeException {
  public TrialInterruptedException() {
    super(FrozenTrial.INTERRUPTED, null, false, false);
  }
}
