package dev.hyp.runtime.study;

import java.time.Duration;

/**
 * When {@link Study#optimize} stops, and how many trials run at once.
 *
 * @param trials budget of trials in the study, counting those done before a resume (interrupted
 *     ones excepted); null for no limit
 * @param parallel trials run at once on a thread pool
 * @param timeout no new trial starts after this much time in this call; null for none
 * @param target stop once a complete trial reaches this value; null for none
 * @param maxFailures stop once the study holds this many failed trials (interrupted ones
 *     excepted); null for no limit
 */
public record StudyOptions(Integer trials, int parallel, Duration timeout, Double target, Integer maxFailures) {

  public StudyOptions {
    if (trials != null && trials < 0) {
      throw new IllegalArgumentException("trials must be >= 0");
    }
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be >= 1");
    }
    if (maxFailures != null && maxFailures < 1) {
      throw new IllegalArgumentException("max_failures must be >= 1");
    }
    if (trials == null && timeout == null && target == null) {
      throw new IllegalArgumentException("give at least one of trials, timeout or target, or the study never ends");
    }
  }

  /** {@code n} trials, one at a time, no other limit. */
  public static StudyOptions trials(int n) {
    return new StudyOptions(n, 1, null, null, null);
  }

  public StudyOptions withParallel(int parallel) {
    return new StudyOptions(trials, parallel, timeout, target, maxFailures);
  }

  public StudyOptions withTimeout(Duration timeout) {
    return new StudyOptions(trials, parallel, timeout, target, maxFailures);
  }

  public StudyOptions withTarget(double target) {
    return new StudyOptions(trials, parallel, timeout, target, maxFailures);
  }

  public StudyOptions withMaxFailures(int maxFailures) {
    return new StudyOptions(trials, parallel, timeout, target, maxFailures);
  }
}
