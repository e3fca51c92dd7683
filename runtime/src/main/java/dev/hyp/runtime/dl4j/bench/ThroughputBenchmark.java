package dev.hyp.runtime.dl4j.bench;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.dl4j.Dl4jEnvironment;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches.Patch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trials per minute with 1 and 2 trials at once (threads in one JVM, each training its own
 * network over the shared data), under several settings. ND4J reads OMP_NUM_THREADS and the
 * other knobs when it loads, so each setting runs in a child JVM with its own environment and
 * system properties.
 *
 * <p>{@code java -cp ... ThroughputBenchmark [breast_cancer.csv] [trials] [rounds] [SETTING,...]} runs every setting
 * and parallelism once per round (rounds in rotated orders), prints one JSON line per run and a
 * summary line per setting with the medians; {@code ThroughputBenchmark --worker CSV PARALLEL TRIALS [WARM_UP]}
 * is one child. The trials are the same list (breast_cancer.hyp's search space, fixed seeds, 30 epochs,
 * batch 32, patience 5) in every setting, after a warm-up of {@link #WARM_UP} trials spread over the
 * threads. The {@code hyp_run} setting is what {@code hyp run} and a generated jar use on this machine
 * (one OpenMP thread, and the C1 JIT on 2 cores or fewer); {@code omp1} is one OpenMP thread with the
 * JVM's default JIT (C2). The {@code stock_nd4j} setting turns off two of the {@link Nd4jPatches}
 * (deallocator, executioner), the baseline they are measured against; {@code libnd4j_matmul} keeps them
 * but leaves matrix products to libnd4j (the baseline of {@link Patch#DIRECT_MATMUL}). A child installs
 * the patches first thing, with its switches ({@link Nd4jPatches.Options#fromSystemProperties}), as a run does.
 */
public final class ThroughputBenchmark {
  private ThroughputBenchmark() {}

  /**
   * Warm-up trials before the clock starts, the same number whatever the parallelism (spread over
   * the threads). Two per thread (the first version) left C2 compiling DL4J's hot paths during the
   * measured trials, and at parallel 2 the compiler thread took the second core from the second
   * trial: with 16, C2 still used 25% of a core 10 s in. With 300 (about 5 s once the ND4J
   * bookkeeping was cheap), compilation and the garbage collector's young-generation sizing have
   * settled.
   */
  static final int WARM_UP = 300;

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--worker")) {
      worker(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          args.length > 4 ? Integer.parseInt(args[4]) : WARM_UP);
      return;
    }
    Path csv = BenchSetup.csv(args);
    int trials = args.length > 1 ? Integer.parseInt(args[1]) : 1500;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    // environment variables, and options for the child JVM (-D properties, -XX flags with no value)
    Map<String, String> hypRun = new LinkedHashMap<>(Map.of("OMP_NUM_THREADS", "1"));
    if (Runtime.getRuntime().availableProcessors() <= Dl4jEnvironment.FEW_CORES) {
      Dl4jEnvironment.RECOMMENDED_JIT_OPTIONS.forEach(o -> hypRun.put(o, ""));
    }
    settings.put("hyp_run", hypRun); // what `hyp run` and a generated jar use on this machine
    settings.put("omp1", Map.of("OMP_NUM_THREADS", "1"));
    settings.put("omp1_stock_nd4j", Map.of("OMP_NUM_THREADS", "1", "-D" + Patch.INLINE_DEALLOCATOR.switchProperty(),
        "true", "-D" + Patch.POOLED_EXECUTIONER.switchProperty(), "true"));
    settings.put("omp1_libnd4j_matmul", Map.of("OMP_NUM_THREADS", "1", "-D" + Patch.DIRECT_MATMUL.switchProperty(),
        "true"));
    settings.put("omp2", Map.of("OMP_NUM_THREADS", "2"));
    settings.put("default", Map.of());
    if (args.length > 3) { // a comma-separated choice of settings
      settings.keySet().retainAll(List.of(args[3].split(",")));
    }
    List<String> combos = new ArrayList<>();
    for (String name : settings.keySet()) {
      combos.add(name + "/1");
      combos.add(name + "/2");
    }
    Map<String, List<Double>> perMinute = new LinkedHashMap<>();
    combos.forEach(c -> perMinute.put(c, new ArrayList<>()));
    // several rounds, each in a rotated order, so that the load of a shared machine hits all alike
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < combos.size(); i++) {
        String combo = combos.get((i + round * 3) % combos.size());
        String name = combo.substring(0, combo.indexOf('/'));
        int parallel = Integer.parseInt(combo.substring(combo.indexOf('/') + 1));
        // the default OpenMP threads are slow: fewer trials there, to finish in reasonable time
        int n = name.equals("default") ? Math.max(2, trials / 5) : trials;
        String line = child(csv, parallel, n, settings.get(name));
        System.out.println("{\"bench\":\"throughput\",\"round\":" + round + ",\"setting\":\"" + name + "\","
            + line.substring(1));
        perMinute.get(combo).add(Double.parseDouble(line.replaceAll(".*\"trials_per_min\":([0-9.]+).*", "$1")));
      }
    }
    for (String name : settings.keySet()) {
      double one = median(perMinute.get(name + "/1"));
      double two = median(perMinute.get(name + "/2"));
      System.out.printf(Locale.ROOT, "{\"bench\":\"throughput_summary\",\"setting\":\"%s\",\"rounds\":%d,"
          + "\"median_trials_per_min_parallel1\":%.1f,\"median_trials_per_min_parallel2\":%.1f,"
          + "\"parallel2_over_parallel1\":%.2f}%n", name, rounds, one, two, two / one);
    }
  }

  private static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    java.util.Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static String child(Path csv, int parallel, int trials, Map<String, String> env)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-X")).toList());
    env.forEach((k, v) -> {
      if (k.startsWith("-")) {
        command.add(v.isEmpty() ? k : k + "=" + v);
      }
    });
    command.addAll(List.of(ThroughputBenchmark.class.getName(), "--worker", csv.toString(),
        Integer.toString(parallel), Integer.toString(trials)));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().keySet().removeAll(List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
        "ND4J_SKIP_BLAS_THREADS"));
    env.forEach((k, v) -> {
      if (!k.startsWith("-")) {
        pb.environment().put(k, v);
      }
    });
    Process process = pb.start();
    String result = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("{")) {
          result = line;
        }
      }
    }
    int code = process.waitFor();
    if (result == null) {
      throw new IllegalStateException("worker exited with " + code + " and no result");
    }
    return result;
  }

  /** Which JIT compiles: c1 when the last {@code -XX:TieredStopAtLevel} stops below C2, else c2. */
  private static String jit() {
    String level = "4";
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (option.startsWith("-XX:TieredStopAtLevel=")) {
        level = option.substring(option.indexOf('=') + 1);
      }
    }
    return Integer.parseInt(level) < 4 ? "c1" : "c2";
  }

  /** The process's resident memory (Linux), or -1. */
  private static long residentMegabytes() {
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /** Trial i's parameters, from breast_cancer.hyp's search space with a fixed seed. */
  private static Runnable trial(ExperimentData data, int i) {
    Random r = new Random(1000 + i);
    double lr = Math.exp(Math.log(1e-4) + r.nextDouble() * (Math.log(3e-2) - Math.log(1e-4)));
    int units = new int[] {16, 32, 64}[r.nextInt(3)];
    String act = r.nextBoolean() ? "relu" : "tanh";
    double dropout = r.nextInt(5) * 0.1;
    double l2 = Math.exp(Math.log(1e-6) + r.nextDouble() * (Math.log(1e-2) - Math.log(1e-6)));
    TrainOptions options = TrainOptions.of(30, 32, "accuracy", i).withEarlyStopping(5, 0);
    return () -> Trainer.train(BenchSetup.network(data, i, lr, units, act, dropout, l2), data,
        Normalization.STANDARD, "mcxent", options, EpochCallback.NONE);
  }

  private static void worker(Path csv, int parallel, int trials, int warmUp) throws Exception {
    boolean tuned = Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties())
        .containsAll(EnumSet.of(Patch.INLINE_DEALLOCATOR, Patch.POOLED_EXECUTIONER));
    ExperimentData data = BenchSetup.data(csv);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<?>> warm = new ArrayList<>();
      for (int i = 0; i < Math.max(warmUp, parallel); i++) {
        warm.add(pool.submit(trial(data, 900 + i)));
      }
      for (Future<?> f : warm) {
        f.get();
      }
      AtomicInteger next = new AtomicInteger();
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < parallel; t++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < trials; i = next.getAndIncrement()) {
            trial(data, i).run();
          }
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT,
          "{\"parallel\":%d,\"trials\":%d,\"seconds\":%.2f,\"trials_per_min\":%.2f,\"env\":{\"OMP_NUM_THREADS\":\"%s\","
              + "\"OPENBLAS_NUM_THREADS\":\"%s\",\"ND4J_SKIP_BLAS_THREADS\":\"%s\"},\"nd4j\":\"%s\",\"rss_mb\":%d,"
              + "\"load\":%.2f,\"jit\":\"%s\"}%n",
          parallel, trials, seconds, trials / seconds * 60, BenchSetup.env("OMP_NUM_THREADS"),
          BenchSetup.env("OPENBLAS_NUM_THREADS"), BenchSetup.env("ND4J_SKIP_BLAS_THREADS"), tuned ? "tuned" : "stock",
          residentMegabytes(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), jit());
    } finally {
      pool.shutdown();
    }
  }
}
