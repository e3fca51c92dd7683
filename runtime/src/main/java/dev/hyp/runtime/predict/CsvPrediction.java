package dev.hyp.runtime.predict;

import dev.hyp.runtime.data.CellException;
import dev.hyp.runtime.data.Cells;
import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.Metrics;
import dev.hyp.runtime.io.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Predicts every row of a CSV file in constant memory: the rows stream through in batches, and
 * only a batch, its predictions and the label's running counts are held at a time.
 *
 * <p>The file must have a header; the model's columns are found in it by name (in any order),
 * the others are ignored. When the model's label column is there too, the predictions are scored
 * against it ({@link Result#metrics()}). The output has a header and one row per data row, in the
 * same order: {@code prediction} (the class name, or the value) and, with
 * {@link Options#probabilities()}, one {@code p_CLASS} column per class (each class's output).
 * A file with a header and no rows gives an output with only its header.
 */
public final class CsvPrediction {
  private CsvPrediction() {}

  /**
   * @param probabilities whether to write each class's output too (classification only)
   * @param delimiter the input's cell delimiter (the output is comma-separated)
   * @param batchRows how many rows the network computes at once
   */
  public record Options(boolean probabilities, char delimiter, int batchRows) {
    public static final Options DEFAULTS = new Options(false, ',', 1024);

    public Options {
      if (batchRows < 1) {
        throw new IllegalArgumentException("batch rows: " + batchRows);
      }
    }

    public Options withProbabilities(boolean probabilities) {
      return new Options(probabilities, delimiter, batchRows);
    }

    public Options withDelimiter(char delimiter) {
      return new Options(probabilities, delimiter, batchRows);
    }
  }

  /**
   * What a file gave.
   *
   * @param rows the data rows predicted
   * @param unused the header's columns that are not the model's features (the label among them), in header order
   * @param labelPresent whether the file has the model's label column
   * @param metrics the predictions' metrics against the label (classification: accuracy, f1, precision,
   *     recall; regression: mse, rmse, mae, r2); empty without the label or without rows
   * @param unseenRows the rows with a category the model's training never saw, encoded as docs/language.md
   *     says (the column's `other` slot, or no slot)
   * @param unseenColumns the columns those categories were in, in the order first met
   */
  public record Result(long rows, List<String> unused, boolean labelPresent, Map<String, Double> metrics,
      long unseenRows, List<String> unseenColumns) {}

  /**
   * Predicts {@code data} into {@code out}, which appears only once every row has been predicted
   * (through a temporary file beside it): a bad row leaves no output and an older {@code out} as it was.
   *
   * @throws DataException for bad data, naming the file, the row (the header is row 1) and the column
   * @throws IOException when {@code out} cannot be written
   */
  public static Result write(Predictor predictor, Path data, Path out, Options options) throws IOException {
    if (options.probabilities() && predictor.task() != Task.CLASSIFICATION) {
      throw new IllegalArgumentException("a regression model has no class probabilities");
    }
    Result[] result = new Result[1];
    AtomicFiles.write(out, temporary -> {
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        result[0] = stream(predictor, data, writer, options);
      }
    });
    return result[0];
  }

  private static Result stream(Predictor predictor, Path data, Writer writer, Options options) throws IOException {
    if (!Files.isRegularFile(data)) {
      throw new DataException(data, 0, null, Files.exists(data) ? "not a regular file" : "no such file");
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter()).setIgnoreEmptyLines(true)
        .setTrim(true).build();
    try (Reader reader = Files.newBufferedReader(data, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new DataException(data, 0, null, "the file is empty; it needs a header and rows");
      }
      HeaderColumns columns = HeaderColumns.match(data, HeaderColumns.names(records.next()), predictor.columns(),
          predictor.label());
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
      printer.printRecord(header(predictor, options));
      Batch batch = new Batch(predictor, data, columns, options, printer);
      while (records.hasNext()) {
        batch.add(records.next());
      }
      batch.flush();
      printer.flush();
      return new Result(batch.rows, columns.unused(), columns.label() >= 0,
          batch.tally == null || batch.rows == 0 ? Map.of() : batch.tally.metrics(), batch.unseenRows,
          List.copyOf(batch.unseenColumns));
    } catch (NoSuchFileException e) {
      throw new DataException(data, 0, null, "no such file");
    } catch (CharacterCodingException e) {
      throw notUtf8(data);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw notUtf8(data); // Commons CSV passes the reader's decoding error on this way
      }
      throw new DataException(data, 0, null, "malformed CSV: " + e.getCause().getMessage());
    }
  }

  private static DataException notUtf8(Path data) {
    return new DataException(data, 0, null, "not UTF-8 text; save the file as UTF-8");
  }

  private static List<String> header(Predictor predictor, Options options) {
    List<String> header = new ArrayList<>(List.of("prediction"));
    if (options.probabilities()) {
      predictor.classes().forEach(name -> header.add("p_" + name));
    }
    return header;
  }

  /** The rows read but not yet predicted, and what has been written. */
  private static final class Batch {
    private final Predictor predictor;
    private final Path data;
    private final HeaderColumns columns;
    private final boolean probabilities;
    private final CSVPrinter printer;
    private final LabelTally tally;
    private final List<String> classes;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final String[] cells;
    private final double[] buffer;
    private final float[][] features;
    private final double[] truth;
    private int filled;
    long rows;
    long unseenRows; // rows with a category the model's training never saw (encoded as documented)
    final java.util.Set<String> unseenColumns = new java.util.LinkedHashSet<>();

    Batch(Predictor predictor, Path data, HeaderColumns columns, Options options, CSVPrinter printer) {
      this.predictor = predictor;
      this.data = data;
      this.columns = columns;
      this.probabilities = options.probabilities();
      this.printer = printer;
      this.tally = columns.label() >= 0 ? LabelTally.of(predictor) : null;
      this.classes = predictor.classes();
      for (int k = 0; k < classes.size(); k++) {
        classIndex.put(classes.get(k), k);
      }
      this.cells = new String[columns.positions().length];
      this.buffer = new double[predictor.width()];
      this.features = new float[options.batchRows()][predictor.width()];
      this.truth = new double[options.batchRows()];
    }

    void add(CSVRecord record) throws IOException {
      int row = (int) record.getRecordNumber();
      if (record.size() != columns.width()) {
        throw new DataException(data, row, null,
            "has " + record.size() + " cells, but the header has " + columns.width());
      }
      int[] positions = columns.positions();
      for (int c = 0; c < cells.length; c++) {
        cells[c] = record.get(positions[c]);
      }
      try {
        predictor.encode(cells, buffer, features[filled]);
      } catch (CellException e) {
        throw e.at(data, row);
      }
      List<String> unseen = predictor.unseen(cells);
      if (!unseen.isEmpty()) {
        unseenRows++;
        unseenColumns.addAll(unseen);
      }
      if (tally != null) {
        truth[filled] = truth(record.get(columns.label()), row);
      }
      if (++filled == features.length) {
        flush();
      }
    }

    private double truth(String cell, int row) {
      String label = predictor.label();
      if (classes.isEmpty()) {
        try {
          return Cells.number(label, cell);
        } catch (CellException e) {
          throw e.at(data, row);
        }
      }
      Integer k = classIndex.get(cell);
      if (k == null) {
        throw new DataException(data, row, label, (cell.isEmpty() ? "the label is empty" : "class `" + cell
            + "` is not one of the model's classes " + predictor.classes())
            + "; drop the label column to predict without scoring");
      }
      return k;
    }

    void flush() throws IOException {
      if (filled == 0) {
        return;
      }
      double[][] outputs = predictor.outputs(filled == features.length ? features : Arrays.copyOf(features, filled));
      for (int i = 0; i < filled; i++) {
        double[] output = outputs[i];
        printer.print(classes.isEmpty() ? Prediction.valueText(output[0]) : classes.get(Metrics.argmax(output)));
        if (probabilities) {
          for (double p : outputs[i]) {
            printer.print(Prediction.valueText(p));
          }
        }
        printer.println();
        if (tally != null) {
          tally.add(truth[i], outputs[i]);
        }
      }
      rows += filled;
      filled = 0;
    }
  }
}
