package dev.hyp.runtime.trial;

/**
 * Lifecycle of a trial. A trial left RUNNING by a process that died is turned into FAILED with
 * the reason {@link FrozenTrial#INTERRUPTED} when the study is opened again.
 */
public enum TrialState {
  RUNNING,
  COMPLETE,
  PRUNED,
  FAILED;

  public boolean isFinished() {
    return this != RUNNING;
  }
}
