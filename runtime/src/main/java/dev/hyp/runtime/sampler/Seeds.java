package dev.hyp.runtime.sampler;

import java.util.SplittableRandom;

/** Derives independent random streams from the study seed, so results do not depend on threads. */
final class Seeds {
  private Seeds() {}

  /** A generator for one (seed, trial index) pair. */
  static SplittableRandom forTrial(long seed, int index) {
    return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
  }

  /** SplitMix64's finalizer: spreads nearby inputs over the whole 64-bit range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
