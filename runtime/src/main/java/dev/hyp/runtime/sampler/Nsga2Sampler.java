package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.Distribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;
import java.util.List;
import java.util.SplittableRandom;

/**
 * NSGA-II (Deb et al. 2002), steady state: the first {@code population} trials are random; after
 * that each trial is a child of two parents, each the better of two random members (binary
 * tournament) of the elite, the best {@code population} complete trials by {@link ParetoRanking}
 * (feasible first, non-domination rank, crowding distance). Numbers cross by simulated binary
 * crossover (SBX, distribution index 20) with probability {@code crossover} and then mutate by
 * polynomial mutation (index 20), each with probability {@code mutation} (by default 1 / the number
 * of parameters), on their (log) range mapped to [0, 1]; categories cross uniformly and mutate by
 * a fresh draw. A parameter neither parent has is drawn at random. With one objective it is a
 * plain elitist genetic algorithm.
 */
public final class Nsga2Sampler implements Sampler {
  private static final double ETA_CROSSOVER = 20;
  private static final double ETA_MUTATION = 20;

  private final long seed;
  private final int population;
  private final double crossover;
  private final double mutation;

  /** @param mutation per-parameter mutation probability, or a negative number for 1 / the parameters */
  public Nsga2Sampler(long seed, int population, double crossover, double mutation) {
    if (population < 2 || crossover < 0 || crossover > 1 || mutation > 1) {
      throw new IllegalArgumentException("nsga2 needs population >= 2 and probabilities in [0, 1]");
    }
    this.seed = seed;
    this.population = population;
    this.crossover = crossover;
    this.mutation = mutation;
  }

  @Override
  public ParamValues sample(SamplingContext context) {
    SplittableRandom random = Seeds.forTrial(seed, context.index());
    List<FrozenTrial> order = ParetoRanking.order(context.trials(), context.objectives());
    if (order.size() < population) {
      return context.space().walk((spec, earlier) -> UnitMapping.fromUnit(spec.distribution(), random.nextDouble()));
    }
    List<FrozenTrial> elite = order.subList(0, population);
    ParamValues a = elite.get(Math.min(random.nextInt(population), random.nextInt(population))).params();
    ParamValues b = elite.get(Math.min(random.nextInt(population), random.nextInt(population))).params();
    boolean cross = random.nextDouble() < crossover;
    long searched = context.space().params().stream().filter(p -> !(p.distribution()
        instanceof dev.hyp.runtime.space.ConstantDistribution)).count();
    double pMutate = mutation >= 0 ? mutation : 1.0 / Math.max(1, searched);
    return context.space().walk((spec, earlier) -> {
      Distribution d = spec.distribution();
      boolean inA = a.has(spec.name()) && d.contains(a.get(spec.name()));
      boolean inB = b.has(spec.name()) && d.contains(b.get(spec.name()));
      if (!inA && !inB) {
        return UnitMapping.fromUnit(d, random.nextDouble());
      }
      if (d instanceof CategoricalDistribution c) {
        Object v = !inB || (inA && (!cross || random.nextBoolean())) ? a.get(spec.name()) : b.get(spec.name());
        return random.nextDouble() < pMutate ? c.choices().get(random.nextInt(c.choices().size())) : v;
      }
      if (!(d instanceof FloatDistribution) && !(d instanceof IntDistribution)) {
        return inA ? a.get(spec.name()) : b.get(spec.name());
      }
      double x = inA ? toUnit(d, a.get(spec.name())) : toUnit(d, b.get(spec.name()));
      double y = inB ? toUnit(d, b.get(spec.name())) : x;
      double child = cross ? sbx(x, y, random) : x;
      if (random.nextDouble() < pMutate) {
        child = polynomialMutation(child, random);
      }
      return UnitMapping.fromUnit(d, Math.min(Math.nextDown(1.0), Math.max(0, child)));
    });
  }

  /** One child of SBX between {@code x} and {@code y} in [0, 1], bounded (Deb and Agrawal 1995). */
  static double sbx(double x, double y, SplittableRandom random) {
    if (Math.abs(x - y) < 1e-14) {
      return x;
    }
    double lo = Math.min(x, y);
    double hi = Math.max(x, y);
    double u = random.nextDouble();
    double beta = 1 + 2 * Math.min(lo, 1 - hi) / (hi - lo);
    double alpha = 2 - Math.pow(beta, -(ETA_CROSSOVER + 1));
    double betaQ = u <= 1 / alpha ? Math.pow(u * alpha, 1 / (ETA_CROSSOVER + 1))
        : Math.pow(1 / (2 - u * alpha), 1 / (ETA_CROSSOVER + 1));
    double c = random.nextBoolean() ? 0.5 * ((lo + hi) - betaQ * (hi - lo)) : 0.5 * ((lo + hi) + betaQ * (hi - lo));
    return Math.min(1, Math.max(0, c));
  }

  /** Polynomial mutation of {@code x} in [0, 1] (Deb and Goyal 1996, the bounded form). */
  static double polynomialMutation(double x, SplittableRandom random) {
    double u = random.nextDouble();
    double power = 1 / (ETA_MUTATION + 1);
    double delta;
    if (u < 0.5) {
      double xy = 1 - x;
      delta = Math.pow(2 * u + (1 - 2 * u) * Math.pow(xy, ETA_MUTATION + 1), power) - 1;
    } else {
      double xy = x;
      delta = 1 - Math.pow(2 * (1 - u) + 2 * (u - 0.5) * Math.pow(xy, ETA_MUTATION + 1), power);
    }
    return Math.min(1, Math.max(0, x + delta));
  }

  /** A number's place in [0, 1], the inverse of {@link UnitMapping#fromUnit} (a step's middle for steps). */
  static double toUnit(Distribution d, Object value) {
    if (d instanceof FloatDistribution f) {
      double v = ((Number) value).doubleValue();
      if (f.step() != null) {
        long count = f.stepCount();
        long index = Math.round((v - f.lo()) / f.step());
        return (index + 0.5) / count;
      }
      return f.log() ? (Math.log(v) - Math.log(f.lo())) / (Math.log(f.hi()) - Math.log(f.lo()))
          : (f.hi() > f.lo() ? (v - f.lo()) / (f.hi() - f.lo()) : 0);
    }
    IntDistribution i = (IntDistribution) d;
    long v = ((Number) value).longValue();
    if (i.log()) {
      double lo = Math.log(i.lo() - 0.5 <= 0 ? i.lo() * 0.5 : i.lo() - 0.5);
      double hi = Math.log(i.hi() + 0.5);
      return (Math.log(v) - lo) / (hi - lo);
    }
    long count = (i.top() - i.lo()) / i.step() + 1;
    return ((v - i.lo()) / i.step() + 0.5) / count;
  }
}
