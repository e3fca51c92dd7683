package dev.hyp.runtime.sampler;

/** The sampler has no new point left to propose; a study stops asking when it sees this. */
public final class SearchSpaceExhaustedException extends RuntimeException {
  public SearchSpaceExhaustedException(String message) {
    super(message);
  }
}
