package dev.hyp.runtime.run;

import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.MachineMemory;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.executor.TrialExecutor;
import dev.hyp.runtime.executor.TrialExecutors;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import dev.hyp.runtime.progress.ProgressViews;
import dev.hyp.runtime.pruner.Pruners;
import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ParamScale;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.report.PickRule;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.runfolder.FrontModels;
import dev.hyp.runtime.trial.ObjectiveName;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.runfolder.Versions;
import dev.hyp.runtime.sampler.AutoSampler;
import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.ConstantDistribution;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.storage.Storage;
import dev.hyp.runtime.storage.StorageException;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.storage.StudyMismatchException;
import dev.hyp.runtime.study.Objective;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.StudyAbortedException;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import dev.hyp.runtime.vocab.Strategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One run of an experiment: load the data once, open the study, run the trials, report. */
final class ExperimentRun<P> {
  private final Experiment<P> experiment;
  private final ExperimentDefinition definition;
  private final List<ParamScale> scales; // how the spec declared each parameter: run.json and the report
  private final RunOptions options;
  private final Path specDirectory;
  private final PrintWriter out;
  private final PrintWriter err;

  ExperimentRun(Experiment<P> experiment, RunOptions options, Path specDirectory, PrintWriter out, PrintWriter err) {
    this.experiment = experiment;
    this.definition = experiment.definition();
    this.scales = ParamScale.of(experiment.searchSpace());
    this.options = options;
    this.specDirectory = specDirectory;
    this.out = out;
    this.err = err;
  }

