package dev.hyp.runtime.bench;

/** For tests in other packages: one search of the multi-objective benchmark. */
public final class MultiObjectiveBenchmarkAccess {
  private MultiObjectiveBenchmarkAccess() {}

  /** The hypervolume after 200 trials. */
  public static double hypervolume(String function, String sampler, long seed) {
    double[] all = MultiObjectiveBenchmark.hypervolumes(function, sampler, seed);
    return all[all.length - 1];
  }
}
