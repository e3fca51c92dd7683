package dev.hyp.runtime.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A table as {@link TableReader} read it: the feature columns the plan chose, raw (kinds not yet
 * decided), and the label as a class index or a value. Rows dropped while reading (no label, or an
 * empty cell in a `missing = drop` column) are not in it, only counted.
 *
 * @param file the file it was read from
 * @param labelName the label column
 * @param columns the feature columns, in the order the plan lists them (file order by default)
 * @param labels class index (classification) or target value (regression) of each row
 * @param classes the class names in index order, or null for regression
 * @param rows the 1-based file row of each row kept (the header is row 1)
 * @param droppedNoLabel rows left out because the label cell was missing
 * @param droppedMissing rows left out for an empty cell in a `missing = drop` column
 */
public record RawTable(Path file, String labelName, List<RawColumn> columns, double[] labels, List<String> classes,
    int[] rows, int droppedNoLabel, int droppedMissing) {

  public int size() {
    return labels.length;
  }

  public Task task() {
    return classes == null ? Task.REGRESSION : Task.CLASSIFICATION;
  }

  public List<String> columnNames() {
    return columns.stream().map(RawColumn::name).toList();
  }

  public RawColumn column(String name) {
    for (RawColumn column : columns) {
      if (column.name().equals(name)) {
        return column;
      }
    }
    throw new IllegalArgumentException("no column " + name);
  }

  /** The labels and row numbers as a {@link Table} without features, which is all {@link Splitter} reads. */
  public Table forSplitting() {
    return new Table(file, columnNames(), labelName, new float[labels.length][], labels, classes, rows);
  }
}
