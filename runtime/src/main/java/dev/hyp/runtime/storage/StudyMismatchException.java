package dev.hyp.runtime.storage;

/** Opening an existing study with another direction or spec, which would mix incomparable trials. */
public final class StudyMismatchException extends RuntimeException {
  public StudyMismatchException(String message) {
    super(message);
  }
}
