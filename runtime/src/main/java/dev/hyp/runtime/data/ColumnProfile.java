package dev.hyp.runtime.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a column's cells say about it: its {@link ColumnKind}, how many cells are missing, how many
 * distinct values it has and its most frequent ones. The one place that infers kinds, for `hyp
 * check` (on a sample of rows), `hyp inspect` and the loader (on every row).
 *
 * @param name the column
 * @param kind what it looks like
 * @param numeric whether every cell that is not missing is a number
 * @param cells how many cells were read
 * @param missing how many of them are missing
 * @param distinct how many distinct values, or -1 for more than {@value RawColumn#NUMERIC_LEVELS} numbers
 * @param top the most frequent values (at most 5) with their counts, most frequent first
 */
public record ColumnProfile(String name, ColumnKind kind, boolean numeric, int cells, int missing, int distinct,
    Map<String, Integer> top) {

  /** A column needs this many values before it can look like an id. */
  static final int ID_MIN_VALUES = 20;

  public static ColumnProfile of(RawColumn column) {
    int present = column.size() - column.missing();
    int distinct = column.distinct();
    boolean numeric = column.isNumeric() && column.lostLevelsRow() == 0;
    ColumnKind kind;
    if (present == 0) {
      kind = ColumnKind.EMPTY;
    } else if (distinct == 1) {
      kind = ColumnKind.CONSTANT;
    } else if (present >= ID_MIN_VALUES
        && (numeric ? column.integers() && column.increasing() && column.missing() == 0 : distinct == present)) {
      kind = ColumnKind.ID_LIKE;
    } else if (2L * column.missing() > column.size()) {
      kind = ColumnKind.MOSTLY_EMPTY;
    } else {
      kind = numeric ? ColumnKind.NUMBER : ColumnKind.CATEGORY;
    }
    return new ColumnProfile(column.name(), kind, numeric, column.size(), column.missing(), distinct, top(column, 5));
  }

  /** The {@code n} most frequent levels with their counts (most frequent first, ties by first seen). */
  static Map<String, Integer> top(RawColumn column, int n) {
    Map<String, Integer> top = new LinkedHashMap<>();
    if (!column.hasLevels()) {
      return top;
    }
    for (int code : ranked(column, n)) {
      top.put(column.levels().get(code), column.count(code));
    }
    return top;
  }

  /** The codes of the {@code n} most frequent levels, most frequent first, ties by first seen. */
  static List<Integer> ranked(RawColumn column, int n) {
    List<Integer> codes = new ArrayList<>();
    for (int code = 0; code < column.levels().size(); code++) {
      codes.add(code);
    }
    codes.sort(Comparator.comparingInt((Integer c) -> -column.count(c)).thenComparingInt(c -> c));
    return codes.subList(0, Math.min(n, codes.size()));
  }

  /** The kind the loader encodes it as: {@link ColumnKind#NUMBER} or {@link ColumnKind#CATEGORY}. */
  public ColumnKind encodedAs() {
    return numeric ? ColumnKind.NUMBER : ColumnKind.CATEGORY;
  }
}
