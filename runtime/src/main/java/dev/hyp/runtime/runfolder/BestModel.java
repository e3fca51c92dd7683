package dev.hyp.runtime.runfolder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.io.AtomicFiles;
import dev.hyp.runtime.io.FolderLock;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyListener;
import dev.hyp.runtime.trial.BestTrialOrder;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run folder's best trial, the one owner of `best-model.zip` (the model, see {@link SavedModel})
 * and `best.json` (trial, parameters, metrics, for `hyp best`).
 *
 * <p>A trial that may be the best {@link #stage stages} its model as a candidate file while it
 * still runs; the candidate becomes the best model only once the study has recorded the trial
 * COMPLETE ({@link #trialFinished}), so the best model never belongs to a trial that was killed
 * or failed. The comparison with the best so far and the replacement happen under a lock on
 * the folder against what is on disk, so several processes on one folder never replace a better
 * model with a worse one. "Better" is {@link BestTrialOrder}'s, as for the study: a tie on the
 * objective goes to the lower validation loss, then to the earlier trial. A run that starts again {@link #recover
 * recovers} candidates whose trial completed just before a kill, and removes the others.
 */
public final class BestModel implements StudyListener {
  public static final String MODEL = "best-model.zip";
  public static final String SUMMARY = "best.json";
  private static final String LOCK = ".best.lock";
  /** best.json's tie-break: the kept trial's validation loss as the study stores it (absent: none). */
  private static final String VALIDATION_LOSS = "validationLoss";
  private static final Pattern CANDIDATE = Pattern.compile("\\.candidate-(\\d+)\\.zip");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final String metric;
  private final String split;
  private final ExperimentData data;
  private final BestTrialOrder order;
  private final Map<Integer, Candidate> candidates = new HashMap<>();
  private BestTrialOrder.Standing best; // the kept model's trial, null before any

  /**
   * A staged model: its file holds the network, this what best.json will say of it.
   *
   * @param validationLoss the tie-break, as the study stores it with the trial (null: none)
   */
  private record Candidate(double value, Double validationLoss, TrialSummary summary, Map<String, Object> params) {}

  private BestModel(Path directory, Direction direction, String metric, String split, ExperimentData data) {
    this.directory = directory;
    this.order = new BestTrialOrder(direction);
    this.metric = metric;
    this.split = split;
    this.data = data;
  }

  /**
   * The best model of the run in {@code directory}, continuing from the one kept there if any.
   * Add it to the study as a listener, so that staged models are promoted when their trial completes.
   *
   * @param metric, split what the objective measures, as `best.json` names them
   * @param data the run's data (for the label mapping and column names kept with the model)
   */
  public static BestModel open(Path directory, Direction direction, String metric, String split, ExperimentData data)
      throws IOException {
    BestModel model = new BestModel(directory, direction, metric, split, data);
    model.refresh();
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

  /**
   * Whether trial {@code trial}'s model would replace the kept one ({@link BestTrialOrder}: NaN never
   * does; a tie goes to the lower validation loss, then to the earlier trial).
   */
  public synchronized boolean beats(int trial, double value, Double validationLoss) {
    return !Double.isNaN(value) && order.isBetter(new BestTrialOrder.Standing(value, validationLoss, trial), best);
  }

  /**
   * Keeps the model of a trial trained in this process as a candidate if it may be the best; it
   * becomes the best model when the study records the trial COMPLETE.
   *
   * @return whether it was staged
   */
  public boolean stage(int trial, double value, TrainResult result, ParamValues params) throws IOException {
    return stage(trial, value, null, result, params);
  }

  /**
   * The same with the validation loss the study keeps with the trial (null: none), which breaks a
   * tie on the objective.
   */
  public boolean stage(int trial, double value, Double validationLoss, TrainResult result, ParamValues params)
      throws IOException {
    if (!beats(trial, value, validationLoss)) {
      return false;
    }
    SavedModel.save(candidateFile(trial), result, data,
        modelExtra(trial, value, params, result.epochsRun(), result.bestEpoch()));
    TrialSummary summary = new TrialSummary(result.validation(), result.test(), result.epochsRun(), result.bestEpoch());
    synchronized (this) {
      candidates.put(trial, new Candidate(value, validationLoss, summary, params.asMap()));
    }
    return true;
  }

  /** The same for a trial trained elsewhere, whose model arrives as the bytes of a zip. */
  public boolean stage(int trial, double value, TrialSummary summary, ParamValues params, byte[] modelZip)
      throws IOException {
    return stage(trial, value, null, summary, params, modelZip);
  }

  /** The same with the validation loss the study keeps with the trial (null: none). */
  public boolean stage(int trial, double value, Double validationLoss, TrialSummary summary, ParamValues params,
      byte[] modelZip) throws IOException {
    if (!beats(trial, value, validationLoss)) {
      return false;
    }
    AtomicFiles.write(candidateFile(trial), temporary -> Files.write(temporary, modelZip));
    synchronized (this) {
      candidates.put(trial, new Candidate(value, validationLoss, summary, params.asMap()));
    }
    return true;
  }

  /** A staged trial's end: COMPLETE promotes its model if it still beats the best, anything else drops it. */
  @Override
  public void trialFinished(Study study, FrozenTrial trial) {
    Candidate candidate;
    synchronized (this) {
      candidate = candidates.remove(trial.number());
    }
    if (candidate == null) {
      return;
    }
    try {
      if (trial.state() == TrialState.COMPLETE) {
        promote(trial.number(), candidate);
      } else {
        Files.deleteIfExists(candidateFile(trial.number()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep the best model in " + directory, e);
    }
  }

  /**
   * After a kill: a candidate whose trial the study recorded COMPLETE is promoted as if the run had
   * gone on; one whose trial failed, was pruned or was interrupted is removed; one whose trial
   * another live process still runs is left to it. Abandoned temporary files go too.
   */
  public void recover(List<FrozenTrial> trials) throws IOException {
    Map<Integer, FrozenTrial> byNumber = new HashMap<>();
    trials.forEach(t -> byNumber.put(t.number(), t));
    AtomicFiles.removeAbandoned(directory);
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".candidate-*.zip")) {
      for (Path file : files) {
        Matcher name = CANDIDATE.matcher(file.getFileName().toString());
        if (!name.matches()) {
          continue;
        }
        FrozenTrial trial = byNumber.get(Integer.parseInt(name.group(1)));
        if (trial == null || trial.state() == TrialState.RUNNING) {
          continue;
        }
        if (trial.state() == TrialState.COMPLETE) {
          promote(trial.number(), fromMetadata(file, trial.value(), trial));
        } else {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * When a new version of the study starts in the same folder: the kept model and summary move
   * into the version before's folder (never deleted); candidates of its trials are removed (the
   * new version numbers its trials afresh).
   */
  public static void moveTo(Path directory, Path versionFolder) throws IOException {
    Files.createDirectories(versionFolder);
    for (String name : List.of(MODEL, SUMMARY)) {
      Path file = directory.resolve(name);
      if (Files.exists(file)) {
        Files.move(file, versionFolder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, ".candidate-*.zip")) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The best value kept so far, if any. */
  public synchronized OptionalDouble bestValue() {
    return best == null ? OptionalDouble.empty() : OptionalDouble.of(best.value());
  }

  /** The best trial's number, or -1 before any. */
  public synchronized int bestTrial() {
    return best == null ? -1 : best.number();
  }

  /** Where the kept model's trial stands (what another trial must beat), if there is one. */
  public synchronized Optional<BestTrialOrder.Standing> standing() {
    return Optional.ofNullable(best);
  }

  public Path modelPath() {
    return directory.resolve(MODEL);
  }

  /** What a kept model carries besides its network: the trial, its value, parameters and epochs. */
  public static Map<String, Object> modelExtra(int trial, double value, ParamValues params, int epochs,
      int bestEpoch) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("trial", trial);
    extra.put("value", value);
    extra.put("params", new LinkedHashMap<>(params.asMap()));
    extra.put("epochs", epochs);
    extra.put("bestEpoch", bestEpoch);
    return extra;
  }

  private Path candidateFile(int trial) {
    return directory.resolve(".candidate-" + trial + ".zip");
  }

  /** Under the folder's lock, against what is on disk now (another process may have kept a better one). */
  private void promote(int trial, Candidate candidate) throws IOException {
    Files.createDirectories(directory);
    FolderLock.holding(directory.resolve(LOCK), () -> {
      refresh();
      Path file = candidateFile(trial);
      if (beats(trial, candidate.value(), candidate.validationLoss()) && Files.isRegularFile(file)) {
        Files.move(file, directory.resolve(MODEL), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        writeSummary(trial, candidate);
      } else {
        Files.deleteIfExists(file);
      }
      return null;
    });
  }

  /**
   * Reads the best so far. The model is the truth (it names its trial and carries what best.json
   * says): a kill between moving a model in and writing its summary is repaired here.
   */
  private void refresh() throws IOException {
    Path model = directory.resolve(MODEL);
    if (!Files.isRegularFile(model)) {
      return;
    }
    Optional<ObjectNode> kept = readSummary(directory);
    Map<String, Object> extra = SavedModel.readMetadata(model).extra();
    if (extra.get("trial") instanceof Number trial && extra.get("value") instanceof Number value
        && (kept.isEmpty() || kept.get().path("trial").asInt() != trial.intValue())) {
      writeSummary(trial.intValue(), fromMetadata(model, value.doubleValue(), null));
      return;
    }
    synchronized (this) {
      if (kept.isPresent()) {
        JsonNode loss = kept.get().path(VALIDATION_LOSS); // absent in a best.json of an older hyp
        best = new BestTrialOrder.Standing(kept.get().path("value").asDouble(),
            loss.isNumber() ? loss.asDouble() : null, kept.get().path("trial").asInt());
      }
    }
  }

  private void writeSummary(int trial, Candidate candidate) throws IOException {
    synchronized (this) {
      best = new BestTrialOrder.Standing(candidate.value(), candidate.validationLoss(), trial);
    }
    TrialSummary result = candidate.summary();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("trial", trial);
    summary.put("metric", metric);
    summary.put("split", split);
    summary.put("value", candidate.value());
    summary.put("params", candidate.params());
    summary.put("validation", result.validation());
    summary.put("test", result.test());
    summary.put("epochs", result.epochsRun());
    summary.put("bestEpoch", result.bestEpoch());
    if (candidate.validationLoss() != null) {
      summary.put(VALIDATION_LOSS, candidate.validationLoss());
    }
    summary.put("model", MODEL);
    AtomicFiles.write(directory.resolve(SUMMARY), temporary -> JSON.writeValue(temporary.toFile(), summary));
  }

  /** A model left by a kill: what best.json needs is in the model's own metadata. */
  @SuppressWarnings("unchecked")
  private static Candidate fromMetadata(Path file, double value, FrozenTrial trial) throws IOException {
    SavedModel.Metadata metadata = SavedModel.readMetadata(file);
    Map<String, Object> extra = metadata.extra();
    int epochs = extra.get("epochs") instanceof Number n ? n.intValue()
        : trial != null ? trial.intermediate().size() : 0;
    int bestEpoch = extra.get("bestEpoch") instanceof Number n ? n.intValue() : epochs;
    Map<String, Object> params = trial != null ? trial.params().asMap()
        : extra.get("params") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    return new Candidate(value, trial == null ? null : trial.validationLoss(),
        new TrialSummary(metadata.validation(), metadata.test(), epochs, bestEpoch), params);
  }
}
