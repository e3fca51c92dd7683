package dev.hyp.runtime.runfolder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.io.AtomicFiles;
import dev.hyp.runtime.io.FolderLock;
import dev.hyp.runtime.report.PickRule;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyListener;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.ObjectiveName;
import dev.hyp.runtime.trial.Objectives;
import dev.hyp.runtime.trial.TrialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The models of a search with several objectives, when its front's models are kept (`hyp run
 * --keep front`, or a `pick` rule in the spec, which may pick any front trial as the front grows):
 * `models/trial-N.zip` for each trial of the Pareto front, and `best-model.zip` with `best.json`
 * for the trial the rule picks from it.
 *
 * <p>Each feasible trial trained here {@link #stage stages} its model as `models/.candidate-N.zip`;
 * once the study records it COMPLETE ({@link #trialFinished}) it becomes `models/trial-N.zip` if it
 * is on the front, the models of trials it pushed off the front are deleted, and the rule picks
 * again: `best-model.zip` becomes a copy of the picked trial's model. All of it happens under the
 * lock {@link BestModel} takes, against the study as stored, so several processes on one folder agree.
 */
public final class FrontModels implements StudyListener {
  public static final String FOLDER = "models";
  private static final String LOCK = ".best.lock";
  private static final Pattern KEPT = Pattern.compile("trial-(\\d+)\\.zip");
  private static final Pattern CANDIDATE = Pattern.compile("\\.candidate-(\\d+)\\.zip");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final Path models;
  private final List<ObjectiveName> objectives;
  private final Objectives order;
  private final PickRule rule;
  private final ExperimentData data;

  /**
   * @param directory the run folder (its current version)
   * @param rule which front trial `best-model.zip` holds
   * @param data the run's data, kept with each model
   */
  public FrontModels(Path directory, List<ObjectiveName> objectives, PickRule rule, ExperimentData data) {
    this.directory = directory;
    this.models = directory.resolve(FOLDER);
    this.objectives = List.copyOf(objectives);
    this.order = new Objectives(objectives.stream().map(ObjectiveName::direction).toList());
    this.rule = rule;
    this.data = data;
  }

  /** A kept model's file: `models/trial-N.zip`. */
  public static Path modelFile(Path directory, int trial) {
    return directory.resolve(FOLDER).resolve("trial-" + trial + ".zip");
  }

  /** Keeps a feasible trial's model until the study records the trial. */
  public void stage(int trial, double firstValue, TrainResult result, ParamValues params) throws IOException {
    Files.createDirectories(models);
    SavedModel.save(candidateFile(trial), result, data,
        BestModel.modelExtra(trial, firstValue, params, result.epochsRun(), result.bestEpoch()));
  }

  /** The same for a trial trained elsewhere (a Spark task), whose model arrives as the bytes of a zip. */
  public void stage(int trial, byte[] modelZip) throws IOException {
    Files.createDirectories(models);
    AtomicFiles.write(candidateFile(trial), temporary -> Files.write(temporary, modelZip));
  }

  @Override
  public void trialFinished(Study study, FrozenTrial trial) {
    Path candidate = candidateFile(trial.number());
    if (!Files.exists(candidate)) {
      return;
    }
    try {
      if (trial.state() != TrialState.COMPLETE) {
        Files.deleteIfExists(candidate);
        return;
      }
      update(study.trials());
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep the front's models in " + models, e);
    }
  }

  /**
   * Brings the folder in line with {@code trials}: candidates of recorded trials kept or removed,
   * models of trials off the front removed, the pick copied to `best-model.zip` (a run that starts
   * again calls it first: a kill, or an edited `pick`, is caught up with here).
   */
  public synchronized void update(List<FrozenTrial> trials) throws IOException {
    Files.createDirectories(models);
    FolderLock.holding(directory.resolve(LOCK), () -> {
      AtomicFiles.removeAbandoned(models);
      List<FrozenTrial> front = order.front(trials);
      Set<Integer> onFront = new HashSet<>();
      front.forEach(t -> onFront.add(t.number()));
      Map<Integer, TrialState> states = new LinkedHashMap<>();
      trials.forEach(t -> states.put(t.number(), t.state()));
      try (DirectoryStream<Path> files = Files.newDirectoryStream(models)) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          Matcher staged = CANDIDATE.matcher(name);
          Matcher kept = KEPT.matcher(name);
          if (staged.matches()) {
            int number = Integer.parseInt(staged.group(1));
            TrialState state = states.get(number);
            if (state == null || state == TrialState.RUNNING) {
              continue; // still training, here or in another process
            }
            if (onFront.contains(number)) {
              Files.move(file, modelFile(directory, number), StandardCopyOption.REPLACE_EXISTING,
                  StandardCopyOption.ATOMIC_MOVE);
            } else {
              Files.delete(file);
            }
          } else if (kept.matches() && !onFront.contains(Integer.parseInt(kept.group(1)))) {
            Files.delete(file); // pushed off the front
          }
        }
      }
      Optional<FrozenTrial> picked = rule.pick(front, objectives);
      if (picked.isPresent() && Files.isRegularFile(modelFile(directory, picked.get().number()))) {
        keepAsBest(picked.get());
      }
      return null;
    });
  }

  /** `best-model.zip` and `best.json` for the picked trial, unless they already hold it. */
  private void keepAsBest(FrozenTrial picked) throws IOException {
    Optional<ObjectNode> summary = BestModel.readSummary(directory);
    if (summary.isPresent() && summary.get().path("trial").asInt(-1) == picked.number()
        && rule.text().equals(summary.get().path("pick").asText()) && Files.isRegularFile(directory.resolve(
            BestModel.MODEL))) {
      return;
    }
    Path source = modelFile(directory, picked.number());
    AtomicFiles.write(directory.resolve(BestModel.MODEL), temporary -> Files.copy(source, temporary,
        StandardCopyOption.REPLACE_EXISTING));
    SavedModel.Metadata metadata = SavedModel.readMetadata(source);
    Map<String, Object> extra = metadata.extra();
    ObjectiveName first = objectives.get(0);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("trial", picked.number());
    document.put("metric", first.measure());
    document.put("split", first.split());
    document.put("value", picked.objectiveValue(0));
    document.put("params", picked.params().asMap());
    document.put("validation", metadata.validation());
    document.put("test", metadata.test());
    document.put("epochs", extra.get("epochs") instanceof Number n ? n.intValue() : picked.intermediate().size());
    document.put("bestEpoch", extra.get("bestEpoch") instanceof Number n ? n.intValue() : 0);
    document.put("model", BestModel.MODEL);
    document.put("pick", rule.text());
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < objectives.size(); i++) {
      values.put(objectives.get(i).column(), picked.objectiveValue(i));
    }
    document.put("values", values);
    AtomicFiles.write(directory.resolve(BestModel.SUMMARY), temporary -> JSON.writeValue(temporary.toFile(),
        document));
  }

  /** When a new version starts: the front's models move into the version before's folder, as the best model does. */
  public static void moveTo(Path directory, Path versionFolder) throws IOException {
    Path folder = directory.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return;
    }
    Files.createDirectories(versionFolder);
    Path target = versionFolder.resolve(FOLDER);
    if (Files.exists(target)) {
      try (DirectoryStream<Path> old = Files.newDirectoryStream(target)) {
        for (Path file : old) {
          Files.delete(file);
        }
      }
      Files.delete(target);
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ".candidate-*.zip")) {
      for (Path file : files) {
        Files.delete(file); // the new version numbers its trials afresh
      }
    }
    Files.move(folder, target);
  }

  private Path candidateFile(int trial) {
    return models.resolve(".candidate-" + trial + ".zip");
  }
}
