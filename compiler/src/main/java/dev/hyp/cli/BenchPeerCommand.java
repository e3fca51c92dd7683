package dev.hyp.cli;

import dev.hyp.runtime.bench.data.GenerateData;
import dev.hyp.runtime.bench.data.GeneratedData;
import dev.hyp.runtime.bench.peer.PeerBenchmark;
import dev.hyp.runtime.bench.peer.PeerOptions;
import dev.hyp.runtime.run.ExitCode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `hyp bench data` and `hyp bench peer`: the data at real sizes, and hyp beside PyTorch and scikit-learn on it. */
final class BenchPeerCommand {
  private BenchPeerCommand() {}

  /** The launcher `hyp` a user runs, when this command line is its build (compiler/target/hyp.jar). */
  private static Path repositoryRoot() {
    try {
      Path jar = Path.of(BenchPeerCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = jar.getParent() == null || jar.getParent().getParent() == null ? null
          : jar.getParent().getParent().getParent();
      return root != null && Files.isExecutable(root.resolve("hyp")) ? root : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  @Command(name = "data",
      description = "Write the generated data sets at real sizes (seeded: the same bytes on every run): tabular"
          + " (100,000 rows x 40 features, 4 classes), glyphs (20,000 28x28 images, 10 classes; a CSV of pixels),"
          + " mixed (1.08 M rows x 21 columns, about 200 MB). samples/large/*.hyp read the first two from"
          + " samples/large/data.")
  static final class Data implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--out", defaultValue = GenerateData.SAMPLES_FOLDER,
        description = "The folder to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--sets", split = ",", defaultValue = "tabular,glyphs",
        description = "Which data sets (default: ${DEFAULT-VALUE}; also: mixed).")
    List<String> sets;

    @Option(names = "--rows", paramLabel = "SET=N",
        description = "Rows (images) of a data set instead of its default, e.g. --rows tabular=50000: written as"
            + " SET_N.csv.")
    Map<String, Long> rows = new LinkedHashMap<>();

    @Override
    public Integer call() {
      Map<GeneratedData, Long> chosen = new LinkedHashMap<>();
      for (String name : sets) {
        GeneratedData set = GeneratedData.byId(name);
        if (set == null) {
          common.err().println("hyp bench data: no data set `" + name + "`; the sets are tabular, glyphs, mixed");
          return common.exit(ExitCode.BAD_INPUT);
        }
        chosen.put(set, rows.getOrDefault(name, set.defaultRows()));
      }
      if (chosen.values().stream().anyMatch(n -> n < 1)) {
        common.err().println("hyp bench data: --rows must be at least 1");
        return common.exit(ExitCode.BAD_INPUT);
      }
      // the samples' folder is the launcher's, wherever the command is run from
      Path root = repositoryRoot();
      Path folder = out.equals(Path.of(GenerateData.SAMPLES_FOLDER)) && root != null ? root.resolve(out) : out;
      try {
        GenerateData.write(folder, chosen, common.out());
      } catch (IOException e) {
        common.err().println("hyp bench data: cannot write into " + folder + ": " + e.getMessage());
        return common.exit(ExitCode.BAD_INPUT);
      }
      return common.exit(ExitCode.OK);
    }
  }

  @Command(name = "peer",
      description = {"The same searches in hyp and in Optuna + PyTorch and Optuna + scikit-learn (Debian's"
          + " python3-torch, python3-optuna, python3-sklearn, python3-pandas with /usr/bin/python3, installed with apt-get when missing),"
          + " side by side, one thread each, sides alternating; JSON lines and a table of hyp-over-peer ratios:"
          + " per-trial time on hyp's trials' configurations replayed on the peer (1 process; and `parallel = 2`"
          + " against 2 PyTorch processes), whole-search wall time at the same budget, best validation and test"
          + " accuracy, each process's peak resident memory.",
          "Cases: tabular (MLPs on ROWS x 40, 4 classes), cnn (a CNN on IMAGES 28x28 glyphs), small"
              + " (samples/breast_cancer.hyp against Optuna + scikit-learn's MLPClassifier), load (the 200 MB"
              + " mixed table, 1.08 M rows x 21 columns, from `hyp run`'s start to its first trial, against pandas'"
              + " read_csv and encoding; python3-pandas).",
          "The default run takes roughly 10-20 minutes on 2 quiet cores, most of it the CNN (each --repeats"
              + " as long again); --rows 2000 --images 500 --trials 3 --epochs 2 --cnn-epochs 1 --small-trials 6"
              + " takes 2-4 minutes."})
  static final class Peer implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--cases", split = ",", defaultValue = "tabular,cnn,small,load",
        description = "Which cases (default: ${DEFAULT-VALUE}).")
    List<String> cases;

