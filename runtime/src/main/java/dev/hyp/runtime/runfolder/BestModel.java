package dev.hyp.runtime.runfolder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.io.AtomicFiles;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run folder's best trial, the one owner of `best-model.zip` (the model, see {@link SavedModel})
 * and `best.json` (trial, parameters, metrics, for `hyp best`). Trials on any thread offer their
 * result when they complete; only one that beats the best so far replaces both files, each
 * atomically. Ties keep the earlier model. A crash loses nothing already saved, and a resumed run
 * only replaces them with a better trial.
 */
public final class BestModel {
  public static final String MODEL = "best-model.zip";
  public static final String SUMMARY = "best.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final Direction direction;
  private final String metric;
  private final String split;
  private final ExperimentData data;
  private double best = Double.NaN;
  private int bestTrial = -1;

  private BestModel(Path directory, Direction direction, String metric, String split, ExperimentData data) {
    this.directory = directory;
    this.direction = direction;
    this.metric = metric;
    this.split = split;
    this.data = data;
  }

  /**
   * The best model of the run in {@code directory}, continuing from the one kept there if any.
   *
   * @param metric, split what the objective measures, as `best.json` names them
   * @param data the run's data (for the label mapping and column names kept with the model)
   */
  public static BestModel open(Path directory, Direction direction, String metric, String split, ExperimentData data)
      throws IOException {
    BestModel model = new BestModel(directory, direction, metric, split, data);
    Optional<ObjectNode> previous = readSummary(directory);
    if (previous.isPresent() && Files.isRegularFile(directory.resolve(MODEL))) {
      model.best = previous.get().path("value").asDouble();
      model.bestTrial = previous.get().path("trial").asInt();
    }
    return model;
  }

  /** `best.json` of a run folder as written, or empty before any trial completed. */
  public static Optional<ObjectNode> readSummary(Path directory) throws IOException {
    Path summary = directory.resolve(SUMMARY);
    if (!Files.isRegularFile(summary)) {
      return Optional.empty();
    }
    return Optional.of((ObjectNode) JSON.readTree(summary.toFile()));
  }

  /** Whether {@code value} would replace the kept model (NaN never does; ties keep the earlier one). */
  public synchronized boolean beats(double value) {
    return !Double.isNaN(value) && direction.isBetter(value, best);
  }

  /**
   * Keeps the trial's model, trained in this process, if it beats the best so far.
   *
   * @return whether it is now the best
   */
  public synchronized boolean offer(int trial, double value, TrainResult result, ParamValues params)
      throws IOException {
    if (!beats(value)) {
      return false;
    }
    SavedModel.save(directory.resolve(MODEL), result, data, modelExtra(trial, value, params, result.bestEpoch()));
    keep(trial, value, new TrialSummary(result.validation(), result.test(), result.epochsRun(), result.bestEpoch()),
        params);
    return true;
  }

  /**
   * The same for a trial trained elsewhere, whose model arrives as the bytes of a zip ({@link
   * #modelExtra} gives what it holds besides the network).
   */
  public synchronized boolean offer(int trial, double value, TrialSummary summary, ParamValues params,
      byte[] modelZip) throws IOException {
    if (!beats(value)) {
      return false;
    }
    AtomicFiles.write(directory.resolve(MODEL), temporary -> Files.write(temporary, modelZip));
    keep(trial, value, summary, params);
    return true;
  }

  /** The best value kept so far, if any. */
  public synchronized OptionalDouble bestValue() {
    return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  /** The best trial's number, or -1 before any. */
  public synchronized int bestTrial() {
    return bestTrial;
  }

  public Path modelPath() {
    return directory.resolve(MODEL);
  }

  /** What a kept model carries besides its network: the trial, its value and parameters. */
  public static Map<String, Object> modelExtra(int trial, double value, ParamValues params, int bestEpoch) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("trial", trial);
    extra.put("value", value);
    extra.put("params", new LinkedHashMap<>(params.asMap()));
    extra.put("bestEpoch", bestEpoch);
    return extra;
  }

  private void keep(int trial, double value, TrialSummary result, ParamValues params) throws IOException {
    best = value;
    bestTrial = trial;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("trial", trial);
    summary.put("metric", metric);
    summary.put("split", split);
    summary.put("value", value);
    summary.put("params", params.asMap());
    summary.put("validation", result.validation());
    summary.put("test", result.test());
    summary.put("epochs", result.epochsRun());
    summary.put("bestEpoch", result.bestEpoch());
    summary.put("model", MODEL);
    AtomicFiles.write(directory.resolve(SUMMARY), temporary -> JSON.writeValue(temporary.toFile(), summary));
  }
}
