package dev.hyp.runtime.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What `hyp inspect FILE.csv` shows before a `data` section is written: the rows, each column's
 * {@link ColumnProfile} (kind, distinct values, missing cells, most frequent values) and, for a
 * label, the class balance and the rows without a label. Reads the whole file, as a run does.
 *
 * @param label the label column, or null when none was named
 * @param classes each class's row count, in the loader's class order (null without a label)
 * @param withoutLabel rows whose label is missing (a run leaves them out)
 */
public record TableInspection(Path file, int rows, List<ColumnProfile> columns, String label,
    Map<String, Integer> classes, int withoutLabel) {

  /**
   * Inspects a CSV file.
   *
   * @param label the label column, or null
   * @throws DataException when the file cannot be read as a table
   */
  public static TableInspection of(Path file, String label, boolean header, String delimiter) {
    RawTable table = TableReader.readAll(file, header, delimiter);
    if (label == null) {
      return new TableInspection(file, table.size(), profiles(table, null), null, null, 0);
    }
    if (!table.columnNames().contains(label)) {
      throw new DataException(file, header ? 1 : 0, label,
          "no such column; the columns are " + ColumnNames.listed(table.columnNames()));
    }
    RawColumn labels = table.column(label);
    java.util.List<String> order = new ArrayList<>(labels.levels());
    order.sort(CsvLoader.classOrder(labels.levels()));
    Map<String, Integer> classes = new LinkedHashMap<>();
    for (String level : order) {
      classes.put(level, labels.count(labels.levels().indexOf(level)));
    }
    return new TableInspection(file, table.size(), profiles(table, label), label, classes, labels.missing());
  }

  private static List<ColumnProfile> profiles(RawTable table, String label) {
    List<ColumnProfile> profiles = new ArrayList<>();
    for (RawColumn column : table.columns()) {
      if (!column.name().equals(label)) {
        profiles.add(ColumnProfile.of(column));
      }
    }
    return List.copyOf(profiles);
  }
}