  ExitCode execute() throws IOException {
    Optional<String> badOption = options.problem();
    if (badOption.isPresent()) {
      err.println("hyp: " + badOption.get());
      return ExitCode.BAD_INPUT;
    }
    try {
      MachineMemory.limit(); // the memory guard reads it in every trial: a bad value fails the run here, once
    } catch (IllegalArgumentException e) {
      err.println("hyp: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Path outDirectory = options.out() != null ? options.out() : specDirectory.resolve("runs").resolve(definition.name());
    if (Files.exists(outDirectory) && !Files.isDirectory(outDirectory)) {
      err.println("hyp: " + outDirectory + " is a file, not a folder; name a folder with --out");
      return ExitCode.BAD_INPUT;
    }
    long seed = runSeed();
    ExperimentData data;
    try {
      StartTimeline.mark("data read starts");
      data = runData().load(seed);
      StartTimeline.mark("data read");
    } catch (DataException e) {
      err.println("hyp: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    // ND4J loaded on its own thread while the data was read (ExperimentMain); nothing above calls it, all below may
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties());
    StartTimeline.mark("nd4j started (waited)");
    data.notes().forEach(note -> out.println("hyp: " + note));
    try {
      Files.createDirectories(outDirectory);
      if (!Files.isWritable(outDirectory)) {
        throw new java.nio.file.AccessDeniedException(outDirectory.toString());
      }
    } catch (IOException e) {
      return unwritable(outDirectory, e);
    }
    out.println("hyp: running `" + definition.name() + "`; results go to " + outDirectory);
    if (searchChoice() != null) {
      out.println("hyp: search " + searchChoice().strategy() + " runs " + searchChoice().runs() + " ("
          + searchChoice().reason() + ")");
    }
    Storage storage;
    try {
      storage = options.storage() != null ? Storages.open(options.storage()) : Storages.inOutputDirectory(outDirectory);
    } catch (StorageException e) {
      err.println("hyp: cannot open the study's database: " + e.getMessage()
          + "; move the database aside, or use --out to run elsewhere");
      return ExitCode.BAD_INPUT;
    }
    try (storage) {
      Study study;
      try {
        StudyVersions.Chosen chosen = new StudyVersions(experiment, outDirectory, specDirectory, storage,
            (name, hash) -> openStudy(storage, seed, name, hash), this::runInfo).choose(options.resume());
        study = chosen.study();
        if (chosen.line() != null) {
          out.println(chosen.line());
        }
      } catch (IOException e) {
        return unwritable(outDirectory, e);
      } catch (StudyMismatchException e) {
        err.println("hyp: the study in " + outDirectory + " was started by a different spec ("
            + e.getMessage() + "); use --out to run elsewhere");
        return ExitCode.BAD_INPUT;
      } catch (StorageException e) {
        err.println("hyp: cannot open the study in " + outDirectory + ": " + e.getMessage()
            + "; move its database aside, or use --out to run elsewhere");
        return ExitCode.BAD_INPUT;
      }
      String resuming = resumingLine(study.trials());
      if (resuming != null) {
        out.println(resuming);
      }
      StudyOptions studyOptions = studyOptions();
      long counted = study.trials().stream().filter(FrozenTrial::countsTowardBudget).count();
      if (studyOptions.trials() != null && counted >= studyOptions.trials()) {
        out.println("hyp: the budget of " + studyOptions.trials() + " trials is met; raise `trials` (or give --trials)"
            + " to run more");
      }
      data.trialsAtOnce(studyOptions.parallel()); // they share the memory trials may use
      BestModel best = BestModel.open(outDirectory, definition.objective().direction(), definition.objective().metric(),
          definition.objective().split(), data);
      best.recover(study.trials()); // a candidate whose trial completed just before a kill
      study.addListener(best); // a staged model becomes the best once its trial is recorded complete
      FrontModels front = frontModels(outDirectory, data);
      if (front != null) {
        front.update(study.trials()); // after a kill, or with an edited `pick`
        study.addListener(front);
      }
      TrialExecutor.Session session = null;
      Objective objective;
      if (options.spark() != null) {
        Optional<TrialExecutor> spark = TrialExecutors.find("spark", experiment.getClass().getClassLoader());
      if (spark.isEmpty()) {
          err.println("hyp: --spark needs hyp's spark module and Apache Spark on the classpath; "
              + "run with ./hyp (which adds them) or spark-submit a jar from `hyp compile --spark` (docs/spark.md)");
          return ExitCode.BAD_INPUT;
        }
        try {
          session = spark.get().open(new TrialExecutor.Run(experiment, options.spark(), data, runData().source(),
              runData().test(), seed, options.maxEpochs(), definition.search().pruner().hypName(), prunerOptions(),
              study.direction(), study::trials, best, studyOptions.parallel(), out, err, runData().images(),
              runData().imageTest(), front));
        } catch (Exception e) {
          err.println("hyp: cannot start Spark" + (options.spark().isEmpty() ? "" : " at " + options.spark()) + ": "
              + e.getMessage());
          return ExitCode.BAD_INPUT;
        }
        objective = session.objective();
      } else {
        objective = new TrialObjective<>(experiment, data, seed, best, options.maxEpochs(), front);
      }
      try (SignalStop signals = SignalStop.install(study, err)) {
        Instant start = Instant.now();
        StudyResult result;
        try (ProgressViews.Listener progress = ProgressViews.open(out, definition.name(),
            definition.objective().metric(), definition.objective().direction(), studyOptions.trials(), study.trials());
            LiveReport live = new LiveReport(outDirectory.resolve(HtmlReport.FILE), this::reportInput, err)) {
          study.addListener(progress.listener());
          study.addListener(live);
          StartTimeline.markWithThreads("trials start");
          result = study.optimize(objective, studyOptions);
        } catch (StorageException | StudyAbortedException | UncheckedIOException e) {
          // the disk filled up or went read-only mid-run: every trial told so far is in the database
          err.println("hyp: the run stopped: cannot write to " + outDirectory + ": " + reason(e)
              + "; free some space (or fix the folder) and run again to continue");
          return ExitCode.BAD_INPUT;
        }
        writeReport(outDirectory, result);
        new RunSummary(out, definition.objective(), outDirectory).print(result, Duration.between(start, Instant.now()));
        if (signals.exitCode().isPresent()) {
          return signals.exitCode().get();
        }
        return definition.search().refit()
            ? Refit.afterSearch(experiment, data, seed, outDirectory, result.trials(), out, err) : ExitCode.OK;
      } finally {
        if (session != null) {
          session.close();
        }
      }
    }
  }

  /**
   * With several objectives, a `pick` rule or `--keep front`: the front's models, which then decide
   * `best-model.zip`; otherwise null (it holds the first objective's best feasible trial).
   */
  private FrontModels frontModels(Path outDirectory, ExperimentData data) {
    if (definition.objectives().size() < 2 && options.keepFront()) {
      err.println("hyp: --keep front keeps the Pareto front's models, and this spec has one objective:"
          + " best-model.zip is its best trial");
    }
    if (definition.objectives().size() < 2 || definition.pick() == null && !options.keepFront()) {
      return null;
    }
    List<ObjectiveName> names = objectiveNames();
    PickRule rule = definition.pick() == null ? PickRule.firstObjective(names) : PickRule.parse(definition.pick(), names);
    return new FrontModels(outDirectory, names, rule, data);
  }

  private List<ObjectiveName> objectiveNames() {
    return definition.objectives().stream().map(o -> new ObjectiveName(o.metric(), o.split(), o.direction())).toList();
  }

  private long runSeed() {
    return options.seed() != null ? options.seed() : definition.seed();
  }

  /** A version's run.json: which study it is and how the spec declared each parameter. */
  private RunInfo runInfo(Versions.Version version) {
    return new RunInfo(definition.name(), definition.objective().maximize(), definition.objective().metric(),
        definition.objective().split(), version.specHash(), options.storage(), scales, version.number(),
        version.study(), runSeed(), dataBase().toAbsolutePath().normalize().toString(), searchChoice());
  }

  /** What `auto` chose for this spec's space; null for a strategy that is itself. */
  private RunInfo.SearchChoice searchChoice() {
    if (definition.search().strategy() != Strategy.AUTO) {
      return null;
    }
    AutoSampler.Choice choice = definition.objectives().size() > 1 ? AutoSampler.SEVERAL_OBJECTIVES
        : AutoSampler.choose(experiment.searchSpace());
    return new RunInfo.SearchChoice(Strategy.AUTO.hypName(), choice.strategy(), choice.reason());
  }

  private ExitCode unwritable(Path outDirectory, Exception e) {
    err.println("hyp: cannot write the run folder " + outDirectory + ": " + reason(e)
        + "; choose a writable folder with --out");
    return ExitCode.BAD_INPUT;
  }

  /** What the file system said, in its own words, without the exception's class (also for `predict -o`). */
  static String reason(Throwable e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof StudyAbortedException || cause instanceof StorageException) {
      cause = cause.getCause() != null ? cause.getCause() : cause;
    }
    if (cause instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (cause instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    if (cause instanceof java.nio.file.NoSuchFileException) {
      return "it cannot be made there"; // the message would only repeat the path
    }
    if (cause instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file is in the way";
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }

  /** The report is a view of the study, which is already safe in the database: failing to write it only warns. */
  private void writeReport(Path outDirectory, StudyResult result) {
    try {
      HtmlReport.write(reportInput(result.trials()), outDirectory.resolve(HtmlReport.FILE));
    } catch (IOException | RuntimeException e) {
      err.println("hyp: could not write the report (`hyp report " + outDirectory + "` tries again): " + e);
    }
  }

  private ReportInput reportInput(List<FrozenTrial> trials) {
    return new ReportInput(definition.name(), definition.objective().metric(), definition.objective().split(),
        definition.objective().maximize(), trials, scales, definition.objectives().stream()
        .map(o -> new dev.hyp.runtime.trial.ObjectiveName(o.metric(), o.split(), o.direction())).toList());
  }

  private RunData runData() {
    return new RunData(definition, dataBase());
  }

  private Path dataBase() {
    return options.dataDirectory() != null ? options.dataDirectory() : specDirectory;
  }

  private Study openStudy(Storage storage, long seed, String name, String specHash) {
    ExperimentDefinition.SearchDefinition search = definition.search();
    return Study.builder(name, experiment.searchSpace())
        .objectives(definition.directions())
        .objectiveNames(definition.objectives().stream().map(o -> o.split() == null ? o.metric()
            : o.metric() + " on " + o.split()).toList())
        .sampler(Samplers.create(search.strategy(), search.options(), seed))
        .pruner(Pruners.create(search.pruner(), prunerOptions()))
        .storage(storage)
        .specHash(specHash)
        .open();
  }

  /** As generated: hyperband's `max_epochs` is always there (the largest `epochs` when the spec gives none). */
  private Map<String, Object> prunerOptions() {
    return definition.search().prunerOptions();
  }

  private StudyOptions studyOptions() {
    ExperimentDefinition.SearchDefinition search = definition.search();
    Long timeout = options.timeoutSeconds() != null ? options.timeoutSeconds() : search.timeoutSeconds();
    int trials = options.trials() != null ? options.trials() : search.trials();
    return new StudyOptions(singlePoint(experiment.searchSpace()) ? 1 : trials,
        options.parallel() != null ? options.parallel() : search.parallel(),
        timeout == null ? null : Duration.ofSeconds(timeout), search.target(), search.maxFailures());
  }

  /**
   * A space of one point (no params, or only constants) has one configuration to train: one trial,
   * whatever the budget says (`hyp check` warns, HYP104, when the spec asks for more).
   */
  static boolean singlePoint(SearchSpace space) {
    return space.params().stream().allMatch(p -> p.distribution() instanceof ConstantDistribution
        || p.distribution() instanceof CategoricalDistribution c && c.choices().size() == 1);
  }

  /**
   * What a continued study already holds: the trials that count toward the budget, and apart from them the
   * ones a stop interrupted, which do not count (their places run again). Null for a new study.
   */
  static String resumingLine(List<FrozenTrial> trials) {
    long done = trials.stream().filter(t -> t.state() != TrialState.RUNNING && t.countsTowardBudget()).count();
    long interrupted = trials.stream().filter(FrozenTrial::isInterrupted).count();
    if (done == 0 && interrupted == 0) {
      return null;
    }
    String line = "hyp: resuming: " + done + (done == 1 ? " trial" : " trials") + " already done";
    return interrupted == 0 ? line
        : line + "; " + interrupted + " interrupted " + (interrupted == 1 ? "one does" : "ones do")
            + " not count toward the budget";
  }

}
