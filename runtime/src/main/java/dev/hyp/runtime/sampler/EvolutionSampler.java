package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.ConstantDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamSpec;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A steady-state genetic algorithm. The first {@code population} trials are random; after that
 * each trial is a child of two parents picked by binary tournament among the best
 * {@code population} complete trials: uniform crossover (with probability {@code crossover},
 * otherwise a copy of the first parent), then each parameter mutates with probability
 * {@code mutation} (by default 1 / number of parameters): numbers by a Gaussian step of a tenth
 * of their (log) range, categories by a fresh draw. A parameter that neither parent has (it
 * became active through the child's other values) is drawn at random.
 */
public final class EvolutionSampler implements Sampler {
  private final long seed;
  private final int population;
  private final double crossover;
  private final double mutation;

  /**
   * @param mutation per-parameter mutation probability, or a negative number for 1/parameters
   */
  public EvolutionSampler(long seed, int population, double crossover, double mutation) {
    if (population < 2 || crossover < 0 || crossover > 1 || mutation > 1) {
      throw new IllegalArgumentException("evolution needs population >= 2 and probabilities in [0, 1]");
    }
    this.seed = seed;
    this.population = population;
    this.crossover = crossover;
    this.mutation = mutation;
  }

  public EvolutionSampler(long seed) {
    this(seed, 20, 0.9, -1);
  }

  @Override
  public ParamValues sample(SamplingContext context) {
    SplittableRandom random = Seeds.forTrial(seed, context.index());
    List<FrozenTrial> elite = elite(context.trials(), context.direction());
    if (elite.size() < population) {
      return context.space().walk((spec, earlier) -> UnitMapping.fromUnit(spec.distribution(), random.nextDouble()));
    }
    ParamValues a = tournament(elite, random);
    ParamValues b = tournament(elite, random);
    boolean cross = random.nextDouble() < crossover;
    long searched = context.space().params().stream()
        .filter(p -> !(p.distribution() instanceof ConstantDistribution)).count();
    double pMutate = mutation >= 0 ? mutation : 1.0 / Math.max(1, searched);
    return context.space().walk((spec, earlier) -> {
      ParamValues from = cross && random.nextBoolean() ? b : a;
      ParamValues other = from == a ? b : a;
      Object inherited = from.has(spec.name()) ? from.get(spec.name())
          : other.has(spec.name()) ? other.get(spec.name()) : null;
      if (inherited == null || !spec.distribution().contains(inherited)) {
        return UnitMapping.fromUnit(spec.distribution(), random.nextDouble());
      }
      return random.nextDouble() < pMutate ? mutate(spec, inherited, random) : inherited;
    });
  }

  /** The best {@code population} complete trials, best first. */
  private List<FrozenTrial> elite(List<FrozenTrial> trials, Direction direction) {
    List<FrozenTrial> complete = new ArrayList<>();
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE) {
        complete.add(t);
      }
    }
    complete.sort(Comparator.comparingDouble((FrozenTrial t) -> direction.toLoss(t.value()))
        .thenComparingInt(FrozenTrial::number));
    return complete.subList(0, Math.min(population, complete.size()));
  }

  /** Binary tournament: the better (earlier in the elite) of two random members. */
  private static ParamValues tournament(List<FrozenTrial> elite, SplittableRandom random) {
    int i = random.nextInt(elite.size());
    int j = random.nextInt(elite.size());
    return elite.get(Math.min(i, j)).params();
  }

  private static Object mutate(ParamSpec spec, Object value, SplittableRandom random) {
    if (spec.distribution() instanceof FloatDistribution f) {
      double lo = f.log() ? Math.log(f.lo()) : f.lo();
      double hi = f.log() ? Math.log(f.hi()) : f.hi();
      double x = f.log() ? Math.log((Double) value) : (Double) value;
      double y = reflect(x + 0.1 * (hi - lo) * random.nextGaussian(), lo, hi);
      return f.snap(f.log() ? Math.exp(y) : y);
    }
    if (spec.distribution() instanceof IntDistribution i) {
      double lo = i.log() ? Math.log(i.lo()) : i.lo();
      double hi = i.log() ? Math.log(i.hi()) : i.hi();
      double x = i.log() ? Math.log((Long) value) : (Long) value;
      // at least one step, so small integer ranges still move
      double step = Math.max(0.1 * (hi - lo), i.log() ? 0 : i.step());
      double y = reflect(x + step * random.nextGaussian(), lo, hi);
      return i.snap(i.log() ? Math.exp(y) : y);
    }
    if (spec.distribution() instanceof CategoricalDistribution c) {
      return c.choices().get(random.nextInt(c.choices().size()));
    }
    return value;
  }

  /** Folds a step that left [lo, hi] back inside, so the bounds are not over-sampled. */
  private static double reflect(double x, double lo, double hi) {
    double width = hi - lo;
    if (width <= 0) {
      return lo;
    }
    double t = Math.abs(x - lo) % (2 * width);
    return lo + (t <= width ? t : 2 * width - t);
  }
}
