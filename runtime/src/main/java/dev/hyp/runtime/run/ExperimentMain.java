package dev.hyp.runtime.run;

import dev.hyp.runtime.dl4j.Dl4jEnvironment;
import dev.hyp.runtime.dl4j.nd4j.NativeBuild;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.storage.SqliteStorage;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The command line of a compiled experiment: `java -jar NAME.jar [options]` runs the search (as
 * `hyp run` does), `java -jar NAME.jar predict ...` predicts with a saved model, `java -jar NAME.jar
 * refit` trains the chosen trial again on every non-test row.
 */
public final class ExperimentMain {
  /** The manifest attribute naming the folder of the spec a jar was compiled from. */
  public static final String SPEC_DIRECTORY_ATTRIBUTE = "Hyp-Spec-Directory";
  /**
   * The manifest attribute naming the {@link TrialExecutor} a jar trains its trials with by
   * default ({@code spark} for `hyp compile --spark`, run by spark-submit).
   */
  public static final String EXECUTOR_ATTRIBUTE = "Hyp-Trial-Executor";

  private ExperimentMain() {}

  /**
   * The `main` of a generated experiment. ND4J reads its thread settings only when it loads, so
   * when they are not set the jar first starts itself again with them (docs/performance.md).
   */
  public static void main(Experiment<?> experiment, String[] args) {
    Path specDirectory = specDirectory(experiment);
    int relaunched = Dl4jEnvironment.relaunchIfNeeded(experiment.getClass(), args,
        dataBytes(experiment, dataDirectoryArgument(args, specDirectory)),
        parallelArgument(args, experiment.definition().search().parallel()), tabular(experiment));
    if (relaunched >= 0) {
      System.exit(relaunched);
    }
    int exit = run(experiment, specDirectory, withDefaultExecutor(experiment, args),
        new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    System.exit(exit);
  }

  /**
   * `hyp run`, once it checked the spec (before compiling it): when the launcher asked for it ({@link
   * Dl4jEnvironment#CHOOSE_JVM}) and the search's {@code work} wants other JVM options than this JVM's ({@link
   * dev.hyp.runtime.dl4j.JvmChoice}: C2 and a heap sized to the data for large data), runs the same command again
   * in a child JVM with them and returns its exit code; -1 to run here.
   */
  public static int relaunchForWork(Work work) {
    return Dl4jEnvironment.relaunchForWork(work.dataBytes(), work.parallel(), work.tabular());
  }

  /**
   * What a search's JVM options are chosen from ({@link dev.hyp.runtime.dl4j.JvmChoice}).
   *
   * @param dataBytes the data files' bytes ({@link DataBytes})
   * @param parallel the trials at once
   * @param tabular whether the data is a table, not images
   */
  public record Work(long dataBytes, int parallel, boolean tabular) {}

  /** The work of a compiled experiment run with {@code options} (`--data-dir` and `--parallel` win). */
  public static Work work(Experiment<?> experiment, Path specDirectory, RunOptions options) {
    Path directory = options.dataDirectory() != null ? options.dataDirectory() : specDirectory;
    int parallel = options.parallel() != null ? options.parallel() : experiment.definition().search().parallel();
    return new Work(dataBytes(experiment, directory), parallel, tabular(experiment));
  }

  /**
   * The same from what a checked spec says, before anything is compiled: {@code files} (CSV) and {@code folders}
   * (images) as the spec writes them, relative to {@code specDirectory} (or `--data-dir`). `hyp run` decides on a
   * relaunch with it before javac runs, so that only the JVM that runs the search compiles the spec (issue 19:
   * the first JVM's compile cost about 1.2 s of CPU before a 200 MB file's first byte was read).
   */
  public static Work work(Path specDirectory, List<String> files, List<String> folders, int specParallel,
      boolean tabular, RunOptions options) {
    Path directory = options.dataDirectory() != null ? options.dataDirectory() : specDirectory;
    int parallel = options.parallel() != null ? options.parallel() : specParallel;
    return new Work(DataBytes.of(directory, files, folders, DATA_BYTES_ENOUGH), parallel, tabular);
  }

  /** Data beyond this many bytes chooses nothing more: an image folder is not walked further. */
  private static final long DATA_BYTES_ENOUGH = 1L << 28;

  /** Whether the experiment's data is a table, not images (in an image folder or a CSV of pixels). */
  static boolean tabular(Experiment<?> experiment) {
    var data = experiment.definition().data();
    return data != null && data.image() == null && data.images() == null;
  }

  /** Whether the launcher asked `hyp run` to choose its JVM's options from the work ({@link #relaunchForWork}). */
  public static boolean choosesJvm() {
    return Boolean.getBoolean(Dl4jEnvironment.CHOOSE_JVM) && System.getenv(Dl4jEnvironment.MARKER) == null;
  }

  /** The bytes of the experiment's data files under {@code directory}, as far as they matter to the JVM's options. */
  static long dataBytes(Experiment<?> experiment, Path directory) {
    return DataBytes.of(experiment.definition().data(), directory, DATA_BYTES_ENOUGH);
  }

  /** {@code --parallel}'s value in a jar's arguments, else {@code fallback} (the spec's); 1 when unreadable. */
  static int parallelArgument(String[] args, int fallback) {
    for (int i = 0; i < args.length; i++) {
      String value = args[i].equals("--parallel") && i + 1 < args.length ? args[i + 1]
          : args[i].startsWith("--parallel=") ? args[i].substring("--parallel=".length()) : null;
      if (value != null) {
        try {
          return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
          return 1; // the command line reports it
        }
      }
    }
    return fallback;
  }

  /** {@code --data-dir}'s value in a jar's arguments, else {@code fallback}. */
  static Path dataDirectoryArgument(String[] args, Path fallback) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data-dir") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--data-dir=")) {
        return Path.of(args[i].substring("--data-dir=".length()));
      }
    }
    return fallback;
  }

  /** Runs the experiment with command-line options; returns the exit code. */
  public static int run(Experiment<?> experiment, Path specDirectory, String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new RunCommand(experiment, specDirectory, out, err));
    // the jar's other commands, `java -jar NAME.jar COMMAND ...`; without one it runs the search
    commandLine.addSubcommand(new PredictCommand());
    commandLine.addSubcommand("refit", new RefitCommand(experiment, specDirectory, out, err));
    commandLine.setCommandName(experiment.definition().name());
    commandLine.setOut(out);
    commandLine.setErr(err);
    ExitCode.install(commandLine);
    commandLine.setExecutionExceptionHandler((exception, cmd, parsed) -> {
      err.println("hyp: " + experiment.definition().name() + " failed: " + exception);
      if (System.getenv("HYP_DEBUG") != null) {
        exception.printStackTrace(err);
      }
      return ExitCode.INTERNAL.code();
    });
    return commandLine.execute(args);
  }

  /**
   * Starts ND4J on its own thread ({@link Nd4jPatches#installInBackground}), with the native build for {@code
   * tabular} data or images ({@link NativeBuild#forWork}); {@link ExperimentRun} waits for it before its first ND4J
   * call. `hyp run` calls it from the checked spec before javac, with the answer {@link #tabular} gives the
   * compiled experiment (RelaunchWorkTest); only the first call starts anything.
   */
  public static void startNd4j(boolean tabular) {
    synchronized (ExperimentMain.class) {
      if (nd4jStarted) {
        return; // the build is chosen once: a second answer would race with the start's choice
      }
      nd4jStarted = true;
    }
    NativeBuild.forWork(!tabular);
    StartTimeline.mark("nd4j start begins"); // here, not in dl4j.nd4j: run depends on dl4j, not the other way
    Nd4jPatches.installInBackground(Nd4jPatches.Options.fromSystemProperties());
  }

  private static boolean nd4jStarted;

  /**
   * Loads SQLite's driver and native library on its own thread ({@link SqliteStorage#loadDriver}), so that opening
   * the study after the data's read does not wait for it; `hyp run` calls it after {@link #startNd4j}. The load
   * waits for ND4J's start to end first ({@link Nd4jPatches#awaitBackgroundInstall}: two native loads at once can
   * deadlock in glibc), still well within a large table's read. Only the first call starts anything.
   */
  public static void startStorage() {
    synchronized (ExperimentMain.class) {
      if (storageStarted) {
        return;
      }
      storageStarted = true;
    }
    Thread start = new Thread(() -> {
      Nd4jPatches.awaitBackgroundInstall();
      StartTimeline.mark("sqlite loads, nd4j started");
      SqliteStorage.loadDriver();
      StartTimeline.mark("sqlite started");
    }, "hyp-sqlite-start");
    start.setDaemon(true);
    start.start();
  }

  private static boolean storageStarted;

  /** Runs the experiment with options already parsed (for `hyp run`); returns how it went. */
  public static ExitCode run(Experiment<?> experiment, Path specDirectory, RunOptions options, PrintWriter out,
      PrintWriter err) throws java.io.IOException {
    startNd4j(tabular(experiment)); // already started by `hyp run` before javac
    startStorage();
    return new ExperimentRun<>(experiment, options, specDirectory, out, err).execute();
  }

  @Command(mixinStandardHelpOptions = true, description = "Runs the hyperparameter search of this experiment.",
      footer = "%nResults (the study database, the best model, every trial) go to the output folder; running "
          + "again with the same spec continues the study.")
  static final class RunCommand implements Callable<Integer> {
    @Mixin
    RunOptions options = new RunOptions();

    private final Experiment<?> experiment;
    private final Path specDirectory;
    private final PrintWriter out;
    private final PrintWriter err;

    RunCommand(Experiment<?> experiment, Path specDirectory, PrintWriter out, PrintWriter err) {
      this.experiment = experiment;
      this.specDirectory = specDirectory;
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() throws Exception {
      startNd4j(tabular(experiment));
      return new ExperimentRun<>(experiment, options, specDirectory, out, err).execute().code();
    }
  }

  @Command(name = "refit", mixinStandardHelpOptions = true,
      description = "Train the best trial's configuration (or trial N's) again on the training and validation rows, "
          + "for the epochs at which it was best; writes final-model.zip and final.json into the run folder.")
  static final class RefitCommand implements Callable<Integer> {
    @Option(names = "--trial", paramLabel = "N", description = "A complete trial's number (default: the best).")
    Integer trial;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "The run folder (default: runs/NAME).")
    Path out;

    @Option(names = "--data-dir", paramLabel = "DIR",
        description = "Folder that the spec's data paths are relative to (default: the one the run used).")
    Path dataDirectory;

    private final Experiment<?> experiment;
    private final Path specDirectory;
    private final PrintWriter stdout;
    private final PrintWriter err;

    RefitCommand(Experiment<?> experiment, Path specDirectory, PrintWriter stdout, PrintWriter err) {
      this.experiment = experiment;
      this.specDirectory = specDirectory;
      this.stdout = stdout;
      this.err = err;
    }

    @Override
    public Integer call() throws Exception {
      Path folder = out != null ? out : specDirectory.resolve("runs").resolve(experiment.definition().name());
      return Refit.run(experiment, folder, trial, dataDirectory, stdout, err).code();
    }
  }

  /** The folder of the spec the jar was compiled from, if it still exists here; else the working folder. */
  private static Path specDirectory(Experiment<?> experiment) {
    String recorded = manifestAttribute(experiment, SPEC_DIRECTORY_ATTRIBUTE);
    if (recorded != null && Files.isDirectory(Path.of(recorded))) {
      return Path.of(recorded);
    }
    return Path.of("").toAbsolutePath();
  }

  /** A jar compiled with `--spark` trains on Spark unless told otherwise: `--spark` is implied. */
  static String[] withDefaultExecutor(Experiment<?> experiment, String[] args) {
    String executor = manifestAttribute(experiment, EXECUTOR_ATTRIBUTE);
    boolean subcommand = args.length > 0 && !args[0].startsWith("-"); // the search takes no positional argument
    if (executor == null || !executor.equals("spark") || subcommand
        || java.util.Arrays.stream(args).anyMatch(a -> a.equals("--spark") || a.startsWith("--spark="))) {
      return args;
    }
    String[] withSpark = new String[args.length + 1];
    withSpark[0] = "--spark";
    System.arraycopy(args, 0, withSpark, 1, args.length);
    return withSpark;
  }

  /** An attribute of the manifest of the jar the experiment was loaded from, or null. */
  private static String manifestAttribute(Experiment<?> experiment, String name) {
    try {
      Path location = Path.of(experiment.getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(location)) {
        try (JarFile jar = new JarFile(location.toFile())) {
          return jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue(name);
        }
      }
    } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
      // not from a jar
    }
    return null;
  }
}
