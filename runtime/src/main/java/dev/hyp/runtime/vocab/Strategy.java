package dev.hyp.runtime.vocab;

import java.util.List;
import java.util.Locale;

/**
 * `search NAME { ... }`: every search strategy and its options, in the order the reference lists
 * them. The runtime's samplers take exactly these options, with these defaults.
 *
 * <p>Deliberately not in the language: the evolution sampler's mutation default (1 / the number of
 * parameters) is derived, so `mutation` has no fixed default; the TPE sampler's `startup = 0`
 * (no random start) is allowed by the runtime but not by the language, whose bound is 1, so a
 * model is never fitted to no trials.
 */
public enum Strategy implements Term {
  /** Tries every point of a finite space. */
  GRID,
  RANDOM,
  /** A scrambled Sobol sequence, spreading trials evenly. */
  SOBOL,
  /**
   * Tree-structured Parzen estimators, multivariate over the parameters that occur together.
   * Specs have always run with 24 candidates (Optuna's); the sampler's own default used to be 48,
   * which scored lower median regret on the benchmark functions, but no spec could get it.
   */
  TPE(
      Option.integer("startup", 10, "random trials first").atLeast(1),
      Option.integer("candidates", 24, "candidates drawn per suggestion").atLeast(1),
      Option.number("gamma", 0.2, "the fraction of trials taken as good").above(0).atMost(1),
      Option.integer("max_good", 25, "at most this many good trials").atLeast(1),
      Option.number("prior_weight", 1.0, "the weight of the prior beside the trials").above(0)),
  EVOLUTION(
      Option.integer("population", 20, "individuals per generation").atLeast(2),
      Option.number("mutation", null, "the chance to redraw each parameter; default 1 / the number of parameters")
          .atLeast(0).atMost(1),
      Option.number("crossover", 0.9, "the chance to mix two parents").atLeast(0).atMost(1)),
  /**
   * Gaussian-process Bayesian optimisation: a Matérn-5/2 kernel fitted to the trials, the next
   * point maximizing log expected improvement. Best for small budgets of numeric parameters.
   */
  GP(
      Option.integer("startup", 10, "Sobol trials before the model").atLeast(1),
      Option.integer("candidates", 512, "Sobol points scored per suggestion before the local search").atLeast(1)),
  /**
   * CMA-ES with margin over the numeric parameters; categorical and conditional ones by TPE. Best
   * for long searches of numeric parameters.
   */
  CMAES(
      Option.integer("population", null, "points per generation; default 4 + 3 ln(the number of numeric parameters)")
          .atLeast(2),
      Option.number("sigma", 0.2, "the first step, as a fraction of each parameter's range").above(0).atMost(1),
      Option.integer("restarts", 0, "restarts once a run has converged or stalled, local ones from the best"
          + " point with a tenth of the step alternating with global ones with twice the population").atLeast(0)),
  /**
   * NSGA-II for several objectives: a genetic algorithm whose elite is the Pareto front and the
   * fronts behind it, spread out by crowding distance; feasible trials first.
   */
  NSGA2(
      Option.integer("population", 50, "individuals per generation").atLeast(2),
      Option.number("mutation", null, "the chance to mutate each parameter; default 1 / the number of parameters")
          .atLeast(0).atMost(1),
      Option.number("crossover", 0.9, "the chance to cross two parents").atLeast(0).atMost(1)),
  /**
   * TPE for several objectives: the good trials are the Pareto front and the fronts behind it
   * (feasible trials first) instead of the best values, each weighted by its share of their
   * hypervolume. Five Sobol' trials first, gamma 0.2 and a prior of half a trial's weight (not TPE's
   * 10, 0.1 and 1): the largest median hypervolume on `hyp bench multiobjective`; the good model
   * keeps a quarter of each categorical kernel spread over the choices, so no category is dropped.
   */
  MOTPE(
      Option.integer("startup", 5, "Sobol trials first").atLeast(1),
      Option.integer("candidates", 24, "candidates drawn per suggestion").atLeast(1),
      Option.number("gamma", 0.2, "the fraction of trials taken as good").above(0).atMost(1),
      Option.integer("max_good", 25, "at most this many good trials").atLeast(1),
      Option.number("prior_weight", 0.5, "the weight of the prior beside the trials").above(0)),
  /**
   * Chooses from the space and the phase: TPE for categorical or conditional parameters, else the
   * GP for the first 250 trials, then CMA-ES. Says what it chose when a run starts.
   */
  AUTO;

  /** The strategy of a spec without a `search` block. */
  public static final Strategy DEFAULT = AUTO;

  private final List<Option> options;

  Strategy(Option... options) {
    this.options = List.of(options);
  }

  public List<Option> options() {
    return options;
  }

  /** The option called {@code name}; an IllegalArgumentException when there is none. */
  public Option option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(hypName() + " has no option `" + name + "`"));
  }

  @Override
  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a spec writes it, so a trial's parameters print as in the spec. */
  @Override
  public String toString() {
    return hypName();
  }

  public static Strategy of(String name) {
    return Term.of(Strategy.class, name, "search strategy");
  }
}
