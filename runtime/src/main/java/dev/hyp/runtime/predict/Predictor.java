package dev.hyp.runtime.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hyp.runtime.data.CellException;
import dev.hyp.runtime.data.RowEncoding;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.Metrics;
import dev.hyp.runtime.dl4j.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A model hyp trained, for an application that embeds it: load a run folder's
 * {@code best-model.zip} (or {@code final-model.zip}), then predict rows given by column name, a
 * batch of them, or a whole CSV file. The row is prepared exactly as training prepared its rows
 * (the model's row encoding, then its normalization).
 *
 * <pre>{@code
 * Predictor iris = Predictor.load(Path.of("samples/runs/iris/best-model.zip"));
 * Prediction p = iris.predict(Map.of("sepal_length", 5.1, "sepal_width", 3.5,
 *     "petal_length", 1.4, "petal_width", 0.2));
 * p.className();                   // "setosa"
 * p.probabilities().get("setosa"); // 0.97...
 * }</pre>
 *
 * <p>Safe for concurrent use, and concurrent: a network computes one output at a time (DL4J locks
 * it), so each thread that predicts borrows a copy of its own from a pool (made on first need,
 * then reused; at most one per thread predicting at the same moment). Cells are numbers
 * or text ({@link Number}s and {@link CharSequence}s; {@code null} is an empty cell); columns the
 * model does not use are ignored.
 */
public final class Predictor {
  private final SavedModel prototype; // only ever copied: the copies predict
  private final ConcurrentLinkedQueue<SavedModel> idle = new ConcurrentLinkedQueue<>();
  private final RowEncoding encoding;
  private final SavedModel.Metadata metadata;

  private Predictor(SavedModel model) {
    this.prototype = model;
    this.metadata = model.metadata();
    this.encoding = metadata.rowEncoding();
  }

  /**
   * Loads a model that hyp saved.
   *
   * @throws ModelFileException when the file is missing, not a zip, or not a model of hyp's
   * @throws IOException when it cannot be read
   */
  public static Predictor load(Path zip) throws IOException {
    if (!Files.exists(zip)) {
      throw new ModelFileException(zip, "no such file");
    }
    if (!Files.isRegularFile(zip)) {
      throw new ModelFileException(zip, "not a regular file; a model is a run folder's best-model.zip");
    }
    try (ZipFile file = new ZipFile(zip.toFile())) {
      if (file.getEntry(SavedModel.ENTRY) == null) {
        throw new ModelFileException(zip, "not a model saved by hyp: the zip has no " + SavedModel.ENTRY);
      }
    } catch (ZipException e) {
      throw new ModelFileException(zip, "not a model saved by hyp: not a zip file");
    }
    try {
      return new Predictor(SavedModel.load(zip));
    } catch (JsonProcessingException e) {
      throw new ModelFileException(zip, "its " + SavedModel.ENTRY + " cannot be read: " + e.getOriginalMessage());
    } catch (RuntimeException e) {
      throw new ModelFileException(zip, "its network cannot be loaded: " + e.getMessage());
    }
  }

  /** The columns a row must have, by name: the model's features. */
  public List<String> columns() {
    return encoding.columns();
  }

  /** The class names in the model's order, or an empty list for a regression model. */
  public List<String> classes() {
    return metadata.classes() == null ? List.of() : metadata.classes();
  }

  /** Classification or regression. */
  public Task task() {
    return metadata.task();
  }

  /** The name of the column the model was trained to predict. */
  public String label() {
    return metadata.labelName();
  }

  /**
   * Predicts one row.
   *
   * @param row cells by column name: each of {@link #columns()} must be there; others are ignored
   * @throws IllegalArgumentException when a column is missing or a cell is neither a number nor text
   * @throws CellException when a cell cannot be read (a text where a number is needed), naming the column
   */
  public Prediction predict(Map<String, ?> row) {
    return predict(List.of(row)).get(0);
  }

  /** Predicts a batch of rows (faster than one at a time), in their order. */
  public List<Prediction> predict(List<? extends Map<String, ?>> rows) {
    List<String> columns = columns();
    String[] cells = new String[columns.size()];
    double[] features = new double[encoding.width()];
    float[][] batch = new float[rows.size()][];
    for (int i = 0; i < batch.length; i++) {
      Map<String, ?> row = rows.get(i);
      for (int c = 0; c < cells.length; c++) {
        cells[c] = cell(row, columns.get(c));
      }
      batch[i] = new float[features.length];
      encode(cells, features, batch[i]);
    }
    List<Prediction> predictions = new ArrayList<>(batch.length);
    for (double[] output : outputs(batch)) {
      predictions.add(prediction(output));
    }
    return predictions;
  }

  /**
   * Predicts every row of a CSV file with a header, matching columns by name, and writes the
   * predictions to {@code out} in the rows' order (see {@link CsvPrediction}). Nothing is written
   * when the file has a bad row.
   *
   * @throws dev.hyp.runtime.data.DataException for bad data, naming the file, row and column
   * @throws IOException when {@code out} cannot be written
   */
  public CsvPrediction.Result predictCsv(Path data, Path out) throws IOException {
    return predictCsv(data, out, CsvPrediction.Options.DEFAULTS);
  }

  /** The same with options: the class probabilities too, another delimiter. */
  public CsvPrediction.Result predictCsv(Path data, Path out, CsvPrediction.Options options) throws IOException {
    return CsvPrediction.write(this, data, out, options);
  }

  private String cell(Map<String, ?> row, String column) {
    if (!row.containsKey(column)) {
      throw new IllegalArgumentException("the row has no `" + column + "`; the model needs " + columns());
    }
    Object value = row.get(column);
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof CharSequence) {
      return value.toString().trim();
    }
    throw new IllegalArgumentException("column `" + column + "`: a number or a text, not a "
        + value.getClass().getSimpleName());
  }

  /** The length of an encoded row. */
  int width() {
    return encoding.width();
  }

  /** Encodes a row's cells (in {@link #columns()} order) into {@code into}, through a buffer as wide as the row. */
  void encode(String[] cells, double[] buffer, float[] into) {
    encoding.encode(cells, buffer);
    for (int j = 0; j < buffer.length; j++) {
      into[j] = (float) buffer[j];
    }
  }

  /** The columns of a row's cells whose category the model's training never saw (none for numbers). */
  List<String> unseen(String[] cells) {
    return encoding.unseen(cells);
  }

  /** The network's outputs for encoded rows, on a copy of the network no other thread is using. */
  double[][] outputs(float[][] rows) {
    if (rows.length == 0) {
      return new double[0][];
    }
    SavedModel model = idle.poll();
    if (model == null) {
      synchronized (prototype) {
        model = prototype.copy();
      }
    }
    try {
      return model.predict(rows);
    } finally {
      idle.offer(model);
    }
  }

  /** One row's output as a prediction. */
  Prediction prediction(double[] output) {
    if (metadata.task() == Task.REGRESSION) {
      return new Prediction(null, Map.of(), output[0]);
    }
    Map<String, Double> probabilities = new LinkedHashMap<>();
    List<String> classes = metadata.classes();
    for (int k = 0; k < classes.size(); k++) {
      probabilities.put(classes.get(k), output[k]);
    }
    return new Prediction(classes.get(Metrics.argmax(output)), probabilities, Double.NaN);
  }
}
