package dev.hyp.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CSV file into a {@link Table}. Handles LF and CRLF line endings, quoted cells, a UTF-8
 * byte order mark and blank lines. Every problem with the data is a {@link DataException} that
 * names the file, the row (header = row 1) and the column.
 *
 * <p>Classes of a classification label are sorted: numerically when every class reads as a
 * number (so "10" follows "9"), otherwise as strings; index i is the i-th class in that order.
 */
public final class CsvLoader {
  private CsvLoader() {}

  /** Reads a training file: the classes are the ones found in it. */
  public static Table load(CsvSource source, Task task) {
    Raw raw = read(source);
    List<String> classes = null;
    if (task == Task.CLASSIFICATION) {
      Set<String> found = new TreeSet<>(classOrder(raw.labelCells));
      found.addAll(raw.labelCells);
      if (found.size() < 2) {
        throw new DataException(source.path(), 0, raw.labelName,
            "the label has a single class `" + found.iterator().next() + "`; classification needs at least two");
      }
      classes = List.copyOf(found);
    }
    return raw.toTable(source, task, classes);
  }

  /**
   * Reads a separate test file for a model trained on {@code train}: it must have the same
   * columns, and (classification) only classes that the training file has.
   */
  public static Table loadTest(CsvSource source, Table train) {
    Raw raw = read(source);
    if (!raw.featureNames.equals(train.featureNames())) {
      throw new DataException(source.path(), source.header() ? 1 : 0, null,
          "the feature columns " + raw.featureNames + " differ from the training file's " + train.featureNames());
    }
    return raw.toTable(source, train.task(), train.classes());
  }

  /** The order of classes: numeric when every class reads as a number (so "10" follows "9"), else by string. */
  public static Comparator<String> classOrder(List<String> cells) {
    boolean numeric = !cells.isEmpty() && cells.stream().allMatch(CsvLoader::isNumber);
    return numeric ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
        : Comparator.naturalOrder();
  }

  private static boolean isNumber(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static final class Raw {
    String labelName;
    List<String> featureNames;
    final List<float[]> features = new ArrayList<>();
    final List<String> labelCells = new ArrayList<>();
    final List<Integer> rows = new ArrayList<>();

    Table toTable(CsvSource source, Task task, List<String> classes) {
      int n = features.size();
      double[] labels = new double[n];
      Map<String, Integer> index = new HashMap<>();
      if (classes != null) {
        for (int i = 0; i < classes.size(); i++) {
          index.put(classes.get(i), i);
        }
      }
      for (int i = 0; i < n; i++) {
        String cell = labelCells.get(i);
        if (task == Task.CLASSIFICATION) {
          Integer k = index.get(cell);
          if (k == null) {
            throw new DataException(source.path(), rows.get(i), labelName,
                "class `" + cell + "` does not occur in the training data " + classes);
          }
          labels[i] = k;
        } else {
          labels[i] = number(source.path(), rows.get(i), labelName, cell);
        }
      }
      int[] rowNumbers = rows.stream().mapToInt(Integer::intValue).toArray();
      return new Table(source.path(), featureNames, labelName, features.toArray(new float[0][]), labels,
          classes == null ? null : List.copyOf(classes), rowNumbers);
    }
  }

  private static Raw read(CsvSource source) {
    Path path = source.path();
    if (!Files.isRegularFile(path)) {
      throw new DataException(path, 0, null, Files.exists(path) ? "not a regular file" : "no such file");
    }
    Raw raw = new Raw();
    int row = 0;
    try (CsvScanner record = new CsvScanner(path, source.delimiter())) {
      int width = -1;
      int labelColumn = -1;
      List<String> names = null;
      while (record.next()) {
        row = record.record();
        if (names == null) {
          width = record.size();
          names = new ArrayList<>(width);
          if (source.header()) {
            for (int c = 0; c < width; c++) {
              String name = record.text(c);
              if (c == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
              }
              names.add(name);
            }
            checkUnique(path, names);
          } else {
            for (int c = 1; c <= width; c++) {
              names.add(Integer.toString(c));
            }
          }
          labelColumn = names.indexOf(source.label());
          if (labelColumn < 0) {
            throw new DataException(path, source.header() ? 1 : 0, source.label(),
                "no such column; the columns are " + ColumnNames.listed(names));
          }
          if (width < 2) {
            throw new DataException(path, source.header() ? 1 : 0, null,
                "only the label column; there are no feature columns");
          }
          raw.labelName = names.get(labelColumn);
          List<String> featureNames = new ArrayList<>(names);
          featureNames.remove(labelColumn);
          raw.featureNames = List.copyOf(featureNames);
          if (source.header()) {
            continue;
          }
        }
        if (record.size() != width) {
          throw new DataException(path, row, null,
              "has " + record.size() + " cells, but the " + (source.header() ? "header" : "first row") + " has " + width);
        }
        float[] x = new float[width - 1];
        int j = 0;
        for (int c = 0; c < width; c++) {
          if (c == labelColumn) {
            String label = record.text(c);
            if (label.isEmpty()) {
              throw new DataException(path, row, names.get(c), "the label is empty");
            }
            raw.labelCells.add(label);
          } else {
            double value = DecimalParser.fast(record.bytes(c), record.start(c), record.end(c));
            x[j++] = (float) (value == value ? value : number(path, row, names.get(c), record.text(c)));
          }
        }
        raw.features.add(x);
        raw.rows.add(row);
      }
      if (names == null) {
        throw new DataException(path, 0, null, "the file is empty");
      }
      if (raw.features.isEmpty()) {
        throw new DataException(path, 0, null, "the file has a header but no data rows");
      }
    } catch (NoSuchFileException e) {
      throw new DataException(path, 0, null, "no such file");
    } catch (CsvScanner.NotUtf8 e) {
      throw notUtf8(path);
    } catch (CsvScanner.Malformed e) {
      throw new DataException(path, row + 1, null, "malformed CSV: " + e.getMessage());
    } catch (IOException e) {
      throw new DataException(path, 0, null, "cannot be read: " + e.getMessage());
    }
    return raw;
  }

  static DataException notUtf8(Path path) {
    try {
      Utf8Check.Problem problem = Utf8Check.firstProblem(path);
      if (problem != null) {
        return new DataException(path, problem.line(), null, problem.message());
      }
    } catch (IOException e) {
      // fall back to the message without a place
    }
    return new DataException(path, 0, null, "not UTF-8 text; save the file as UTF-8");
  }

  private static void checkUnique(Path path, List<String> names) {
    Set<String> seen = new LinkedHashSet<>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new DataException(path, 1, name, "the header names this column twice");
      }
    }
  }

  private static double number(Path path, int row, String column, String cell) {
    try {
      return Cells.number(column, cell);
    } catch (CellException e) {
      throw e.at(path, row);
    }
  }
}