    @Option(names = "--rows", defaultValue = "50000", description = "The tabular case's rows (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--trials", defaultValue = "12",
        description = "The tabular case's trials: the configurations replayed (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--epochs", defaultValue = "10", description = "The tabular case's epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--images", defaultValue = "20000",
        description = "The CNN case's images (default: ${DEFAULT-VALUE}).")
    long images;

    @Option(names = "--cnn-trials", defaultValue = "4", description = "The CNN case's trials (default: ${DEFAULT-VALUE}).")
    int cnnTrials;

    @Option(names = "--cnn-epochs", defaultValue = "3", description = "The CNN case's epochs (default: ${DEFAULT-VALUE}).")
    int cnnEpochs;

    @Option(names = "--small-trials", defaultValue = "30",
        description = "The small case's trials (default: ${DEFAULT-VALUE}, as breast_cancer.hyp says).")
    int smallTrials;

    @Option(names = "--load-rows", defaultValue = "1080000",
        description = "The load case's rows (default: ${DEFAULT-VALUE}, about 200 MB).")
    long loadRows;

    @Option(names = "--repeats", defaultValue = "1",
        description = "How often each measurement is taken, sides alternating (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--peer", defaultValue = "/usr/bin/python3",
        description = "The peer's Python, or `none` for hyp's side only (default: ${DEFAULT-VALUE}).")
    String peer;

    @Option(names = "--no-install", description = "Do not install missing Python packages with apt-get.")
    boolean noInstall;

    @Option(names = "--hyp", description = "The command that starts hyp (default: the ./hyp launcher beside this"
        + " build, else this Java with this class path).")
    String hyp;

    @Option(names = "--samples", description = "The samples folder, for the small case (default: the launcher's).")
    Path samples;

    @Option(names = "--work", description = "Where data, specs and runs go (default: a new temporary folder).")
    Path work;

    @Override
    public Integer call() throws IOException {
      Path root = repositoryRoot();
      List<String> command = hyp != null ? List.of(hyp.trim().split("\\s+")) : defaultHyp(root);
      PeerOptions options;
      try {
        options = new PeerOptions(command, peer.equals("none") ? null : Path.of(peer), cases, rows, images, trials,
            epochs, cnnTrials, cnnEpochs, smallTrials, repeats,
            samples != null ? samples : root != null ? root.resolve("samples") : Path.of("samples"),
            work != null ? work : Files.createTempDirectory("hyp-bench-peer"), !noInstall, loadRows);
      } catch (IllegalArgumentException e) {
        common.err().println("hyp bench peer: " + e.getMessage());
        return common.exit(ExitCode.BAD_INPUT);
      }
      common.out().println("hyp bench peer: working in " + options.work() + " with " + String.join(" ", command));
      try {
        return common.exit(PeerBenchmark.run(options, common.out(), common.err()) == 0 ? ExitCode.OK
            : ExitCode.BAD_INPUT);
      } catch (IllegalStateException | java.io.UncheckedIOException e) {
        common.err().println("hyp bench peer: " + e.getMessage());
        return common.exit(ExitCode.BAD_INPUT);
      }
    }

    private static List<String> defaultHyp(Path root) {
      if (root != null) {
        return List.of(root.resolve("hyp").toString());
      }
      List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Main.class.getName()));
      return java;
    }
  }
}
