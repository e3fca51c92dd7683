package dev.hyp.runtime.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.Metrics;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.TrainingFailedException;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import dev.hyp.runtime.experiment.SpecResource;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.runfolder.FinalModel;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.storage.StorageException;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialFormat;
import dev.hyp.runtime.trial.TrialState;
import dev.hyp.runtime.version.SpecMeaning;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A refit (`hyp refit RUN_DIR`, a jar's `refit`, `refit = true`): the chosen trial's configuration
 * (the best, or any COMPLETE trial) trained again on every non-test row (training and validation;
 * every fold's rows for k-fold), for the number of epochs at which that trial was best, with the
 * trial's seed, no pruning and no early stopping; evaluated on the test rows when there are any,
 * and kept in the run folder as `final-model.zip` and `final.json` ({@link FinalModel}).
 */
public final class Refit<P> {
  private final Experiment<P> experiment;
  private final ExperimentDefinition definition;
  private final PrintWriter out;
  private final PrintWriter err;

  private Refit(Experiment<P> experiment, PrintWriter out, PrintWriter err) {
    this.experiment = experiment;
    this.definition = experiment.definition();
    this.out = out;
    this.err = err;
  }

  /**
   * Refits a trial of the current version of the run in {@code runDirectory}.
   *
   * @param trial the trial's number, or null for the best
   * @param dataDirectory the folder the spec's data paths are relative to, or null for the one the run recorded
   */
  public static ExitCode run(Experiment<?> experiment, Path runDirectory, Integer trial, Path dataDirectory,
      PrintWriter out, PrintWriter err) throws IOException {
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties()); // before anything loads ND4J
    return new Refit<>(experiment, out, err).fromFolder(runDirectory, trial, dataDirectory);
  }

  /** The folder a run resolved its data paths against: as run.json recorded it, or (older runs) beside runs/NAME. */
  public static Optional<Path> dataDirectory(RunInfo info, Path runDirectory) {
    if (info.dataDirectory() != null) {
      return Optional.of(Path.of(info.dataDirectory()));
    }
    Path parent = runDirectory.toAbsolutePath().normalize().getParent();
    return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("runs")
        && parent.getParent() != null ? Optional.of(parent.getParent()) : Optional.empty();
  }

  /** The fingerprint of a compiled experiment's spec, as its run folder's versions record it. */
  static String fingerprint(Experiment<?> experiment) {
    return SpecResource.meaning(experiment.getClass()).map(SpecMeaning::parse).map(SpecMeaning::fingerprint)
        .orElse(experiment.definition().specHash());
  }

  /**
   * At the end of `hyp run` with `refit = true`: the best trial refitted on the run's data, when
   * the search has a complete trial; otherwise a line says there is nothing to refit.
   */
  static ExitCode afterSearch(Experiment<?> experiment, ExperimentData data, long seed, Path runDirectory,
      List<FrozenTrial> trials, PrintWriter out, PrintWriter err) throws IOException {
    Refit<?> refit = new Refit<>(experiment, out, err);
    data.trialsAtOnce(1); // the search is over: the refit has the memory to itself
    RunInfo info = RunInfo.read(runDirectory);
    Optional<ObjectNode> best = BestModel.readSummary(runDirectory);
    if (best.isEmpty()) {
      out.println("hyp: no trial completed, so there is nothing to refit");
      return ExitCode.OK;
    }
    Optional<ObjectNode> kept = FinalModel.readSummary(runDirectory);
    if (kept.isPresent() && kept.get().path("trial").asInt() == best.get().path("trial").asInt()
        && kept.get().path("version").asInt() == info.versionNumber() && kept.get().path("seed").asLong() == seed
        && Files.isRegularFile(runDirectory.resolve(FinalModel.MODEL))) {
      out.println("hyp: final model: " + runDirectory.resolve(FinalModel.MODEL) + " is already the refit of trial "
          + best.get().path("trial").asInt());
      return ExitCode.OK; // the best did not change since the last refit: the same seed gives the same model
    }
    return refit.chooseAndTrain(data, seed, runDirectory, info, trials, null, best);
  }

  private ExitCode fromFolder(Path runDirectory, Integer number, Path dataDirectory) throws IOException {
    RunInfo info;
    try {
      info = RunInfo.read(runDirectory);
    } catch (IOException e) {
      err.println("hyp: " + runDirectory + " is not a run folder: no " + RunInfo.FILE
          + " (runs are made by `hyp run` or a compiled jar)");
      return ExitCode.BAD_INPUT;
    }
    if (!info.specHash().equals(fingerprint(experiment))) {
      err.println("hyp: the current version of " + runDirectory + " was run by a different spec than `"
          + definition.name() + "`; refit with the spec that ran there (`hyp refit " + runDirectory + "`)");
      return ExitCode.BAD_INPUT;
    }
    List<FrozenTrial> trials;
    try {
      trials = trials(runDirectory, info);
    } catch (StorageException e) {
      err.println("hyp: cannot read the study in " + runDirectory + ": " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    Optional<ObjectNode> best = BestModel.readSummary(runDirectory);
    if (number == null && best.isEmpty()) {
      err.println("hyp: no trial of " + runDirectory + " has completed yet, so there is nothing to refit");
      return ExitCode.ERRORS;
    }
    Optional<Path> base = dataDirectory != null ? Optional.of(dataDirectory) : dataDirectory(info, runDirectory);
    if (base.isEmpty()) {
      err.println("hyp: " + runDirectory + " does not say where its data is (it was made by an older hyp); "
          + "give the spec's folder with --data-dir");
      return ExitCode.BAD_INPUT;
    }
    long seed = info.seed() != null ? info.seed() : definition.seed();
    ExperimentData data;
    try {
      data = new RunData(definition, base.get()).load(seed);
    } catch (DataException e) {
      err.println("hyp: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    return chooseAndTrain(data, seed, runDirectory, info, trials, number, best);
  }

  private ExitCode chooseAndTrain(ExperimentData data, long seed, Path runDirectory, RunInfo info,
      List<FrozenTrial> trials, Integer number, Optional<ObjectNode> best) throws IOException {
    int wanted = number != null ? number : best.orElseThrow().path("trial").asInt();
    Optional<FrozenTrial> found = trials.stream().filter(t -> t.number() == wanted).findFirst();
    if (found.isEmpty() || found.get().state() != TrialState.COMPLETE) {
      String state = found.map(t -> "it " + (t.state() == TrialState.RUNNING ? "is still running"
          : "was " + t.state().name().toLowerCase(Locale.ROOT))).orElse("there is no such trial");
      err.println("hyp: trial " + wanted + " of " + runDirectory + " cannot be refitted: " + state
          + "; name a complete trial (`hyp trials " + runDirectory + "`)");
      return ExitCode.BAD_INPUT;
    }
    FrozenTrial trial = found.get();
    int epochs = best.isPresent() && best.get().path("trial").asInt() == wanted && best.get().path("bestEpoch")
        .asInt() > 0 ? best.get().path("bestEpoch").asInt() : bestEpoch(trial);
    return train(data, seed, runDirectory, info, trial, epochs);
  }

  /**
   * The epoch at which a trial was best, as the trainer decides it from the values it reported:
   * the first epoch whose value beats every earlier one by more than the early-stopping threshold.
   * A trial that reported nothing (an older record) trains for its configuration's epochs.
   */
  int bestEpoch(FrozenTrial trial) {
    if (trial.intermediate().isEmpty()) {
      return experiment.training(experiment.params(trial.params())).epochs();
    }
    boolean maximize = Metrics.higherIsBetter(definition.objective().metric());
    double minDelta = TrialTraining.minDelta(experiment, trial.params());
    int bestEpoch = 0;
    double bestValue = Double.NaN;
    for (Map.Entry<Integer, Double> step : trial.intermediate().entrySet()) {
      double value = step.getValue();
      if (bestEpoch == 0 || (maximize ? value > bestValue + minDelta : value < bestValue - minDelta)) {
        bestEpoch = step.getKey();
        bestValue = value;
      }
    }
    return bestEpoch;
  }

  private ExitCode train(ExperimentData data, long seed, Path runDirectory, RunInfo info, FrozenTrial trial,
      int epochs) throws IOException {
    int rows = data.table().size() - data.parts().get(0).test().length;
    out.println("hyp: refitting trial " + trial.number() + " of `" + definition.name() + "` on " + rows
        + " rows (training and validation) for " + epochs + " epochs: " + TrialFormat.params(trial.params().asMap()));
    TrainResult result;
    try {
      result = TrialTraining.refit(experiment, data, seed, trial.number(), trial.params(), epochs, (epoch, loss) -> {
        out.printf(Locale.ROOT, "refit epoch %3d/%d  training loss %.4f%n", epoch, epochs, loss);
        out.flush();
        return false;
      });
    } catch (TrainingFailedException e) {
      err.println("hyp: the refit of trial " + trial.number() + " failed: " + e.getMessage());
      return ExitCode.BAD_INPUT;
    }
    FinalModel.write(runDirectory, result, data, new FinalModel.Summary(trial.number(), trial.params().asMap(),
        epochs, rows, seed, result.test(), info.specHash(), info.versionNumber()));
    String test = result.test().isEmpty() ? "no test rows" : "test " + result.test().entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue())).collect(Collectors.joining(" "));
    out.printf(Locale.ROOT, "refit complete  %s  (%d epochs, %.1fs)%n", test, epochs,
        result.trainingMillis() / 1000.0);
    out.println("hyp: final model: " + runDirectory.resolve(FinalModel.MODEL) + " ("
        + runDirectory.resolve(FinalModel.SUMMARY) + ")");
    return ExitCode.OK;
  }

  private static List<FrozenTrial> trials(Path runDirectory, RunInfo info) {
    return Storages.trialsOf(runDirectory, info.storage(), info.studyName());
  }
}
