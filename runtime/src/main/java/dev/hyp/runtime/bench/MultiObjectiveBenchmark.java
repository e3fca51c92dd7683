package dev.hyp.runtime.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Objective;
import dev.hyp.runtime.study.Outcome;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.Hypervolume;
import dev.hyp.runtime.trial.Objectives;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * `hyp bench multiobjective`: the hypervolume (against the reference point (1.1, 11)) of the Pareto
 * front of the first 50, 100 and 200 trials on ZDT1 and ZDT2 (six variables in [0, 1], both
 * objectives minimised; Zitzler, Deb and Thiele 2000), median over seeds 0..N-1, for hyp's
 * strategies and, in the same run, Optuna's random, NSGA-II and MOTPE through /usr/bin/python3 (a
 * peer script, {@code optuna_multiobjective.py}); one JSON line per function and sampler, then a
 * table of hyp's best beside Optuna's best. Without Optuna the table says so and shows hyp alone.
 *
 * <p>Usage: {@code MultiObjectiveBenchmark [--seeds N] [--samplers a,b,...] [--python PATH]}.
 */
public final class MultiObjectiveBenchmark {
  static final int[] BUDGETS = {50, 100, 200};
  static final double[] REFERENCE = {1.1, 11};
  static final int DIMENSIONS = 6;
  private static final List<String> FUNCTIONS = List.of("zdt1", "zdt2");
  private static final ObjectMapper JSON = new ObjectMapper();

