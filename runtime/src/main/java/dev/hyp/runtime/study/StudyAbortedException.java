package dev.hyp.runtime.study;

/**
 * Thrown by an objective when no trial can go on, whatever its parameters (the disk is full):
 * {@link Study#optimize} rethrows it instead of failing trial after trial. The trial is left
 * running in the storage, so that a later run marks it interrupted and runs it again.
 */
public final class StudyAbortedException extends RuntimeException {
  public StudyAbortedException(String message, Throwable cause) {
    super(message, cause);
  }
}
