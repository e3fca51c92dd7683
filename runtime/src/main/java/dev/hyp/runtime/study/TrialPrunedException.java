package dev.hyp.runtime.study;

/** Thrown by an objective after {@link Trial#shouldPrune()} said yes; the trial ends PRUNED. */
public final class TrialPrunedException extends RuntimeException {
  public TrialPrunedException() {
    super("trial pruned", null, false, false);
  }
}
