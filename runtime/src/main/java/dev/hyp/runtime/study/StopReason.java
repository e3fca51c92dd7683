package dev.hyp.runtime.study;

/** Why {@link Study#optimize} returned. */
public enum StopReason {
  TRIALS,
  TIMEOUT,
  TARGET,
  MAX_FAILURES,
  SPACE_EXHAUSTED,
  /** {@link Study#requestStop()}: a signal, or the caller. */
  INTERRUPTED
}
