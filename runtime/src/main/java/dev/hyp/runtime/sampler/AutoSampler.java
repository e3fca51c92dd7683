package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.ConstantDistribution;
import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;

/**
 * Picks a strategy per study and per phase: the Gaussian process for the first {@link #GP_TRIALS}
 * trials, where it finds the best values for the fewest trials (on spaces of numbers in a trust
 * region, see {@link GpSampler}), then CMA-ES, whose cost does not
 * grow with the trials, starting from the best point so far. Unlike OptunaHub's AutoSampler it
 * keeps the GP for categorical and conditional parameters too (the GP compares categories by
 * Hamming distance and models each group of parameters that occur together from the trials that
 * have them): on {@code hyp bench samplers}' mixed space, which has both, the GP's median regret
 * is a fraction of TPE's at 25, 50 and 100 trials. With several objectives it runs MOTPE.
 */
public final class AutoSampler implements Sampler {
  /** The GP's phase: beyond it a fit costs too much per trial and CMA-ES catches up. */
  public static final int GP_TRIALS = 250;
  private static final double CMAES_SIGMA_AFTER_GP = 0.1;

  private final GpSampler gp;
  private final CmaEsSampler cmaes;
  private final MotpeSampler severalObjectives;

  public AutoSampler(long seed) {
    this.gp = new GpSampler(seed, 10, 512);
    this.cmaes = new CmaEsSampler(seed, 0, CMAES_SIGMA_AFTER_GP, 0, GP_TRIALS);
    this.severalObjectives = new MotpeSampler(seed, 5, 24, 0.2, 25, 0.5);
  }

  /** What auto runs on a space, and why, as {@code hyp run} prints it and run.json keeps it. */
  public record Choice(String strategy, String reason) {
  }

  public static Choice choose(SearchSpace space) {
    boolean categorical = false;
    boolean conditional = false;
    for (ParamSpec p : space.params()) {
      if (p.distribution() instanceof ConstantDistribution) {
        continue;
      }
      // a choice among numbers is ordered: the GP and CMA-ES search it as a discrete number
      categorical |= p.distribution() instanceof CategoricalDistribution && !CubeDimension.ordered(p.distribution());
      conditional |= p.isConditional();
    }
    String kinds = categorical && conditional ? "categorical and conditional" : categorical ? "categorical"
        : conditional ? "conditional" : null;
    String gp = kinds == null ? "every parameter is a number: a Gaussian process needs the fewest trials, searching"
        + " a trust region around the trial it rates best (grown after improvements, shrunk without, restarted once"
        + " collapsed) so a rugged function does not hold it in one basin"
        : "a Gaussian process needs the fewest trials, on " + kinds + " parameters too (a category by Hamming"
            + " distance, one model per group of parameters that occur together)";
    return new Choice("gp for the first " + GP_TRIALS + " trials, then cmaes",
        gp + ", and CMA-ES costs less per trial on long searches");
  }

  /** With several objectives, auto runs MOTPE (the best of hyp's strategies on `hyp bench multiobjective`). */
  public static final Choice SEVERAL_OBJECTIVES = new Choice("motpe",
      "the search has several objectives, and MOTPE finds the largest hypervolume for the trials");

  @Override
  public ParamValues sample(SamplingContext context) {
    if (context.objectives().isMulti()) {
      return severalObjectives.sample(context);
    }
    return context.index() < GP_TRIALS ? gp.sample(context) : cmaes.sample(context);
  }
}
