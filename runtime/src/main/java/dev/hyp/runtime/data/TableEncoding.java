package dev.hyp.runtime.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A table's columns as training fitted them ({@code kind = "table"}): numbers with their missing
 * cells filled, categories one-hot. For each column, in order, its value (one feature for a
 * number, one per level slot and an optional `other` slot for a category), then its missing
 * indicator if it has one.
 *
 * <p>A category that the training part never had (a level with no slot, or a slot whose level the
 * fold's training part did not contain) is <em>unseen</em>: it sets the `other` slot when the column
 * has one (its levels were more than `max_onehot`), and no slot otherwise. A missing cell follows
 * the column's {@link Missing} rule; with `drop`, {@link #encode} refuses it.
 *
 * <p>An embedded category (`encoding = embedding`) is one feature: the index of its level in the
 * network's table of vectors, {@code 1 + } the level's slot, and {@value #UNSEEN_INDEX} for an
 * unseen level and for a missing cell that sets no slot (`missing = zero`). Normalization leaves
 * such features as they are ({@link #embeddings()} says where they are).
 */
public record TableEncoding(List<Column> encoders) implements RowEncoding {
  /** The index of an embedded category that training did not see: row 0 of its table. */
  public static final int UNSEEN_INDEX = 0;

  public TableEncoding {
    encoders = List.copyOf(encoders);
  }

  /**
   * Where an embedded category's index is among the features, and its table's size.
   *
   * @param feature the feature's position
   * @param rows the table's rows: the levels, plus the reserved row {@value #UNSEEN_INDEX}
   * @param dim the length of each vector
   */
  public record Embedded(int feature, int rows, int dim) {}

  /** The embedded categories, in feature order; none when every category is one-hot. */
  @JsonIgnore
  public List<Embedded> embeddings() {
    List<Embedded> embedded = new ArrayList<>();
    int at = 0;
    for (Column column : encoders) {
      if (column instanceof CategoryColumn c && c.embedding() > 0) {
        embedded.add(new Embedded(at, c.levels().size() + 1, c.embedding()));
      }
      at += column.width();
    }
    return embedded;
  }

  /** One column's part of the features. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({@JsonSubTypes.Type(value = NumberColumn.class, name = "number"),
      @JsonSubTypes.Type(value = CategoryColumn.class, name = "category")})
  public sealed interface Column permits NumberColumn, CategoryColumn {
    String name();

    boolean indicator();

    @JsonIgnore
    int width();

    /** The features' names: the column's, `name=level`, `name=other`, `name_missing`. */
    @JsonIgnore
    List<String> featureNames();
  }

  /**
   * A number; a missing cell becomes {@code fill}.
   *
   * @param fill the training part's mean, median or most frequent value, or 0
   */
  public record NumberColumn(String name, Missing missing, double fill, boolean indicator) implements Column {
    @Override
    public int width() {
      return indicator ? 2 : 1;
    }

    @Override
    public List<String> featureNames() {
      return indicator ? List.of(name, name + "_missing") : List.of(name);
    }
  }

  /** A category, one-hot over fixed slots, or embedded: the index of its level. */
  public static final class CategoryColumn implements Column {
    private final String name;
    private final int embedding;
    private final List<String> levels;
    private final List<String> unseen;
    private final boolean other;
    private final Missing missing;
    private final String fill;
    private final boolean indicator;
    private final Map<String, Integer> slots = new HashMap<>();

    /**
     * @param levels the slots' levels, the most frequent of the whole training file first
     * @param unseen those of {@code levels} that the training part did not contain
     * @param other whether there is an `other` slot (after the levels) for the rest
     * @param missing the rule for a missing cell: {@link Missing#MOST_FREQUENT}, ZERO or DROP
     * @param fill the training part's most frequent level, for {@link Missing#MOST_FREQUENT}; else null
     * @param embedding the dimension of the column's learned vectors, or 0 for one-hot (models saved
     *     before embeddings have none: one-hot)
     */
    @JsonCreator
    public CategoryColumn(@JsonProperty("name") String name, @JsonProperty("levels") List<String> levels,
        @JsonProperty("unseen") List<String> unseen, @JsonProperty("other") boolean other,
        @JsonProperty("missing") Missing missing, @JsonProperty("fill") String fill,
        @JsonProperty("indicator") boolean indicator, @JsonProperty("embedding") int embedding) {
      if (embedding < 0 || (embedding > 0 && other)) {
        throw new IllegalArgumentException("an embedded column has no `other` slot, and a dimension >= 1");
      }
      this.embedding = embedding;
      this.name = Objects.requireNonNull(name);
      this.levels = List.copyOf(levels);
      this.unseen = List.copyOf(unseen);
      this.other = other;
      this.missing = Objects.requireNonNull(missing);
      this.fill = fill;
      this.indicator = indicator;
      Set<String> notTrained = new HashSet<>(unseen);
      for (int i = 0; i < levels.size(); i++) {
        if (!notTrained.contains(levels.get(i))) {
          slots.put(levels.get(i), i);
        }
      }
    }

    @Override
    @JsonProperty
    public String name() {
      return name;
    }

    @JsonProperty
    public List<String> levels() {
      return levels;
    }

    @JsonProperty
    public List<String> unseen() {
      return unseen;
    }

    @JsonProperty
    public boolean other() {
      return other;
    }

    @JsonProperty
    public Missing missing() {
      return missing;
    }

    @JsonProperty
    public String fill() {
      return fill;
    }

    @Override
    @JsonProperty
    public boolean indicator() {
      return indicator;
    }

    /** One-hot. */
    public CategoryColumn(String name, List<String> levels, List<String> unseen, boolean other, Missing missing,
        String fill, boolean indicator) {
      this(name, levels, unseen, other, missing, fill, indicator, 0);
    }

    /** The dimension of the column's learned vectors, or 0 when it is one-hot. */
    @JsonProperty
    public int embedding() {
      return embedding;
    }

    @Override
    public int width() {
      return (embedding > 0 ? 1 : levels.size() + (other ? 1 : 0)) + (indicator ? 1 : 0);
    }

    /** The feature an embedded level's slot sets: its index in the table ({@link #UNSEEN_INDEX} for none). */
    int index(int slot) {
      return slot + 1;
    }

    @Override
    public List<String> featureNames() {
      List<String> names = new ArrayList<>();
      if (embedding > 0) {
        names.add(name);
        if (indicator) {
          names.add(name + "_missing");
        }
        return names;
      }
      levels.forEach(level -> names.add(name + "=" + level));
      if (other) {
        names.add(name + "=other");
      }
      if (indicator) {
        names.add(name + "_missing");
      }
      return names;
    }

    /** The slot a present level sets, or -1 for none (an unseen level without an `other` slot). */
    public int slotOf(String level) {
      Integer slot = slots.get(level);
      return slot != null ? slot : other ? levels.size() : -1;
    }

    /** Whether the level has a slot of its own that training set (false: unseen, or rare and in `other`). */
    public boolean seen(String level) {
      return slots.containsKey(level);
    }

    /** The slot a missing cell sets (-1: none). */
    int missingSlot() {
      return missing == Missing.MOST_FREQUENT && fill != null ? slotOf(fill) : -1;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CategoryColumn c && c.name.equals(name) && c.levels.equals(levels) && c.unseen.equals(unseen)
          && c.other == other && c.missing == missing && Objects.equals(c.fill, fill) && c.indicator == indicator
          && c.embedding == embedding;
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, levels, unseen, other, missing, fill, indicator, embedding);
    }

    @Override
    public String toString() {
      return "CategoryColumn[" + name + ", levels " + levels + ", unseen " + unseen + ", other " + other + ", missing "
          + missing + ", fill " + fill + ", indicator " + indicator + ", embedding " + embedding + "]";
    }
  }

  @Override
  public List<String> columns() {
    return encoders.stream().map(Column::name).toList();
  }

  @Override
  public int width() {
    return encoders.stream().mapToInt(Column::width).sum();
  }

  /** The name of each feature, in order. */
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    encoders.forEach(c -> names.addAll(c.featureNames()));
    return names;
  }

  @Override
  public void encode(String[] cells, double[] out) {
    Arrays.fill(out, 0, width(), 0.0);
    int at = 0;
    for (int i = 0; i < encoders.size(); i++) {
      Column column = encoders.get(i);
      String cell = cells[i];
      boolean absent = Cells.isMissing(cell);
      if (absent && missingOf(column) == Missing.DROP) {
        throw new CellException(column.name(),
            "the cell is empty, and training left out rows like it (`missing = drop`); fill it in");
      }
      if (column instanceof NumberColumn number) {
        out[at] = absent ? number.fill() : Cells.number(number.name(), cell);
      } else {
        CategoryColumn category = (CategoryColumn) column;
        int slot = absent ? category.missingSlot() : category.slotOf(cell);
        if (category.embedding() > 0) {
          out[at] = category.index(slot);
        } else if (slot >= 0) {
          out[at + slot] = 1.0;
        }
      }
      if (column.indicator()) {
        out[at + column.width() - 1] = absent ? 1.0 : 0.0;
      }
      at += column.width();
    }
  }

  @Override
  public List<String> unseen(String[] cells) {
    List<String> unseen = new ArrayList<>();
    for (int i = 0; i < encoders.size(); i++) {
      if (encoders.get(i) instanceof CategoryColumn category && !Cells.isMissing(cells[i]) && !category.seen(cells[i])) {
        unseen.add(category.name());
      }
    }
    return unseen;
  }

  private static Missing missingOf(Column column) {
    return column instanceof NumberColumn n ? n.missing() : ((CategoryColumn) column).missing();
  }

  /**
   * Encodes rows of a table as read, as {@link #encode} would encode their cells: what training
   * uses, without turning cells back into text.
   *
   * @throws DataException for a cell it cannot encode (text in a number column of a test file)
   */
  public float[][] encode(RawTable table, int[] rows) {
    int width = width();
    float[][] out = new float[rows.length][];
    float[] block = new float[Math.min(rows.length, BLOCK_ROWS) * width];
    int from = 0;
    do { // once at least: a column that cannot be encoded fails even without rows
      int to = Math.min(rows.length, from + BLOCK_ROWS);
      encode(table, rows, from, to, block);
      for (int i = from; i < to; i++) {
        out[i] = Arrays.copyOfRange(block, (i - from) * width, (i - from + 1) * width);
      }
      from = to;
    } while (from < rows.length);
    return out;
  }

  /** Rows encoded at a time by {@link #encode(RawTable, int[])}: a block of features that stays in the cache. */
  public static final int BLOCK_ROWS = 4096;

  /**
   * Encodes rows {@code rows[from, to)} of a table as read into {@code out}, row after row
   * ({@link #width()} floats each), as {@link #encode(RawTable, int[])} encodes them: a block at a
   * time, for a caller that writes the features into one array.
   *
   * @throws DataException for a cell it cannot encode (text in a number column of a test file)
   */
  public void encode(RawTable table, int[] rows, int from, int to, float[] out) {
    int width = width();
    int n = to - from;
    Arrays.fill(out, 0, n * width, 0f);
    int at = 0;
    for (Column column : encoders) {
      RawColumn raw = table.column(column.name());
      if (column instanceof NumberColumn number) {
        if (!raw.isNumeric()) {
          throw new DataException(table.file(), raw.textRow(), raw.name(), "`" + raw.text()
              + "` is not a number, but the training file's column holds numbers");
        }
        numbers(raw, rows, from, n, (float) number.fill(), out, width, at);
      } else {
        CategoryColumn category = (CategoryColumn) column;
        int[] slotOfCode = slots(category, raw, table);
        if (category.embedding() > 0) {
          indices(category, raw, rows, from, n, slotOfCode, out, width, at);
        } else {
          oneHot(raw, rows, from, n, slotOfCode, category.missingSlot(), out, width, at);
        }
      }
      if (column.indicator()) {
        indicators(raw, rows, from, n, out, width, at + column.width() - 1);
      }
      at += column.width();
    }
  }

  /*
   * Each column kind's loop over the block's rows is a small method of its own: the JIT compiles each
   * once, small, instead of the whole encode again and again from its loops' stack replacements, and
   * interprets less meanwhile (issue 19: C2 compiled encode four times on a cold 200 MB load).
   */

  /** A number column's feature at {@code at} of each row: its value, or {@code fill} when missing. */
  private static void numbers(RawColumn raw, int[] rows, int from, int n, float fill, float[] out, int width, int at) {
    for (int i = 0; i < n; i++) {
      float value = raw.number(rows[from + i]);
      out[i * width + at] = Float.isNaN(value) ? fill : value;
    }
  }

  /** A one-hot category's slot from {@code at}: its level's slot, {@code missingSlot} when missing; -1 sets none. */
  private static void oneHot(RawColumn raw, int[] rows, int from, int n, int[] slotOfCode, int missingSlot, float[] out,
      int width, int at) {
    for (int i = 0; i < n; i++) {
      int code = raw.code(rows[from + i]);
      int slot = code < 0 ? missingSlot : slotOfCode[code];
      if (slot >= 0) {
        out[i * width + at + slot] = 1f;
      }
    }
  }

  /** An embedded category's feature at {@code at}: its level's index in the table ({@link CategoryColumn#index}). */
  private static void indices(CategoryColumn category, RawColumn raw, int[] rows, int from, int n, int[] slotOfCode,
      float[] out, int width, int at) {
    int missingSlot = category.missingSlot();
    for (int i = 0; i < n; i++) {
      int code = raw.code(rows[from + i]);
      out[i * width + at] = category.index(code < 0 ? missingSlot : slotOfCode[code]);
    }
  }

  /** A column's missing indicator at {@code at}: 1 when the cell is missing. */
  private static void indicators(RawColumn raw, int[] rows, int from, int n, float[] out, int width, int at) {
    for (int i = 0; i < n; i++) {
      out[i * width + at] = raw.isMissing(rows[from + i]) ? 1f : 0f;
    }
  }

  private static int[] slots(CategoryColumn category, RawColumn raw, RawTable table) {
    if (!raw.hasLevels()) {
      throw new DataException(table.file(), raw.lostLevelsRow(), raw.name(), "the column holds more than "
          + RawColumn.NUMERIC_LEVELS + " distinct numbers, but the training file's column holds categories");
    }
    int[] slots = new int[raw.levels().size()];
    for (int code = 0; code < slots.length; code++) {
      slots[code] = category.slotOf(raw.levels().get(code));
    }
    return slots;
  }
}
