package dev.hyp.runtime.dl4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.runtime.data.NumericColumns;
import dev.hyp.runtime.data.RowEncoding;
import dev.hyp.runtime.data.TableEncoding;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;

/**
 * A trained model as kept in a run directory: a Deeplearning4j ModelSerializer zip (network,
 * updater state, normalizer) with one more entry, {@value #ENTRY}, a JSON document with the task,
 * the class names in index order, the feature and label column names, the input shape and the
 * metrics. {@link #load} restores it; {@link #predict} and {@link #predictClasses} take raw rows as
 * read from the CSV (normalisation is applied here).
 *
 * <p>A program of its own that loads and predicts runs faster with the ND4J patches a run uses:
 * {@code Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties())} first thing
 * ({@link dev.hyp.runtime.dl4j.nd4j.Nd4jPatches}).
 */
public final class SavedModel {
  /** The zip entry with hyp's metadata. */
  public static final String ENTRY = "hyp-model.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final MultiLayerNetwork network;
  private final DataNormalization normalizer;
  private final Metadata metadata;

  /**
   * hyp's metadata of a saved model.
   *
   * @param task CLASSIFICATION or REGRESSION
   * @param classes class names in index order, or null for regression
   * @param featureNames the feature columns, in file order
   * @param labelName the label column
   * @param shape {height, width, channels} for image input, or null
   * @param validation metrics on validation
   * @param test metrics on test (empty when there are no test rows)
   * @param extra anything else the caller keeps (the trial's number and parameters, ...)
   * @param encoding how a raw row becomes the features, as training fitted it; null in models saved
   *     before hyp kept it (every feature column a number: {@link #encoding()} says so)
   */
  public record Metadata(Task task, List<String> classes, List<String> featureNames, String labelName, int[] shape,
      Map<String, Double> validation, Map<String, Double> test, Map<String, Object> extra, RowEncoding encoding) {

    /** How a raw row becomes the features: the one kept, or (older models) the feature columns as numbers. */
    public RowEncoding rowEncoding() {
      return encoding != null ? encoding : new NumericColumns(featureNames);
    }
  }

  private SavedModel(MultiLayerNetwork network, DataNormalization normalizer, Metadata metadata) {
    this.network = network;
    this.normalizer = normalizer;
    this.metadata = metadata;
  }

  /**
   * Writes {@code result}'s network and normalizer, and the metadata, to {@code zip} (replacing it).
   * The encoding kept is the result's (fitted on its training part), else {@code data}'s.
   */
  public static void save(Path zip, TrainResult result, ExperimentData data, Map<String, Object> extra)
      throws IOException {
    InputShape s = data.inputShape();
    // a prepared table's features are the result's own: a trial with `encoding = embedding` has fewer
    List<String> features = result.encoding() instanceof TableEncoding table ? table.featureNames()
        : data.featureNames();
    Metadata metadata = new Metadata(data.task(), data.classes(), features,
        data.labelName(), s.isImage() ? new int[] {s.height(), s.width(), s.channels()} : null,
        result.validation(), result.test(), extra == null ? Map.of() : extra,
        result.encoding() != null ? result.encoding() : data.encoding());
    save(zip, result.network(), result.normalizer(), metadata);
  }

  /** Writes a network, its normalizer (or null) and metadata to {@code zip}, atomically. */
  public static void save(Path zip, MultiLayerNetwork network, DataNormalization normalizer, Metadata metadata)
      throws IOException {
    AtomicFiles.write(zip, tmp -> {
      // writeModel(..., normalizer) fails in 1.0.0-M2.1 ("flush() failed: stream is closed",
      // deeplearning4j#7214, #10154): write the model, then add the normalizer
      ModelSerializer.writeModel(network, tmp.toFile(), true);
      if (normalizer != null) {
        ModelSerializer.addNormalizerToModel(tmp.toFile(), normalizer);
      }
      try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()), Map.of())) {
        Files.write(fs.getPath(ENTRY), JSON.writeValueAsBytes(metadata));
      }
    });
  }

  /** Restores a model written by {@link #save}. */
  public static SavedModel load(Path zip) throws IOException {
    Pair<MultiLayerNetwork, Normalizer> restored =
        ModelSerializer.restoreMultiLayerNetworkAndNormalizer(zip.toFile(), false);
    Metadata metadata;
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toAbsolutePath().toUri()), Map.of());
        InputStream in = Files.newInputStream(fs.getPath(ENTRY))) {
      metadata = JSON.readValue(in, Metadata.class);
    }
    return new SavedModel(restored.getFirst(), (DataNormalization) restored.getSecond(), metadata);
  }

  /** Reads only the metadata (for `hyp best`), without loading the network. */
  public static Metadata readMetadata(Path zip) throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toAbsolutePath().toUri()), Map.of());
        InputStream in = Files.newInputStream(fs.getPath(ENTRY))) {
      return JSON.readValue(in, Metadata.class);
    }
  }

  public MultiLayerNetwork network() {
    return network;
  }

  public Metadata metadata() {
    return metadata;
  }

  /** The network's outputs (class scores, or the predicted value) for raw feature rows. */
  public double[][] predict(double[][] rows) {
    // ND4J refuses an empty array: no rows (a spec without test rows, an empty batch) have no outputs
    return rows.length == 0 ? new double[0][] : output(ExperimentData.features(rows, inputShape()));
  }

  /** The same for rows already in floats (the precision the network computes in): no copy to floats. */
  public double[][] predict(float[][] rows) {
    return rows.length == 0 ? new double[0][] : output(ExperimentData.features(rows, inputShape()));
  }

  private InputShape inputShape() {
    // the encoding's width: a column may encode into several features
    return metadata.shape() == null ? InputShape.flat(metadata.rowEncoding().width())
        : InputShape.image(metadata.shape()[0], metadata.shape()[1], metadata.shape()[2]);
  }

  private double[][] output(INDArray x) {
    if (normalizer != null) {
      normalizer.transform(x);
    }
    return Trainer.rowsOf(network.output(x, false));
  }

  /**
   * A copy with its own network (the same weights), for another thread: a network computes one
   * {@code output} at a time, so threads that share one wait for each other. The normalizer and
   * metadata, read-only, are shared.
   */
  public SavedModel copy() {
    return new SavedModel(network.clone(), normalizer, metadata);
  }

  /** The predicted class name of each raw row; classification only. */
  public List<String> predictClasses(double[][] rows) {
    if (metadata.classes() == null) {
      throw new IllegalStateException("a regression model has no classes");
    }
    List<String> names = new ArrayList<>();
    for (double[] scores : predict(rows)) {
      names.add(metadata.classes().get(Metrics.argmax(scores)));
    }
    return names;
  }

  /** The metadata as a map, for reports. */
  public static Map<String, Object> asMap(Metadata metadata) {
    return JSON.convertValue(metadata, LinkedHashMap.class);
  }
}
