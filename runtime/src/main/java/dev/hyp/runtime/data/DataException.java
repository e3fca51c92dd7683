package dev.hyp.runtime.data;

import java.nio.file.Path;

/**
 * Bad input data: a missing or empty file, a missing label column, a non-numeric cell, a ragged
 * row, a single class. The message names the file, the row as counted in the file (the header is
 * row 1) and the column, so the CLI prints it as is and exits 2, without a stack trace.
 */
public final class DataException extends RuntimeException {
  private final Path file;
  private final int row;
  private final String column;

  /**
   * @param file the file the problem is in
   * @param row the 1-based row as in the file (the header is row 1), or 0 when no row applies
   * @param column the column's name, or null when no column applies
   * @param problem what is wrong, in lower case, without a trailing period
   */
  public DataException(Path file, int row, String column, String problem) {
    super(format(file, row, column, problem), null, false, false);
    this.file = file;
    this.row = row;
    this.column = column;
  }

  private static String format(Path file, int row, String column, String problem) {
    StringBuilder text = new StringBuilder().append(file);
    if (row > 0) {
      text.append(": row ").append(row);
    }
    if (column != null) {
      text.append(row > 0 ? ", " : ": ").append("column `").append(column).append('`');
    }
    return text.append(": ").append(problem).toString();
  }

  public Path file() {
    return file;
  }

  /** The 1-based row as in the file (header = row 1), or 0. */
  public int row() {
    return row;
  }

  /** The column's name, or null. */
  public String column() {
    return column;
  }
}