  private MultiObjectiveBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int seeds = 5;
    List<String> samplers = List.of("random", "nsga2", "motpe", "auto");
    String python = "/usr/bin/python3";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seeds" -> seeds = Integer.parseInt(args[++i]);
        case "--samplers" -> samplers = List.of(args[++i].split(","));
        case "--python" -> python = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    run(seeds, samplers, python, System.out);
  }

  static void run(int seeds, List<String> samplers, String python, PrintStream out)
      throws IOException, InterruptedException {
    Map<String, Map<String, double[]>> hyp = new LinkedHashMap<>();
    for (String function : FUNCTIONS) {
      Map<String, double[]> bySampler = new LinkedHashMap<>();
      for (String sampler : samplers) {
        double[][] perSeed = new double[seeds][];
        for (int seed = 0; seed < seeds; seed++) {
          perSeed[seed] = hypervolumes(function, sampler, seed);
        }
        double[] median = median(perSeed);
        bySampler.put(sampler, median);
        out.println(line(function, "hyp", sampler, median));
      }
      hyp.put(function, bySampler);
    }
    Map<String, Map<String, double[]>> optuna = optuna(seeds, python, out);
    table(hyp, optuna, out);
  }

  /** The hypervolume after each budget of one search. */
  static double[] hypervolumes(String function, String sampler, long seed) {
    SearchSpace.Builder space = SearchSpace.builder();
    for (int i = 0; i < DIMENSIONS; i++) {
      space.add("x" + i, FloatDistribution.uniform(0, 1));
    }
    Objectives objectives = new Objectives(List.of(Direction.MINIMIZE, Direction.MINIMIZE));
    Study study = Study.builder(function, space.build()).objectives(objectives)
        .sampler(SamplerBenchmark.sampler(sampler, seed)).open();
    boolean second = function.equals("zdt2");
    study.optimize(new Objective() {
      @Override
      public double evaluate(Trial trial) {
        return outcome(trial).first();
      }

      @Override
      public Outcome outcome(Trial trial) {
        double[] x = new double[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
          x[i] = trial.params().getDouble("x" + i);
        }
        double[] f = zdt(x, second);
        return Outcome.of(List.of(f[0], f[1]), 0, null);
      }
    }, StudyOptions.trials(BUDGETS[BUDGETS.length - 1]));
    List<FrozenTrial> trials = study.trials();
    double[] out = new double[BUDGETS.length];
    for (int b = 0; b < BUDGETS.length; b++) {
      List<double[]> points = new ArrayList<>();
      for (FrozenTrial t : trials.subList(0, Math.min(BUDGETS[b], trials.size()))) {
        points.add(objectives.losses(t));
      }
      out[b] = Hypervolume.of(points, REFERENCE);
    }
    return out;
  }

  /** ZDT1 ({@code second} false) or ZDT2: f1 = x0, f2 = g (1 - sqrt(f1 / g)) or g (1 - (f1 / g)^2). */
  static double[] zdt(double[] x, boolean second) {
    double sum = 0;
    for (int i = 1; i < x.length; i++) {
      sum += x[i];
    }
    double g = 1 + 9 * sum / (x.length - 1);
    double ratio = x[0] / g;
    return new double[] {x[0], g * (1 - (second ? ratio * ratio : Math.sqrt(ratio)))};
  }

  /** Optuna's medians by function and sampler; empty when Optuna cannot run (said on {@code out}). */
  private static Map<String, Map<String, double[]>> optuna(int seeds, String python, PrintStream out)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("hyp-optuna-multiobjective", ".py");
    Map<String, Map<String, List<double[]>>> runs = new LinkedHashMap<>();
    try (InputStream in = MultiObjectiveBenchmark.class.getResourceAsStream("optuna_multiobjective.py")) {
      Files.write(script, in.readAllBytes());
      String budgets = String.join(",", Arrays.stream(BUDGETS).mapToObj(String::valueOf).toList());
      Process process;
      try {
        process = new ProcessBuilder(python, script.toString(), String.valueOf(seeds), budgets)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      } catch (IOException e) {
        out.println("# optuna: cannot run " + python + " (" + e.getMessage() + "); hyp's figures alone");
        return Map.of();
      }
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          JsonNode node = JSON.readTree(line);
          double[] hv = new double[BUDGETS.length];
          for (int b = 0; b < hv.length; b++) {
            hv[b] = node.get("hypervolume").get(b).asDouble();
          }
          runs.computeIfAbsent(node.get("function").asText(), f -> new LinkedHashMap<>())
              .computeIfAbsent(node.get("sampler").asText(), s -> new ArrayList<>()).add(hv);
        }
      }
      if (process.waitFor() != 0 || runs.isEmpty()) {
        out.println("# optuna: " + python + " has no optuna (python3 -c 'import optuna' fails); hyp's figures alone");
        return Map.of();
      }
    } finally {
      Files.deleteIfExists(script);
    }
    Map<String, Map<String, double[]>> medians = new LinkedHashMap<>();
    runs.forEach((function, bySampler) -> bySampler.forEach((sampler, perSeed) -> {
      double[] median = median(perSeed.toArray(double[][]::new));
      medians.computeIfAbsent(function, f -> new LinkedHashMap<>()).put(sampler, median);
      out.println(line(function, "optuna", sampler, median));
    }));
    return medians;
  }

  private static void table(Map<String, Map<String, double[]>> hyp, Map<String, Map<String, double[]>> optuna,
      PrintStream out) {
    out.println("# median hypervolume (ref (1.1, 11); larger is better): hyp's best strategy beside Optuna's best");
    out.printf(Locale.ROOT, "# %-5s %7s  %-22s %-22s %s%n", "fn", "trials", "hyp best", "optuna best", "hyp >= optuna");
    for (String function : hyp.keySet()) {
      for (int b = 0; b < BUDGETS.length; b++) {
        String[] hypBest = best(hyp.get(function), b);
        String[] optunaBest = optuna.containsKey(function) ? best(optuna.get(function), b) : null;
        out.printf(Locale.ROOT, "# %-5s %7d  %-22s %-22s %s%n", function, BUDGETS[b], hypBest[0] + " " + hypBest[1],
            optunaBest == null ? "-" : optunaBest[0] + " " + optunaBest[1],
            optunaBest == null ? "-" : Double.parseDouble(hypBest[1]) >= Double.parseDouble(optunaBest[1]) ? "yes"
                : "no");
      }
    }
  }

  private static String[] best(Map<String, double[]> bySampler, int budget) {
    String name = null;
    double value = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, double[]> e : bySampler.entrySet()) {
      if (e.getValue()[budget] > value) {
        value = e.getValue()[budget];
        name = e.getKey();
      }
    }
    return new String[] {name, String.format(Locale.ROOT, "%.4f", value)};
  }

  private static String line(String function, String library, String sampler, double[] median) {
    StringBuilder json = new StringBuilder(String.format(Locale.ROOT,
        "{\"function\":\"%s\",\"library\":\"%s\",\"sampler\":\"%s\"", function, library, sampler));
    for (int b = 0; b < BUDGETS.length; b++) {
      json.append(String.format(Locale.ROOT, ",\"hv%d\":%.4f", BUDGETS[b], median[b]));
    }
    return json.append('}').toString();
  }

  private static double[] median(double[][] perSeed) {
    double[] out = new double[perSeed[0].length];
    for (int b = 0; b < out.length; b++) {
      double[] column = new double[perSeed.length];
      for (int s = 0; s < perSeed.length; s++) {
        column[s] = perSeed[s][b];
      }
      Arrays.sort(column);
      int n = column.length;
      out[b] = n % 2 == 1 ? column[n / 2] : (column[n / 2 - 1] + column[n / 2]) / 2;
    }
    return out;
  }
}
