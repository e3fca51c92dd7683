package dev.hyp.runtime.runfolder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run folder's refit, the one owner of `final-model.zip` (a {@link SavedModel}: the chosen
 * trial's configuration trained on every non-test row) and `final.json` (what it came from and
 * its test metrics). Like the best model, they describe the folder's current version: they sit at
 * its top and move into the version's folder when a new version starts.
 */
public final class FinalModel {
  public static final String MODEL = "final-model.zip";
  public static final String SUMMARY = "final.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * What final.json says.
   *
   * @param trial the trial whose configuration was trained
   * @param epochs how many epochs (that trial's best epoch)
   * @param rows how many rows it trained on
   * @param test every metric on the test rows (empty when there are none)
   * @param fingerprint, version the spec's version in the folder it belongs to
   */
  public record Summary(int trial, Map<String, Object> params, int epochs, int rows, long seed,
      Map<String, Double> test, String fingerprint, int version) {}

  private FinalModel() {}

  /** Writes the model, then its summary, each atomically (the summary names a model that is there). */
  public static void write(Path directory, TrainResult result, ExperimentData data, Summary summary)
      throws IOException {
    Files.createDirectories(directory);
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("trial", summary.trial());
    extra.put("params", summary.params());
    extra.put("epochs", summary.epochs());
    extra.put("refit", true);
    SavedModel.save(directory.resolve(MODEL), result, data, extra);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("trial", summary.trial());
    document.put("params", summary.params());
    document.put("epochs", summary.epochs());
    document.put("rows", summary.rows());
    document.put("seed", summary.seed());
    document.put("test", summary.test());
    document.put("fingerprint", summary.fingerprint());
    document.put("version", summary.version());
    document.put("model", MODEL);
    AtomicFiles.write(directory.resolve(SUMMARY), temporary -> JSON.writeValue(temporary.toFile(), document));
  }

  /** `final.json` as written, or empty before any refit. */
  public static Optional<ObjectNode> readSummary(Path directory) throws IOException {
    Path summary = directory.resolve(SUMMARY);
    if (!Files.isRegularFile(summary)) {
      return Optional.empty();
    }
    return Optional.of((ObjectNode) JSON.readTree(summary.toFile()));
  }

  /** When a new version starts: the refit of the version before moves into that version's folder. */
  public static void moveTo(Path directory, Path versionFolder) throws IOException {
    for (String name : List.of(MODEL, SUMMARY)) {
      Path file = directory.resolve(name);
      if (Files.exists(file)) {
        Files.createDirectories(versionFolder);
        Files.move(file, versionFolder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
