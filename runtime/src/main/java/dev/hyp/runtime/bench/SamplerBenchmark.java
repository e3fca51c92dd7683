package dev.hyp.runtime.bench;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the samplers on standard test functions: median over seeds 0..N-1 of the regret (best
 * value found minus the known optimum) after 25, 50 and 100 trials, one JSON line per function
 * and sampler; then TPE's cost per ask+tell at 1,000 trials on a 6-D space.
 *
 * <p>Usage: {@code SamplerBenchmark [--seeds N] [--functions a,b,...] [--samplers a,b,...]};
 * functions: branin, rosenbrock4, hartmann6, ackley5, rastrigin4, styblinski_tang4.
 */
public final class SamplerBenchmark {
  private static final int[] CHECKPOINTS = {25, 50, 100};

  private SamplerBenchmark() {}


  public static void main(String[] args) {
    int seeds = 10;
    List<String> functions = TestFunction.ALL.stream().map(TestFunction::name).toList();
    List<String> samplers = Samplers.NAMES;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--functions" -> functions = List.of(args[++i].split(","));
        case "--samplers" -> samplers = List.of(args[++i].split(","));
        default -> throw new IllegalArgumentException(
            "usage: SamplerBenchmark [--seeds N] [--functions a,b] [--samplers tpe,random]");
      }
    }
    run(seeds, functions, samplers, System.out);
  }

  /** Every sampler on {@code functions}, then the overhead line. */
  public static void run(int seeds, List<String> functions, PrintStream out) {
    run(seeds, functions, Samplers.NAMES, out);
  }

  public static void run(int seeds, List<String> functions, List<String> samplers, PrintStream out) {
    printRegrets(seeds, functions, samplers, out);
    printOverhead(1000, out);
  }

  static void printRegrets(int seeds, List<String> functions, List<String> samplers, PrintStream out) {
    for (String name : functions) {
      TestFunction f = TestFunction.named(name);
      for (String sampler : samplers) {
        double[][] regrets = new double[CHECKPOINTS.length][seeds];
        for (int seed = 0; seed < seeds; seed++) {
          double[] r = regretCurve(f, sampler, seed);
          for (int c = 0; c < CHECKPOINTS.length; c++) {
            regrets[c][seed] = r[c];
          }
        }
        out.printf(Locale.ROOT, "{\"function\":\"%s\",\"sampler\":\"%s\",\"seeds\":%d,"
                + "\"regret@25\":%s,\"regret@50\":%s,\"regret@100\":%s}%n",
            name, sampler, seeds, num(median(regrets[0])), num(median(regrets[1])), num(median(regrets[2])));
        out.flush();
      }
    }
  }

  static void printOverhead(int trials, PrintStream out) {
    out.printf(Locale.ROOT, "{\"benchmark\":\"overhead\",\"sampler\":\"tpe\",\"trials\":%d,\"dims\":6,"
        + "\"ms_per_trial\":%s}%n", trials, num(overheadMillisPerTrial(trials)));
  }

  /** Best-so-far regret at each checkpoint for one seed. */
  private static double[] regretCurve(TestFunction f, String sampler, int seed) {
    // a grid gets about as many points as the largest budget, spread over the dimensions
    int gridPoints = sampler.equals("grid") ? (int) Math.ceil(Math.pow(CHECKPOINTS[2], 1.0 / f.dims())) : 0;
    SearchSpace space = f.space(gridPoints);
    Study study = Study.builder(f.name(), space).direction(Direction.MINIMIZE)
        .sampler(Samplers.create(sampler, Map.of(), seed)).open();
    study.optimize(t -> f.f().applyAsDouble(point(t, f.dims())), StudyOptions.trials(CHECKPOINTS[2]));
    List<FrozenTrial> trials = study.trials();
    double[] out = new double[CHECKPOINTS.length];
    double best = Double.POSITIVE_INFINITY;
    int c = 0;
    for (int i = 0; i < CHECKPOINTS[2]; i++) {
      if (i < trials.size() && trials.get(i).value() != null) {
        best = Math.min(best, trials.get(i).value());
      }
      if (i + 1 == CHECKPOINTS[c]) {
        out[c++] = best - f.optimum();
      }
    }
    return out;
  }

  private static double[] point(Trial t, int dims) {
    double[] x = new double[dims];
    for (int i = 0; i < dims; i++) {
      x[i] = t.params().getDouble("x" + i);
    }
    return x;
  }

  /**
   * Wall time of ask+tell with TPE (in-memory storage) on a cheap 6-D objective: the median of
   * five timed runs after one untimed warm-up run, since other processes share the machine.
   */
  static double overheadMillisPerTrial(int trials) {
    TestFunction f = TestFunction.named("hartmann6");
    runTpe(f, trials);
    double[] runs = new double[5];
    for (int i = 0; i < runs.length; i++) {
      long start = System.nanoTime();
      runTpe(f, trials);
      runs[i] = (System.nanoTime() - start) / 1e6 / trials;
    }
    return median(runs);
  }

  private static void runTpe(TestFunction f, int trials) {
    Study study = Study.builder("overhead", f.space(0)).direction(Direction.MINIMIZE)
        .sampler(Samplers.create("tpe", Map.of(), 0)).open();
    for (int i = 0; i < trials; i++) {
      Trial t = study.ask();
      study.tell(t, f.f().applyAsDouble(point(t, f.dims())));
    }
  }

  private static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
