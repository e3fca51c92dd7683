package dev.hyp.cli;

import dev.hyp.compiler.bench.CheckBenchmark;
import dev.hyp.runtime.bench.ImageFolderBenchmark;
import dev.hyp.runtime.bench.MultiObjectiveBenchmark;
import dev.hyp.runtime.bench.PredictBenchmark;
import dev.hyp.runtime.bench.SamplerBenchmark;
import dev.hyp.runtime.run.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp bench ...`: benchmarks that print JSON lines of figures (never part of the tests). */
@Command(name = "bench", description = "Run a benchmark and print its figures as JSON lines.",
    subcommands = {BenchCommand.Samplers.class, BenchCommand.Check.class, BenchCommand.Predict.class,
        BenchCommand.Images.class, BenchCommand.MultiObjective.class, BenchPeerCommand.Data.class,
        BenchPeerCommand.Peer.class})
final class BenchCommand {
  @Mixin
  CommonOptions common; // -h and -V: the benchmarks themselves are the subcommands

  @Command(name = "samplers",
      description = "Median regret of every sampler on standard test functions and a mixed space, beside Optuna's"
          + " best, and each sampler's cost per ask+tell.")
  static final class Samplers implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--seeds", defaultValue = "10",
        description = "Seeds per sampler and function (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "0",
        description = "The first seed: seeds F..F+N-1, e.g. 10 for a second set to check a win on (default:"
            + " ${DEFAULT-VALUE}).")
    int firstSeed;

    @Option(names = "--functions", split = ",",
        description = "Functions to run (default: all), e.g. branin,rosenbrock4.")
    List<String> functions;

    @Option(names = "--samplers", split = ",",
        description = "Samplers to run (default: all), each with options if wanted, e.g. cmaes:sigma=0.1.")
    List<String> samplers;

    @Option(names = "--cost", split = ",",
        description = "Stored-trial counts at which to time one ask+tell (default: 100,300; 0: none).")
    List<Integer> cost;

    @Option(names = "--optuna", defaultValue = "run",
        description = "run: Optuna's column from Optuna run now (when /usr/bin/python3 has optuna); recorded: the"
            + " numbers recorded for issue 13 (default: ${DEFAULT-VALUE}).")
    String optuna;

    @Override
    public Integer call() {
      List<String> args = new java.util.ArrayList<>(List.of("--seeds", String.valueOf(seeds), "--first-seed",
          String.valueOf(firstSeed)));
      if (functions != null) {
        args.addAll(List.of("--functions", String.join(",", functions)));
      }
      if (samplers != null) {
        args.addAll(List.of("--samplers", String.join(",", samplers)));
      }
      if (cost != null) {
        args.addAll(List.of("--cost", String.join(",", cost.stream().map(String::valueOf).toList())));
      }
      args.addAll(List.of("--optuna", optuna));
      SamplerBenchmark.main(args.toArray(String[]::new));
      return common.exit(ExitCode.OK);
    }
  }

  @Command(name = "predict",
      description = "Rows per second of `predict` on a generated CSV, in a child JVM with a heap of HEAP.")
  static final class Predict implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--rows", defaultValue = "1000000", description = "Rows of the CSV (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--heap", defaultValue = "256m", description = "The child's -Xmx (default: ${DEFAULT-VALUE}).")
    String heap;

    @Override
    public Integer call() throws Exception {
      PredictBenchmark.main(new String[] {"--rows", String.valueOf(rows), "--heap", heap});
      return common.exit(ExitCode.OK);
    }
  }

  @Command(name = "check",
      description = "Parse+check time of a generated spec of LINES lines and of each spec in a folder.")
  static final class Check implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--lines", defaultValue = "10000",
        description = "Size of the generated spec (default: ${DEFAULT-VALUE}).")
    int lines;

    @Parameters(index = "0", arity = "0..1", defaultValue = "samples", paramLabel = "DIR",
        description = "Folder of specs to time as well (default: ${DEFAULT-VALUE}).")
    Path directory;

    @Override
    public Integer call() throws IOException {
      List<Path> specs = Files.isDirectory(directory)
          ? Files.list(directory).filter(p -> p.toString().endsWith(".hyp")).sorted().toList()
          : List.of();
      CheckBenchmark.run(lines, specs, System.out);
      return common.exit(ExitCode.OK);
    }
  }

  @Command(name = "multiobjective",
      description = "Median hypervolume after 50, 100 and 200 trials on ZDT1 and ZDT2 of hyp's strategies beside"
          + " Optuna's random, NSGA-II and MOTPE (run through /usr/bin/python3 when it has optuna).")
  static final class MultiObjective implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--seeds", defaultValue = "5", description = "Seeds per sampler and function (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--samplers", split = ",", defaultValue = "random,nsga2,motpe,auto",
        description = "hyp's strategies to run (default: ${DEFAULT-VALUE}).")
    List<String> samplers;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
        description = "The Python that runs Optuna's peer script (default: ${DEFAULT-VALUE}).")
    String python;

    @Override
    public Integer call() throws Exception {
      MultiObjectiveBenchmark.main(new String[] {"--seeds", String.valueOf(seeds), "--samplers",
          String.join(",", samplers), "--python", python});
      return common.exit(ExitCode.OK);
    }
  }

  @Command(name = "images",
      description = "Load time and peak heap of an image folder of COUNT generated 32x32 RGB PNG files.")
  static final class Images implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--count", defaultValue = "20000",
        description = "How many PNG files to write and load (default: ${DEFAULT-VALUE}).")
    int count;

    @Override
    public Integer call() throws IOException {
      ImageFolderBenchmark.run(count, System.out);
      return common.exit(ExitCode.OK);
    }
  }
}
