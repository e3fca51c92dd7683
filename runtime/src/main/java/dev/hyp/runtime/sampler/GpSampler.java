package dev.hyp.runtime.sampler;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Gaussian-process Bayesian optimisation, as Optuna's {@code GPSampler}: after {@code startup}
 * Sobol trials, a {@link GaussianProcess} is fitted to the trials (per group of parameters that
 * occur together, as TPE groups them, so conditional parameters are modelled from the trials that
 * have them) and the point maximizing log expected improvement is suggested. The acquisition is
 * maximised from {@code candidates} scrambled Sobol points plus the best trials, the best few
 * refined by a bounded quasi-Newton search over the continuous coordinates and a sweep over the
 * neighbouring values of integers, steps and categories, which the acquisition sees rounded.
 * The GP sees the losses through a monotone log warp ({@link #warped}), and EI measures
 * improvement over the best posterior mean at the trials ({@link #incumbent}). Its kernel
 * settings are refitted at every trial up to {@link #REFIT_ALL} observations, then every
 * {@link #REFIT_EVERY} to 100 and more rarely beyond ({@link #refitPoint}), each fit a function of
 * the trials it was made on.
 *
 * <p>When every parameter is a number, the acquisition is maximised only in a {@link TrustRegion}
 * (TuRBO's): a box around the trial of the current run with the best posterior mean, its sides
 * proportional to the kernel's lengthscales ({@link #regionSides}), grown after improvements,
 * shrunk without, and when collapsed a new run from a few Sobol trials. On a rugged function the
 * GP explains the ripples as noise and, searching the whole cube, kept proposing points around its
 * smoothed optimum without improving (rastrigin4 on {@code hyp bench samplers}: no better trial
 * between trial 50 and 100 in most seeds); in the region it descends into a basin instead.
 *
 * <p>Running trials count as observed at the best value so far (a constant liar), so concurrent
 * asks do not propose the same point; pruned trials count as the worst value. The suggestion is a
 * function of the seed and the stored trials only, so a resumed search continues as an
 * uninterrupted one would.
 */
public final class GpSampler implements Sampler {
  private static final int LOCAL_STARTS = 4;
  /** Space-filling trials that start each run of the trust region after the first: at least this many. */
  private static final int RESTART_DESIGN_MIN = 4;
  private static final int FIT_ITERATIONS = 50;
  /** Kernel settings are refitted at every trial up to this many observations, then every REFIT_EVERY. */
  static final int REFIT_ALL = 50;
  static final int REFIT_EVERY = 5;
  /** Recent fits, by the observations they were made on (one per group and refit point in use). */
  private final Map<FitKey, GaussianProcess.Settings> fits = new java.util.LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<FitKey, GaussianProcess.Settings> eldest) {
      return size() > 16;
    }
  };
  /** Sobol generators by dimension: slow to build (they parse their direction numbers), stateful. */
  private static final Map<Integer, SobolSequenceGenerator> GENERATORS = new HashMap<>();

  private final long seed;
  private final int startup;
  private final int candidates;
  private final SobolSampler startupSampler;

  public GpSampler(long seed, int startup, int candidates) {
    if (startup < 1 || candidates < 1) {
      throw new IllegalArgumentException("gp options out of range");
    }
    this.seed = seed;
    this.startup = startup;
    this.candidates = candidates;
    this.startupSampler = new SobolSampler(seed);
  }

  @Override
  public ParamValues sample(SamplingContext context) {
    long finished = context.trials().stream()
        .filter(t -> t.state() == TrialState.COMPLETE && t.value() != null && Double.isFinite(t.value())).count();
    if (finished < startup) {
      return startupSampler.sample(context);
    }
    // the trust region, on spaces of numbers only: its side, and the first trial number of its run
    double length = Double.NaN;
    int runFrom = Integer.MAX_VALUE;
    int numbers = numbersOnly(context.space());
    if (numbers > 0) {
      TrustRegion region = TrustRegion.replay(context.trials(), context.direction(), startup,
          Math.max(RESTART_DESIGN_MIN, numbers), numbers);
      if (region.designLeft() > 0) {
        return startupSampler.sample(context);
      }
      List<FrozenTrial> all = context.trials();
      for (int i = region.runStart(); i < all.size() && runFrom == Integer.MAX_VALUE; i++) {
        if (finished(all.get(i))) {
          length = region.length();
          runFrom = all.get(region.runStart()).number();
        }
      }
    }
    SplittableRandom random = Seeds.forTrial(seed, context.index());
    List<FrozenTrial> modelled = new ArrayList<>();
    for (FrozenTrial t : context.trials()) {
      if (TrialRanking.usable(t)) {
        modelled.add(t);
      }
    }
    double[] loss = losses(modelled, context.direction());
    Map<String, Object> chosen = new HashMap<>();
    for (List<String> group : ModelGroups.of(context.space(), modelled)) {
      chosen.putAll(sampleGroup(context.space(), group, modelled, loss, random, length, runFrom));
    }
    return context.space().walk((spec, earlier) -> chosen.containsKey(spec.name())
        ? chosen.get(spec.name())
        : UnitMapping.fromUnit(spec.distribution(), random.nextDouble()));
  }

  /**
   * How many parameters the space searches if every one is a number that every trial has (floats,
   * integers, choices among numbers), else 0: the trust region is for such spaces only. On the
   * samplers benchmark's mixed space (categories and a conditional parameter) it made the GP's
   * regret several times larger, while on the multimodal numeric functions it keeps the search
   * from settling on one smoothed-over basin.
   */
  static int numbersOnly(SearchSpace space) {
    int numbers = 0;
    for (dev.hyp.runtime.space.ParamSpec p : space.params()) {
      if (p.distribution() instanceof dev.hyp.runtime.space.ConstantDistribution) {
        continue;
      }
      if (p.isConditional() || p.distribution() instanceof dev.hyp.runtime.space.CategoricalDistribution
          && !CubeDimension.ordered(p.distribution())) {
        return 0;
      }
      numbers++;
    }
    return numbers;
  }

  /** Each trial's loss: its value, the worst value if pruned, the best (the liar's) if running. */
  private static double[] losses(List<FrozenTrial> trials, Direction direction) {
    double best = Double.POSITIVE_INFINITY;
    double worst = Double.NEGATIVE_INFINITY;
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.COMPLETE && t.value() != null && Double.isFinite(t.value())) {
        double l = direction.toLoss(t.value());
        best = Math.min(best, l);
        worst = Math.max(worst, l);
      }
    }
    double[] loss = new double[trials.size()];
    for (int i = 0; i < loss.length; i++) {
      FrozenTrial t = trials.get(i);
      boolean complete = t.state() == TrialState.COMPLETE && t.value() != null && Double.isFinite(t.value());
      loss[i] = complete ? direction.toLoss(t.value()) : t.state() == TrialState.RUNNING ? best : worst;
    }
    return loss;
  }

  private Map<String, Object> sampleGroup(SearchSpace space, List<String> group, List<FrozenTrial> trials,
      double[] loss, SplittableRandom random, double length, int runFrom) {
    List<CubeDimension> dims = new ArrayList<>();
    for (String name : group) {
      dims.add(new CubeDimension(name, space.param(name).distribution()));
    }
    List<double[]> rows = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < trials.size(); i++) {
      double[] row = observation(dims, trials.get(i).params());
      if (row != null) {
        rows.add(row);
        values.add(loss[i]);
      }
    }
    Map<String, Object> out = new HashMap<>();
    if (rows.size() < 2) {
      return out;
    }
    double[] y = standardizedGain(warped(values));
    boolean[] categorical = new boolean[dims.size()];
    for (int j = 0; j < categorical.length; j++) {
      categorical[j] = dims.get(j).categorical();
    }
    double[][] x = rows.toArray(double[][]::new);
    GaussianProcess gp = GaussianProcess.withSettings(x, y, categorical, settings(x, values, categorical));
    double[] centre = Double.isNaN(length) ? null : regionCentre(gp, dims, trials, runFrom);
    double[] lower = null;
    double[] upper = null;
    if (centre != null) {
      lower = new double[dims.size()];
      upper = new double[dims.size()];
      double[] side = regionSides(gp, categorical, length);
      for (int j = 0; j < dims.size(); j++) {
        lower[j] = categorical[j] ? 0 : Math.max(0, centre[j] - side[j] / 2);
        upper[j] = categorical[j] ? 1 : Math.min(1, centre[j] + side[j] / 2);
      }
    }
    double best = incumbent(gp, x);
    double[] point = new AcquisitionSearch(gp, dims, best, lower, upper)
        .maximize(x, y, candidates, LOCAL_STARTS, random);
    for (int j = 0; j < dims.size(); j++) {
      out.put(dims.get(j).name, dims.get(j).fromUnit(point[j]));
    }
    return out;
  }

  /**
   * The trust region's centre: of the finished trials of its run (numbered from {@code runFrom}),
   * the one with the best posterior mean, which on a noisy or rugged function is the trial the
   * model rates best rather than the one that got lucky; null if the run has none.
   */
  private static double[] regionCentre(GaussianProcess gp, List<CubeDimension> dims, List<FrozenTrial> trials,
      int runFrom) {
    double[] centre = null;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (FrozenTrial t : trials) {
      double[] row = t.number() >= runFrom && finished(t) ? observation(dims, t.params()) : null;
      if (row != null && gp.mean(row) > bestMean) {
        bestMean = gp.mean(row);
        centre = row;
      }
    }
    return centre;
  }

  private static boolean finished(FrozenTrial t) {
    return t.state() == TrialState.COMPLETE && t.value() != null && Double.isFinite(t.value());
  }

  /**
   * The trust region's side per dimension: {@code length} times the dimension's lengthscale over
   * their geometric mean (TuRBO's weights), so the box is longer where the model varies slowly.
   */
  static double[] regionSides(GaussianProcess gp, boolean[] categorical, double length) {
    int d = categorical.length;
    double logSum = 0;
    int numeric = 0;
    for (int j = 0; j < d; j++) {
      if (!categorical[j]) {
        logSum += -0.5 * Math.log(gp.eta[j]);
        numeric++;
      }
    }
    double logMean = numeric == 0 ? 0 : logSum / numeric;
    double[] side = new double[d];
    for (int j = 0; j < d; j++) {
      side[j] = categorical[j] ? 1 : length * Math.exp(-0.5 * Math.log(gp.eta[j]) - logMean);
    }
    return side;
  }

  /**
   * The kernel settings for observations {@code x}: fitted to all of them up to {@link #REFIT_ALL},
   * beyond to the first {@link #refitPoint} of them, so a fit serves the trials up to the next
   * refit point too. It is a function of
   * those trials only (the memo just saves recomputing it), so a resumed search gets the same.
   */
  private GaussianProcess.Settings settings(double[][] x, List<Double> losses, boolean[] categorical) {
    int n = x.length;
    int m = refitPoint(n);
    double[][] fitX = java.util.Arrays.copyOf(x, m);
    double[] fitLosses = new double[m];
    for (int i = 0; i < m; i++) {
      fitLosses[i] = losses.get(i);
    }
    FitKey key = new FitKey(fitX, fitLosses, categorical);
    synchronized (fits) {
      GaussianProcess.Settings known = fits.get(key);
      if (known != null) {
        return known;
      }
    }
    GaussianProcess.Settings fitted = GaussianProcess.fitSettings(fitX,
        standardizedGain(warped(java.util.Arrays.stream(fitLosses).boxed().toList())), categorical, FIT_ITERATIONS);
    synchronized (fits) {
      fits.put(key, fitted);
    }
    return fitted;
  }

  /**
   * How many of n observations the kernel settings are fitted to: n up to REFIT_ALL, beyond the
   * last refit point at or below n, the points REFIT_ALL, then each the one before plus
   * max(REFIT_EVERY, a twentieth of it) (every 5th trial to 100, every 15th near 300), so the
   * fit's share of the cost stays nearly flat as the trials grow.
   */
  static int refitPoint(int n) {
    if (n <= REFIT_ALL) {
      return n;
    }
    int m = REFIT_ALL;
    while (true) {
      int next = m + Math.max(REFIT_EVERY, m / 20);
      if (next > n) {
        return m;
      }
      m = next;
    }
  }

  /** The observations a fit was made on, compared by content. */
  private record FitKey(double[][] x, double[] losses, boolean[] categorical) {
    @Override
    public boolean equals(Object o) {
      return o instanceof FitKey k && java.util.Arrays.deepEquals(x, k.x) && java.util.Arrays.equals(losses, k.losses)
          && java.util.Arrays.equals(categorical, k.categorical);
    }

    @Override
    public int hashCode() {
      return 31 * java.util.Arrays.deepHashCode(x) + java.util.Arrays.hashCode(losses);
    }
  }

  /**
   * The value EI measures improvement over: the best posterior mean at the observed points, which
   * is the best observation when the fitted noise is negligible, and on a rugged or noisy function
   * (where the GP explains the roughness as noise) keeps one lucky observation from sending the
   * search exploring everywhere else.
   */
  static double incumbent(GaussianProcess gp, double[][] x) {
    double best = Double.NEGATIVE_INFINITY;
    for (double[] row : x) {
      best = Math.max(best, gp.mean(row));
    }
    return best;
  }

  /**
   * The losses through a monotone warp, log(1 + (l - min) / median(l - min)), before the GP sees
   * them: it keeps their order (so the best stays the best) and compresses the far-off bad values
   * a wide-ranging function produces (Rosenbrock's thousands beside its optimum's 0), which would
   * otherwise dominate the fit and flatten the model where the good values are.
   */
  static List<Double> warped(List<Double> losses) {
    double min = Double.POSITIVE_INFINITY;
    for (double l : losses) {
      min = Math.min(min, l);
    }
    double[] shifted = new double[losses.size()];
    for (int i = 0; i < shifted.length; i++) {
      shifted[i] = losses.get(i) - min;
    }
    double[] sorted = shifted.clone();
    java.util.Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    if (!(median > 0)) {
      return losses;
    }
    List<Double> out = new ArrayList<>(shifted.length);
    for (double v : shifted) {
      out.add(Math.log1p(v / median));
    }
    return out;
  }

  /** -loss, centred and scaled to unit variance: the GP maximizes. */
  private static double[] standardizedGain(List<Double> losses) {
    int n = losses.size();
    double mean = 0;
    for (double l : losses) {
      mean += l;
    }
    mean /= n;
    double var = 0;
    for (double l : losses) {
      var += (l - mean) * (l - mean);
    }
    double sd = Math.sqrt(var / n);
    double scale = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 1;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = -(losses.get(i) - mean) / scale;
    }
    return y;
  }

  /** The trial's coordinates for the group, or null if it lacks any of the group's values. */
  private static double[] observation(List<CubeDimension> dims, ParamValues params) {
    double[] row = new double[dims.size()];
    for (int j = 0; j < row.length; j++) {
      CubeDimension dim = dims.get(j);
      Object value = params.asMap().get(dim.name);
      if (value == null || !dim.distribution.contains(value)) {
        return null;
      }
      row[j] = dim.toUnit(value);
    }
    return row;
  }

  /** Scrambled Sobol points in the group's cube, shifted at random (Cranley-Patterson). */
  static double[][] sobolPoints(int dimensions, int count, SplittableRandom random) {
    if (dimensions > SobolSampler.MAX_DIMENSIONS) {
      double[][] out = new double[count][dimensions];
      for (double[] row : out) {
        for (int j = 0; j < dimensions; j++) {
          row[j] = random.nextDouble();
        }
      }
      return out;
    }
    double[] shift = new double[dimensions];
    for (int j = 0; j < dimensions; j++) {
      shift[j] = random.nextDouble();
    }
    double[][] out = new double[count][];
    synchronized (GENERATORS) {
      SobolSequenceGenerator generator = GENERATORS.computeIfAbsent(dimensions, SobolSequenceGenerator::new);
      generator.skipTo(0);
      for (int i = 0; i < count; i++) {
        out[i] = generator.nextVector();
      }
    }
    for (int i = 0; i < count; i++) {
      double[] p = out[i];
      for (int j = 0; j < dimensions; j++) {
        p[j] = (p[j] + shift[j]) % 1.0;
      }
    }
    return out;
  }
}
