package dev.hyp.runtime.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The shape of a table's features, decided once from the whole training file (its rows outside
 * the test part): each column's kind, its one-hot slots (the most frequent levels, up to {@code
 * max_onehot}, and an `other` slot for the rest) and whether it has a missing indicator. Every fold
 * has these same features, so one network configuration serves all of them; {@link #fit} then
 * fits the values (fills, levels seen) on a fold's training part only.
 */
public final class TableLayout {
  private final List<Planned> columns;
  private final List<String> notes;

  /** {@code embedding}: the dimension of an embedded category, 0 for one-hot (and for numbers). */
  private record Planned(String name, boolean numeric, Missing missing, boolean indicator, List<String> levels,
      boolean other, int embedding) {}

  private TableLayout(List<Planned> columns, List<String> notes) {
    this.columns = columns;
    this.notes = notes;
  }

  /**
   * Decides the features of {@code table} under {@code plan}, from the rows {@code rows} (those
   * outside the test part).
   *
   * @throws DataException for a column that cannot be a feature as the plan says (every cell empty,
   *     text in a column declared a number, mean or median asked of a category)
   */
  public static TableLayout of(RawTable table, DataPlan plan, int[] rows) {
    return of(table, plan, rows, CategoryEncoding.DEFAULT);
  }

  /**
   * The same, with {@code encoding} for each category column that does not give its own: an
   * embedded column keeps every level it has (no `max_onehot` cap and no `other` slot).
   */
  public static TableLayout of(RawTable table, DataPlan plan, int[] rows, CategoryEncoding encoding) {
    List<Planned> columns = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (RawColumn column : table.columns()) {
      String name = column.name();
      ColumnProfile profile = ColumnProfile.of(column);
      if (profile.kind() == ColumnKind.EMPTY) {
        throw new DataException(table.file(), 0, name,
            "every cell is empty; leave the column out with `drop = [\"" + name + "\"]`");
      }
      ColumnKind declared = plan.kindOf(name);
      boolean numeric = declared == ColumnKind.NUMBER || (declared == null && profile.numeric());
      if (numeric && !column.isNumeric()) {
        String problem;
        try {
          Cells.number(name, column.text());
          problem = "`" + column.text() + "` is not a number";
        } catch (CellException e) {
          problem = e.problem();
        }
        throw new DataException(table.file(), column.textRow(), name, problem
            + "; the column is declared `kind = number`: fix the cell, or declare it `kind = category`");
      }
      if (declared == null && !numeric && 2L * column.numericCells() > column.size() - column.missing()) {
        throw new DataException(table.file(), column.textRow(), name, "`" + column.text() + "` is not a number, but "
            + "most of the column's cells are; fix the cell, or declare `column(\"" + name + "\", kind = category)`");
      }
      if (!numeric && !column.hasLevels()) {
        throw new DataException(table.file(), column.lostLevelsRow(), name, "`" + column.text() + "` is text, but the "
            + "rows before it hold more than " + RawColumn.NUMERIC_LEVELS + " distinct numbers; fix the cell, or "
            + "declare `column(\"" + name + "\", kind = category)` to read the column as categories");
      }
      Missing missing = plan.missingOf(name);
      if (!numeric && !missing.forCategories()) {
        DataPlan.ColumnPlan own = plan.columns().get(name);
        if (own != null && own.missing() != null) {
          throw new DataException(table.file(), 0, name, "`missing = " + missing + "` needs numbers, but the column "
              + "holds categories; use `most_frequent`, `zero` or `drop`");
        }
        missing = Missing.MOST_FREQUENT;
      }
      boolean anyMissing = anyMissing(column, rows);
      boolean indicator = plan.indicatorOf(name) && missing != Missing.DROP && anyMissing;
      List<String> levels = List.of();
      boolean other = false;
      int embedding = 0;
      if (!numeric) {
        List<Integer> ranked = ranked(codeCounts(column, rows));
        boolean embedded = plan.encodingOf(name, encoding) == CategoryEncoding.EMBEDDING;
        int kept = embedded ? ranked.size() : Math.min(plan.maxOnehot(), ranked.size());
        other = ranked.size() > kept;
        levels = ranked.subList(0, kept).stream().map(code -> column.levels().get(code)).toList();
        if (embedded) {
          Integer dim = plan.dimOf(name);
          embedding = dim != null ? dim : CategoryEncoding.defaultDim(levels.size());
        }
      }
      if (profile.kind() == ColumnKind.ID_LIKE) {
        notes.add("warning: column `" + name + "` looks like an id (" + (profile.numeric()
            ? "whole numbers that grow row by row" : "every value different") + ") but is a feature; an id tells "
            + "nothing about new rows: leave it out with `drop = [\"" + name + "\"]`");
      }
      columns.add(new Planned(name, numeric, missing, indicator, levels, other, embedding));
    }
    return new TableLayout(List.copyOf(columns), List.copyOf(notes));
  }

  /*
   * The loops over every row live in small methods of their own: in the large methods above, called
   * once per column, the JIT compiled them only on stack replacement, seconds late, and a 200 MB
   * table's counts ran interpreted meanwhile (issue 19).
   */

  /** Whether any of {@code rows} is missing in {@code column}. */
  private static boolean anyMissing(RawColumn column, int[] rows) {
    for (int row : rows) {
      if (column.isMissing(row)) {
        return true;
      }
    }
    return false;
  }

  /** How often each level code of {@code column} occurs among {@code rows}. */
  private static int[] codeCounts(RawColumn column, int[] rows) {
    int[] counts = new int[column.levels().size()];
    for (int row : rows) {
      int code = column.code(row);
      if (code >= 0) {
        counts[code]++;
      }
    }
    return counts;
  }

  /** Puts the numbers of {@code rows} that are not missing into {@code values}, in order; returns how many. */
  private static int present(RawColumn column, int[] rows, float[] values) {
    int n = 0;
    for (int row : rows) {
      float value = column.number(row);
      if (!Float.isNaN(value)) {
        values[n++] = value;
      }
    }
    return n;
  }

  /** Codes that occur, most frequent first, ties by first seen. */
  private static List<Integer> ranked(int[] counts) {
    List<Integer> codes = new ArrayList<>();
    for (int code = 0; code < counts.length; code++) {
      if (counts[code] > 0) {
        codes.add(code);
      }
    }
    codes.sort(Comparator.comparingInt((Integer c) -> -counts[c]).thenComparingInt(c -> c));
    return codes;
  }

  /** Warnings about the columns (an id-like feature), one line each, for the run's start. */
  public List<String> notes() {
    return notes;
  }

  /** The features' count, the same for every fold. */
  public int width() {
    return fit(null, new int[0]).width();
  }

  /**
   * Fits the values of each column on the rows {@code train} of {@code table} (null: nothing fitted
   * yet); the columns of a large table on all cores (each its own, so the same fit on any number).
   */
  public TableEncoding fit(RawTable table, int[] train) {
    TableEncoding.Column[] fitted = new TableEncoding.Column[columns.size()];
    Parallel.forEach(fitted.length, table == null ? 1 : Parallel.threadsFor(train.length),
        () -> c -> fitted[c] = fit(columns.get(c), table, train));
    return new TableEncoding(Arrays.asList(fitted));
  }

  private static TableEncoding.Column fit(Planned p, RawTable table, int[] train) {
    RawColumn column = table == null ? null : table.column(p.name());
    if (p.numeric()) {
      double fillValue = column == null ? 0 : fill(column, train, p.missing());
      return new TableEncoding.NumberColumn(p.name(), p.missing(), fillValue, p.indicator());
    }
    List<String> unseen = new ArrayList<>(p.levels());
    String fill = null;
    if (column != null) {
      List<Integer> ranked = ranked(codeCounts(column, train));
      for (int code : ranked) {
        unseen.remove(column.levels().get(code));
      }
      if (p.missing() == Missing.MOST_FREQUENT && !ranked.isEmpty()) {
        fill = column.levels().get(ranked.get(0));
      }
    }
    return new TableEncoding.CategoryColumn(p.name(), p.levels(), unseen, p.other(), p.missing(), fill, p.indicator(),
        p.embedding());
  }

  private static double fill(RawColumn column, int[] rows, Missing missing) {
    if (missing == Missing.ZERO || missing == Missing.DROP) {
      return 0;
    }
    float[] values = new float[rows.length];
    int n = present(column, rows, values);
    if (n == 0) {
      return 0; // the training part has no value to learn from
    }
    if (missing == Missing.MEAN) {
      double sum = 0;
      for (int i = 0; i < n; i++) { // in row order, as the values were read
        sum += values[i];
      }
      return sum / n;
    }
    if (missing == Missing.MEDIAN) {
      return Selection.median(values, n); // what sorting would put in the middle, in O(n)
    }
    Arrays.sort(values, 0, n);
    float best = values[0];
    int bestRun = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && values[j] == values[i]) {
        j++;
      }
      if (j - i > bestRun) {
        bestRun = j - i;
        best = values[i];
      }
      i = j;
    }
    return best;
  }
}
