package dev.hyp.runtime.data;

import java.nio.file.Path;

/**
 * A cell that cannot be read: which column and what is wrong. Whoever reads the file knows the
 * row and turns it into a {@link DataException} with {@link #at}.
 */
public final class CellException extends RuntimeException {
  private final String column;
  private final String problem;

  /** @param problem what is wrong, in lower case, without a trailing period */
  public CellException(String column, String problem) {
    super("column `" + column + "`: " + problem, null, false, false);
    this.column = column;
    this.problem = problem;
  }

  public String column() {
    return column;
  }

  public String problem() {
    return problem;
  }

  /** The same problem, placed in a file at a row (header = row 1). */
  public DataException at(Path file, int row) {
    return new DataException(file, row, column, problem);
  }
}
