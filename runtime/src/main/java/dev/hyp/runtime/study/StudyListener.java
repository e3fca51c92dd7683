package dev.hyp.runtime.study;

import dev.hyp.runtime.trial.FrozenTrial;

/** Progress hook (a progress bar, a log): called on the thread that runs the trial. */
public interface StudyListener {
  default void trialStarted(Study study, FrozenTrial trial) {}

  default void trialFinished(Study study, FrozenTrial trial) {}
}
