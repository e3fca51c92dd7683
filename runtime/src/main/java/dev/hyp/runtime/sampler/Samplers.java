package dev.hyp.runtime.sampler;

import dev.hyp.runtime.vocab.Option;
import dev.hyp.runtime.vocab.Strategy;
import dev.hyp.runtime.vocab.Term;
import java.util.List;
import java.util.Map;

/**
 * Builds a sampler from its strategy in {@code search NAME { ... }} and its options; the options,
 * their names and their defaults are the vocabulary's ({@link Strategy#options()}).
 */
public final class Samplers {
  /** Every strategy name {@link #create} accepts. */
  public static final List<String> NAMES = Term.names(Strategy.class);

  private Samplers() {}

  /**
   * @param options strategy options, e.g. {@code startup = 10} for tpe; absent ones take their defaults
   * @throws IllegalArgumentException for an unknown name or option
   */
  public static Sampler create(String name, Map<String, Object> options, long seed) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown search strategy `" + name + "`; known: " + NAMES);
    }
    return create(Strategy.of(name), options, seed);
  }

  public static Sampler create(Strategy strategy, Map<String, Object> options, long seed) {
    Options o = new Options(strategy.hypName(), options);
    Sampler sampler = switch (strategy) {
      case GRID -> new GridSampler();
      case RANDOM -> new RandomSampler(seed);
      case SOBOL -> new SobolSampler(seed);
      case TPE -> new TpeSampler(seed, integer(o, strategy, "startup"), integer(o, strategy, "candidates"),
          number(o, strategy, "gamma"), integer(o, strategy, "max_good"), number(o, strategy, "prior_weight"));
      // mutation: -1 lets the sampler derive it (1 / the number of parameters)
      case EVOLUTION -> new EvolutionSampler(seed, integer(o, strategy, "population"),
          number(o, strategy, "crossover"), o.getDouble("mutation", -1));
      case GP -> new GpSampler(seed, integer(o, strategy, "startup"), integer(o, strategy, "candidates"));
      // population 0: the sampler derives it from the number of numeric parameters
      case CMAES -> new CmaEsSampler(seed, o.getInt("population", 0), number(o, strategy, "sigma"),
          integer(o, strategy, "restarts"), 0);
      case NSGA2 -> new Nsga2Sampler(seed, integer(o, strategy, "population"), number(o, strategy, "crossover"),
          o.getDouble("mutation", -1));
      case MOTPE -> new MotpeSampler(seed, integer(o, strategy, "startup"), integer(o, strategy, "candidates"),
          number(o, strategy, "gamma"), integer(o, strategy, "max_good"), number(o, strategy, "prior_weight"));
      case AUTO -> new AutoSampler(seed);
    };
    o.rejectUnknown();
    return sampler;
  }

  private static int integer(Options options, Strategy strategy, String name) {
    Option option = strategy.option(name);
    return options.getInt(name, option.defaultInt());
  }

  private static double number(Options options, Strategy strategy, String name) {
    Option option = strategy.option(name);
    return options.getDouble(name, option.defaultDouble());
  }
}
