package dev.hyp.runtime.data;

/** Reading one cell: the rules every table reader and every row encoding share. */
public final class Cells {
  private Cells() {}

  /**
   * Whether a cell of a prepared table is missing: empty, or one of pandas' usual markers `NA`,
   * `N/A`, `NaN`, `null` (exactly so written). A table read as numbers only ({@link NumericColumns})
   * has no missing cells.
   */
  public static boolean isMissing(String cell) {
    return switch (cell) {
      case "", "NA", "N/A", "NaN", "null" -> true;
      default -> false;
    };
  }

  /** Whether {@code cell} might be a number: a cheap test before {@link Double#parseDouble} (which throws). */
  static boolean looksNumeric(String cell) {
    return !cell.isEmpty() && looksNumeric(cell.charAt(0));
  }

  /** The same test on a cell's first character. */
  static boolean looksNumeric(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'I';
  }

  /**
   * A feature or regression target: a finite number within float range (training computes in
   * 32-bit floats, so a larger value would become infinite and fail every trial).
   *
   * @throws CellException when the cell is empty or not such a number
   */
  public static double number(String column, String cell) {
    if (cell.isEmpty()) {
      throw new CellException(column, "the cell is empty; a number is needed");
    }
    double value;
    try {
      value = Double.parseDouble(cell);
    } catch (NumberFormatException e) {
      throw new CellException(column, "`" + cell + "` is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new CellException(column, "`" + cell + "` is not a finite number");
    }
    if (Math.abs(value) > Float.MAX_VALUE) {
      throw new CellException(column,
          "`" + cell + "` is beyond the range of 32-bit floats (about ±3.4e38) that training uses");
    }
    return value;
  }
}
