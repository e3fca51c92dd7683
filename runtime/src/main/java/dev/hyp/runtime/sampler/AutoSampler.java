package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.ConstantDistribution;
import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;

/**
 * Picks a strategy per study and per phase, as OptunaHub's AutoSampler does: TPE when the space
 * has categorical or conditional parameters (it models them jointly, and the GP's and CMA-ES's
 * strengths are in numbers); otherwise the Gaussian process for the first {@link #GP_TRIALS}
 * trials, where it finds the best values for the fewest trials, then CMA-ES, whose cost does not
 * grow with the trials, starting from the best point so far.
 */
public final class AutoSampler implements Sampler {
  /** The GP's phase: beyond it a fit costs too much per trial and CMA-ES catches up. */
  public static final int GP_TRIALS = 250;
  private static final double CMAES_SIGMA_AFTER_GP = 0.1;

  private final TpeSampler tpe;
  private final GpSampler gp;
  private final CmaEsSampler cmaes;
  private final MotpeSampler severalObjectives;

  public AutoSampler(long seed) {
    this.tpe = new TpeSampler(seed, 10, 24, 0.2, 25, 1.0);
    this.gp = new GpSampler(seed, 10, 512);
    this.cmaes = new CmaEsSampler(seed, 0, CMAES_SIGMA_AFTER_GP, 0, GP_TRIALS);
    this.severalObjectives = new MotpeSampler(seed, 5, 24, 0.2, 25, 0.5);
  }

  /** What auto runs on a space, and why, as {@code hyp run} prints it and run.json keeps it. */
  public record Choice(String strategy, String reason) {
  }

  public static Choice choose(SearchSpace space) {
    String mixed = null;
    for (ParamSpec p : space.params()) {
      if (p.distribution() instanceof ConstantDistribution) {
        continue;
      }
      // a choice among numbers is ordered: the GP and CMA-ES search it as a discrete number
      if (p.distribution() instanceof CategoricalDistribution && !CubeDimension.ordered(p.distribution())) {
        mixed = "`" + p.name() + "` is categorical";
        break;
      }
      if (p.isConditional()) {
        mixed = "`" + p.name() + "` is conditional";
        break;
      }
    }
    if (mixed != null) {
      return new Choice("tpe", mixed + ", and TPE models categorical and conditional parameters jointly");
    }
    return new Choice("gp for the first " + GP_TRIALS + " trials, then cmaes",
        "every parameter is a number: a Gaussian process needs the fewest trials, and CMA-ES costs less per"
            + " trial on long searches");
  }

  /** With several objectives, auto runs MOTPE (the best of hyp's strategies on `hyp bench multiobjective`). */
  public static final Choice SEVERAL_OBJECTIVES = new Choice("motpe",
      "the search has several objectives, and MOTPE finds the largest hypervolume for the trials");

  @Override
  public ParamValues sample(SamplingContext context) {
    if (context.objectives().isMulti()) {
      return severalObjectives.sample(context);
    }
    if (choose(context.space()).strategy().equals("tpe")) {
      return tpe.sample(context);
    }
    return context.index() < GP_TRIALS ? gp.sample(context) : cmaes.sample(context);
  }
}
