package dev.hyp.runtime.study;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;

/** A running trial, as handed to the objective or returned by {@link Study#ask()}. */
public final class Trial {
  private final Study study;
  private final int number;
  private final ParamValues params;

  Trial(Study study, int number, ParamValues params) {
    this.study = study;
    this.number = number;
    this.params = params;
  }

  public int number() {
    return number;
  }

  public ParamValues params() {
    return params;
  }

  /** Records the objective's value after {@code step} (the epoch number, from 1). */
  public void report(int step, double value) {
    study.report(this, step, value);
  }

  /** Whether the study's pruner wants this trial stopped, judged on the values reported so far. */
  public boolean shouldPrune() {
    return study.shouldPrune(this);
  }

  /**
   * Whether the study was asked to stop ({@link Study#requestStop()}): an objective that checks
   * it between steps throws {@link TrialInterruptedException} to end the trial early.
   */
  public boolean stopRequested() {
    return study.stopRequested();
  }

  /** Snapshot of the trial as stored now. */
  public FrozenTrial frozen() {
    return study.frozen(this);
  }

  Study study() {
    return study;
  }

  @Override
  public String toString() {
    return "Trial#" + number + params;
  }
}
