package dev.hyp.compiler.check;

import java.util.List;
import java.util.Locale;

/**
 * The help for a name that is not a column: the closest column of the whole header, else the
 * header itself, shortened in the middle so that its last column (where a label usually is) shows.
 */
final class ColumnHelp {
  /** Columns shown from the start of a long header. */
  static final int SHOWN = 8;

  private ColumnHelp() {}

  /** For `label = "..."`: also names the last column as the likely label. */
  static String forLabel(String label, List<String> header) {
    String closest = closest(label, header);
    if (closest != null) {
      return "did you mean `" + closest + "`?";
    }
    String last = header.get(header.size() - 1);
    return columns(header) + "; the label is often the last: `label = \"" + last + "\"`";
  }

  static String forColumn(String name, List<String> header) {
    String closest = closest(name, header);
    return closest != null ? "did you mean `" + closest + "`?" : columns(header);
  }

  private static String columns(List<String> header) {
    if (header.size() <= SHOWN + 2) {
      return "its columns are " + listed(header);
    }
    int hidden = header.size() - SHOWN - 1;
    return "its " + header.size() + " columns are " + listed(header.subList(0, SHOWN)) + ", ... (" + hidden
        + " more), `" + header.get(header.size() - 1) + "`";
  }

  /** A typo's closest column, else one that differs only in case, `_`, `-` or spaces, else one that contains it. */
  static String closest(String label, List<String> header) {
    String typo = Suggestions.closest(label, header);
    if (typo != null) {
      return typo;
    }
    String plain = plain(label);
    for (String column : header) {
      if (plain(column).equals(plain)) {
        return column;
      }
    }
    if (plain.length() >= 3) {
      for (String column : header) {
        String other = plain(column);
        if (other.length() >= 3 && (other.contains(plain) || plain.contains(other))) {
          return column;
        }
      }
    }
    return null;
  }

  private static String plain(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[_\\-\\s.]", "");
  }

  private static String listed(List<String> columns) {
    return String.join(", ", columns.stream().map(c -> "`" + c + "`").toList());
  }
}
