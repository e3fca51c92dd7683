package dev.hyp.runtime.dl4j;

/**
 * A trial's training went wrong: the loss became NaN or infinite, or Deeplearning4j threw. The
 * message says what happened in words (and the cause, when there is one, is DL4J's exception);
 * the study records the trial as failed with it and the run goes on.
 */
public final class TrainingFailedException extends RuntimeException {
  public TrainingFailedException(String message) {
    super(message);
  }

  public TrainingFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
