package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.ConstantDistribution;
import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * CMA-ES over the numeric parameters every trial has, on the unit cube (logs, steps and integers
 * mapped as for the GP), with the margin for discrete ones ({@link CmaEsState}). Categorical and
 * conditional parameters are sampled alongside by TPE, which models them from the same trials.
 *
 * <p>The sampler keeps no state: trial i belongs to a generation by its position, and the
 * distribution of that generation is rebuilt by replaying the earlier generations from the stored
 * trials (each trial's point is recomputed from the seed, so rounding loses nothing; a trial the
 * replay would not have drawn, such as a carried one, enters with its stored values). A resumed
 * search therefore continues exactly.
 *
 * <p>With {@code restarts} above 0, a run of CMA-ES ends when its distribution has collapsed or
 * when it has stalled: {@link #STALL} generations in a row without a better point than the run's
 * best. The restarts alternate, as BIPOP's two regimes: the odd ones are local, from the best
 * point so far with a tenth of the step and the first population; the even ones global, from a
 * random mean with twice the population of the last global run (IPOP). On a rugged function the
 * ripples keep the step from shrinking (on rastrigin4 it stays near a tenth of the cube for 100
 * trials), so the collapse IPOP waits for does not come within a small budget; the run's best
 * points are then lucky draws on the slopes of their basins, and the local run descends into the
 * best one's.
 */
public final class CmaEsSampler implements Sampler {
  private static final double COLLAPSED = 1e-6;
  /** Generations in a row without a better point after which a run has stalled. */
  static final int STALL = 3;
  /** A local restart's step, as a fraction of the first. */
  private static final double LOCAL_STEP = 0.1;

  private final long seed;
  private final int population;
  private final double sigma;
  private final int restarts;
  private final int startup;
  private final TpeSampler others;
  private final SobolSampler startupSampler;

  /**
   * @param population per generation, or 0 for 4 + 3 ln(n)
   * @param sigma initial step size as a fraction of each parameter's (unit) range
   * @param startup Sobol trials before CMA-ES; its first mean is then the best of them (else the centre)
   */
  public CmaEsSampler(long seed, int population, double sigma, int restarts, int startup) {
    if (population < 0 || population == 1 || !(sigma > 0) || restarts < 0 || startup < 0) {
      throw new IllegalArgumentException("cmaes options out of range");
    }
    this.seed = seed;
    this.population = population;
    this.sigma = sigma;
    this.restarts = restarts;
    this.startup = startup;
    this.others = new TpeSampler(Seeds.mix(seed ^ 0x5DEECE66DL), 10, 24, 0.2, 25, 1.0);
    this.startupSampler = new SobolSampler(seed);
  }

  @Override
  public ParamValues sample(SamplingContext context) {
    int index = context.index();
    if (index < startup) {
      return startupSampler.sample(context);
    }
    List<ParamSpec> numeric = new ArrayList<>();
    for (ParamSpec p : context.space().params()) {
      if (!p.isConditional() && !(p.distribution() instanceof ConstantDistribution)
          && (!(p.distribution() instanceof CategoricalDistribution) || CubeDimension.ordered(p.distribution()))) {
        numeric.add(p);
      }
    }
    Map<String, Object> chosen = new HashMap<>();
    if (!numeric.isEmpty()) {
      CubeDimension[] dims = new CubeDimension[numeric.size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = new CubeDimension(numeric.get(i).name(), numeric.get(i).distribution());
      }
      double[] x = replay(dims, context.trials(), context.direction(), index);
      for (int i = 0; i < dims.length; i++) {
        chosen.put(dims[i].name, dims[i].fromUnit(x[i]));
      }
    }
    boolean onlyNumeric = numeric.size() == context.space().params().stream()
        .filter(p -> !(p.distribution() instanceof ConstantDistribution)).count();
    ParamValues rest = onlyNumeric ? ParamValues.empty() : others.sample(context);
    SplittableRandom random = Seeds.forTrial(seed ^ 0x2545F4914F6CDD1DL, index);
    return context.space().walk((spec, earlier) -> chosen.containsKey(spec.name()) ? chosen.get(spec.name())
        : rest.has(spec.name()) && spec.distribution().contains(rest.get(spec.name())) ? rest.get(spec.name())
        : UnitMapping.fromUnit(spec.distribution(), random.nextDouble()));
  }

  /** The point CMA-ES draws for trial {@code index}, after replaying every generation before it. */
  private double[] replay(CubeDimension[] dims, List<FrozenTrial> trials, Direction direction, int index) {
    int n = dims.length;
    int lambda = population > 0 ? population : 4 + (int) Math.floor(3 * Math.log(n));
    CmaEsState state = new CmaEsState(dims, firstMean(dims, trials, direction), sigma, lambda);
    int start = startup;
    int restart = 0;
    int globalLambda = lambda;
    double best = Double.POSITIVE_INFINITY;
    double[] bestX = null;
    double runBest = Double.POSITIVE_INFINITY;
    int stalled = 0;
    while (start + state.lambda <= index) {
      double[][] xs = new double[state.lambda][];
      double[] losses = new double[state.lambda];
      for (int k = 0; k < state.lambda; k++) {
        int position = start + k;
        FrozenTrial t = trials.get(position);
        double[] drawn = state.sample(Seeds.forTrial(seed, position));
        xs[k] = drawnOrStored(dims, drawn, t.params());
        losses[k] = t.state() == TrialState.COMPLETE && t.value() != null && Double.isFinite(t.value())
            ? direction.toLoss(t.value()) : Double.POSITIVE_INFINITY;
      }
      state.tell(xs, losses);
      start += state.lambda;
      double generationBest = Double.POSITIVE_INFINITY;
      for (int k = 0; k < xs.length; k++) {
        generationBest = Math.min(generationBest, losses[k]);
        if (losses[k] < best) {
          best = losses[k];
          bestX = xs[k];
        }
      }
      stalled = generationBest < runBest ? 0 : stalled + 1;
      runBest = Math.min(runBest, generationBest);
      if (restart < restarts && (state.converged(COLLAPSED) || stalled >= STALL)) {
        restart++;
        runBest = Double.POSITIVE_INFINITY;
        stalled = 0;
        if (restart % 2 == 1 && bestX != null) {
          state = new CmaEsState(dims, bestX.clone(), sigma * LOCAL_STEP, lambda);
        } else {
          SplittableRandom r = Seeds.forTrial(seed, -restart);
          double[] mean = new double[n];
          for (int i = 0; i < n; i++) {
            mean[i] = r.nextDouble();
          }
          globalLambda *= 2;
          state = new CmaEsState(dims, mean, sigma, globalLambda);
        }
      }
    }
    return state.sample(Seeds.forTrial(seed, index));
  }

  /** The replay's own point if the trial holds what it decodes to; otherwise the trial's stored values. */
  private static double[] drawnOrStored(CubeDimension[] dims, double[] drawn, ParamValues params) {
    boolean same = true;
    double[] stored = new double[dims.length];
    for (int i = 0; i < dims.length; i++) {
      Object value = params.asMap().get(dims[i].name);
      if (value == null || !dims[i].distribution.contains(value)) {
        return drawn;
      }
      stored[i] = dims[i].toUnit(value);
      same &= value.equals(dims[i].fromUnit(drawn[i]));
    }
    return same ? drawn : stored;
  }

  /** The centre of the cube, or the best of the startup trials when there were some. */
  private double[] firstMean(CubeDimension[] dims, List<FrozenTrial> trials, Direction direction) {
    double[] mean = new double[dims.length];
    java.util.Arrays.fill(mean, 0.5);
    double best = Double.POSITIVE_INFINITY;
    for (int p = 0; p < Math.min(startup, trials.size()); p++) {
      FrozenTrial t = trials.get(p);
      if (t.state() != TrialState.COMPLETE || t.value() == null || !(direction.toLoss(t.value()) < best)) {
        continue;
      }
      double[] x = new double[dims.length];
      boolean complete = true;
      for (int i = 0; i < dims.length && complete; i++) {
        Object value = t.params().asMap().get(dims[i].name);
        complete = value != null && dims[i].distribution.contains(value);
        x[i] = complete ? dims[i].toUnit(value) : 0.5;
      }
      if (complete) {
        best = direction.toLoss(t.value());
        mean = x;
      }
    }
    return mean;
  }
}
