package dev.hyp.runtime.data;

import java.util.List;

/** A file's column names as a message lists them: all of a short header, the ends of a wide one. */
public final class ColumnNames {
  /** Up to this many names are listed in full. */
  static final int LISTED = 20;
  private static final int FIRST = 10;
  private static final int LAST = 5;

  private ColumnNames() {}

  /**
   * {@code [a, b, c]}; for a header wider than {@link #LISTED}, its first and last names with the count
   * between ({@code [p0, ..., p9, ... 770 more ..., p783, glyph] (785 columns)}), so that one message
   * about a 785-column file stays one readable line.
   */
  public static String listed(List<String> names) {
    if (names.size() <= LISTED) {
      return names.toString();
    }
    int hidden = names.size() - FIRST - LAST;
    return "[" + String.join(", ", names.subList(0, FIRST)) + ", ... " + hidden + " more ..., "
        + String.join(", ", names.subList(names.size() - LAST, names.size())) + "] (" + names.size() + " columns)";
  }
}
