package dev.hyp.runtime.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.runtime.dl4j.BestModelKeeper;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.io.AtomicFiles;
import dev.hyp.runtime.space.ParamValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The run folder's best trial as it goes: the model in `best-model.zip` (kept by
 * {@link BestModelKeeper}, or as the bytes a remote trial sent) and a summary in `best.json`
 * (trial, parameters, metrics) for `hyp best`. A crash loses nothing already saved, and a
 * resumed run only replaces them with a better trial.
 */
final class BestModel implements TrialExecutor.BestModels {
  static final String MODEL = "best-model.zip";
  static final String SUMMARY = "best.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final ExperimentDefinition.ObjectiveDefinition objective;
  private final BestModelKeeper keeper;

  BestModel(Path directory, ExperimentDefinition.ObjectiveDefinition objective, ExperimentData data)
      throws IOException {
    this.directory = directory;
    this.objective = objective;
    this.keeper = new BestModelKeeper(directory.resolve(MODEL), objective.maximize(), data);
    Path summary = directory.resolve(SUMMARY);
    if (Files.isRegularFile(summary) && Files.isRegularFile(directory.resolve(MODEL))) {
      JsonNode previous = JSON.readTree(summary.toFile());
      keeper.resumeFrom(previous.path("trial").asInt(), previous.path("value").asDouble());
    }
  }

  /** Keeps this trial if it beats the best so far; safe to call from several trials at once. */
  synchronized void offer(int trial, double value, TrainResult result, ParamValues params) throws IOException {
    if (keeper.offer(trial, value, result, params.asMap())) {
      keep(trial, value, new TrialExecutor.TrialSummary(result.validation(), result.test(), result.epochsRun(),
          result.bestEpoch()), params);
    }
  }

  /** The same for a trial trained elsewhere, whose model arrives as a zip's bytes. */
  @Override
  public synchronized void offer(int trial, double value, TrialExecutor.TrialSummary summary, ParamValues params,
      byte[] modelZip) throws IOException {
    if (!keeper.beats(value)) {
      return;
    }
    AtomicFiles.write(directory.resolve(MODEL), temporary -> Files.write(temporary, modelZip));
    keeper.resumeFrom(trial, value);
    keep(trial, value, summary, params);
  }

  @Override
  public synchronized Double bestValue() {
    OptionalDouble best = keeper.bestValue();
    return best.isPresent() ? best.getAsDouble() : null;
  }

  private void keep(int trial, double value, TrialExecutor.TrialSummary result, ParamValues params)
      throws IOException {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("trial", trial);
    summary.put("metric", objective.metric());
    summary.put("split", objective.split());
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
