package dev.hyp.runtime.sampler;

import java.util.List;
import java.util.Map;

/** Builds a sampler from its name in {@code search NAME { ... }} and its options. */
public final class Samplers {
  /** Every strategy name {@link #create} accepts. */
  public static final List<String> NAMES = List.of("grid", "random", "sobol", "tpe", "evolution");

  private Samplers() {}

  /**
   * Options: tpe {@code startup, candidates, gamma, max_good, prior_weight}; evolution
   * {@code population, crossover, mutation}; grid, random and sobol take none.
   *
   * @param options strategy options, e.g. {@code startup = 10} for tpe
   * @throws IllegalArgumentException for an unknown name or option
   */
  public static Sampler create(String name, Map<String, Object> options, long seed) {
    Options o = new Options(name, options);
    Sampler sampler = switch (name) {
      case "grid" -> new GridSampler();
      case "random" -> new RandomSampler(seed);
      case "sobol" -> new SobolSampler(seed);
      case "tpe" -> new TpeSampler(seed, o.getInt("startup", TpeSampler.DEFAULT_STARTUP),
          o.getInt("candidates", TpeSampler.DEFAULT_CANDIDATES), o.getDouble("gamma", TpeSampler.DEFAULT_GAMMA),
          o.getInt("max_good", TpeSampler.DEFAULT_MAX_GOOD),
          o.getDouble("prior_weight", TpeSampler.DEFAULT_PRIOR_WEIGHT));
      case "evolution" -> new EvolutionSampler(seed, o.getInt("population", 20), o.getDouble("crossover", 0.9),
          o.getDouble("mutation", -1));
      default -> throw new IllegalArgumentException("unknown search strategy `" + name + "`; known: " + NAMES);
    };
    o.rejectUnknown();
    return sampler;
  }
}
