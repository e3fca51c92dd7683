package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ConstantDistribution;
import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * A scrambled Sobol' sequence: trial i takes the i-th point, one coordinate per non-constant
 * parameter in declaration order (a conditional parameter keeps its coordinate whether or not it
 * exists, so the others stay well spread). The points come from Commons Math's generator (Joe and
 * Kuo's direction numbers) and are Owen-scrambled with Burley's hash-based nested uniform
 * scramble, seeded per dimension, which keeps their balance and removes the unscrambled
 * sequence's bias towards 0.
 */
public final class SobolSampler implements Sampler {
  /** Commons Math ships direction numbers for this many dimensions. */
  static final int MAX_DIMENSIONS = 1000;

  private final long seed;
  private final Map<Integer, SobolSequenceGenerator> generators = new HashMap<>();

  public SobolSampler(long seed) {
    this.seed = seed;
  }

  @Override
  public ParamValues sample(SamplingContext context) {
    SearchSpace space = context.space();
    List<ParamSpec> params = space.params();
    Map<String, Integer> coordinate = new HashMap<>();
    for (ParamSpec p : params) {
      if (!(p.distribution() instanceof ConstantDistribution)) {
        coordinate.put(p.name(), coordinate.size());
      }
    }
    double[] point = point(Math.max(1, coordinate.size()), context.index());
    SplittableRandom jitter = Seeds.forTrial(seed, context.index());
    double[] u = new double[point.length];
    for (int d = 0; d < point.length; d++) {
      u[d] = scramble(point[d], d, jitter);
    }
    return space.walk((spec, earlier) -> UnitMapping.fromUnit(spec.distribution(), u[coordinate.get(spec.name())]));
  }

  private double[] point(int dimensions, int index) {
    if (dimensions > MAX_DIMENSIONS) {
      throw new IllegalArgumentException("sobol supports at most " + MAX_DIMENSIONS + " parameters");
    }
    // the generator is stateful and slow to build (it parses its direction numbers): keep one
    synchronized (generators) {
      return generators.computeIfAbsent(dimensions, SobolSequenceGenerator::new).skipTo(index);
    }
  }

  /**
   * Owen-scrambles the top 32 bits of a Sobol' coordinate; the bits below are filled uniformly,
   * as deeper levels of a full Owen scramble would be.
   */
  private double scramble(double coordinate, int dimension, SplittableRandom jitter) {
    int bits = (int) (long) (coordinate * 4294967296.0);
    int dimensionSeed = (int) Seeds.mix(seed * 1_000_003L + dimension);
    int scrambled = nestedUniformScramble(bits, dimensionSeed);
    return ((scrambled & 0xFFFFFFFFL) + jitter.nextDouble()) / 4294967296.0;
  }

  /** Burley (2020), "Practical Hash-based Owen Scrambling". */
  static int nestedUniformScramble(int x, int seed) {
    x = Integer.reverse(x);
    x += seed;
    x ^= x * 0x6c50b47c;
    x ^= x * 0xb82f1e52;
    x ^= x * 0xc7afe638;
    x ^= x * 0x8d22f6e6;
    return Integer.reverse(x);
  }
}
