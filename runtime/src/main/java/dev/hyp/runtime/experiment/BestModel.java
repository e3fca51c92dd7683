package dev.hyp.runtime.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.space.ParamValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the best trial's model in the run folder as it goes: `best-model.zip` (network,
 * normalizer, label mapping) and `best.json` (trial, parameters, metrics). A crash loses
 * nothing already saved, and a resumed run only replaces it with a better trial.
 */
final class BestModel implements TrialExecutor.BestModels {
  static final String MODEL = "best-model.zip";
  static final String SUMMARY = "best.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final boolean maximize;
  private final ExperimentDefinition.ObjectiveDefinition objective;
  private Double bestValue;

  BestModel(Path directory, ExperimentDefinition.ObjectiveDefinition objective) throws IOException {
    this.directory = directory;
    this.objective = objective;
    this.maximize = objective.maximize();
    Path summary = directory.resolve(SUMMARY);
    if (Files.isRegularFile(summary) && Files.isRegularFile(directory.resolve(MODEL))) {
      bestValue = JSON.readTree(summary.toFile()).path("value").asDouble();
    }
  }

  /** Saves this trial's model if it beats the best so far; safe to call from several trials at once. */
  synchronized void offer(int trial, double value, TrainResult result, ParamValues params, ExperimentData data)
      throws IOException {
    if (!beats(value)) {
      return;
    }
    SavedModel.save(directory.resolve(MODEL), result, data, TrialTraining.modelExtra(trial, params));
    keep(trial, value, new TrialExecutor.TrialSummary(result.validation(), result.test(), result.epochsRun(),
        result.bestEpoch()), params);
  }

  /** The same for a trial trained elsewhere, whose model arrives as a zip's bytes. */
  @Override
  public synchronized void offer(int trial, double value, TrialExecutor.TrialSummary summary, ParamValues params,
      byte[] modelZip) throws IOException {
    if (!beats(value)) {
      return;
    }
    Path temporary = Files.createTempFile(directory, ".best", ".zip");
    Files.write(temporary, modelZip);
    Files.move(temporary, directory.resolve(MODEL), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    keep(trial, value, summary, params);
  }

  @Override
  public synchronized Double bestValue() {
    return bestValue;
  }

  private boolean beats(double value) {
    return !Double.isNaN(value) && (bestValue == null || (maximize ? value > bestValue : value < bestValue));
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
    Path temporary = Files.createTempFile(directory, ".best", ".json");
    JSON.writeValue(temporary.toFile(), summary);
    Files.move(temporary, directory.resolve(SUMMARY), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    bestValue = value;
  }
}
