package dev.hyp.runtime.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One feature column of a table as read, before its kind is decided: the numbers (while every
 * cell is one) as floats, and the cells as codes into a dictionary of its distinct values. Numbers
 * are parsed once and text cells are not boxed: a 200 MB file is held in two primitive arrays per
 * column. A column whose cells are all numbers stops keeping codes once it has more than {@value
 * #NUMERIC_LEVELS} distinct values (it is clearly a number column, and its levels would only cost
 * memory), unless the spec declared it a category.
 */
public final class RawColumn {
  /** A number column with more distinct values than this keeps no levels. */
  public static final int NUMERIC_LEVELS = 1000;

  private final String name;
  private final boolean keepLevels;
  private float[] numbers = new float[256]; // NaN: missing; null once a text cell was read
  private int[] codes = new int[256]; // -1: missing; null once the levels were let go
  private final ByteLevels levels = new ByteLevels();
  private int[] levelCounts = new int[16];
  private int size;
  private int missing;
  private int numericCells;
  private int textRow;
  private String text;
  private int lostLevelsRow;
  private boolean integers = true;
  private boolean increasing = true;
  private float last = Float.NEGATIVE_INFINITY;

  /** @param keepLevels keep the codes whatever the cells are (a declared category) */
  RawColumn(String name, boolean keepLevels) {
    this.name = name;
    this.keepLevels = keepLevels;
  }

  /** Appends the cell of file row {@code row}. */
  void add(String cell, int row) {
    byte[] bytes = cell.getBytes(StandardCharsets.UTF_8);
    add(bytes, 0, bytes.length, row);
  }

  /** Appends the cell {@code bytes[from, to)} (UTF-8, trimmed) of file row {@code row}. */
  void add(byte[] bytes, int from, int to, int row) {
    boolean absent = CsvScanner.isMissing(bytes, from, to);
    if (numbers == null && codes == null) { // unusable as a feature: only counted
      missing += absent ? 1 : 0;
      size++;
      return;
    }
    put(absent, absent ? Float.NaN : number(bytes, from, to), row, bytes, from, to, null, -1, null);
  }

  /**
   * Appends the cells {@code chunk} read from a later part of the file (cell {@code i} from file
   * row {@code rows[i] + rowOffset}) as if {@link #add} had read them here: the same codes in the same
   * order of first appearance, counts, first text cell and rows; {@link #canAppend} only.
   */
  void append(ColumnChunk chunk, int[] rows, int rowOffset) {
    int capacity = size + chunk.size(); // once, not growing by half again and again
    if (numbers != null && numbers.length < capacity) {
      numbers = Arrays.copyOf(numbers, capacity);
    }
    if (codes != null && codes.length < capacity) {
      codes = Arrays.copyOf(codes, capacity);
    }
    if (appendAtOnce(chunk)) {
      return;
    }
    int[] remap = new int[chunk.levels().size()];
    Arrays.fill(remap, -1);
    for (int i = 0; i < chunk.size(); i++) {
      byte kind = chunk.kind(i);
      boolean absent = kind == ColumnChunk.MISSING;
      if (numbers == null && codes == null) {
        missing += absent ? 1 : 0;
        size++;
        continue;
      }
      put(absent, kind == ColumnChunk.NUMBER ? chunk.number(i) : Float.NaN, rows[i] + rowOffset, null, 0, 0,
          chunk, chunk.code(i), remap);
    }
  }

  /**
   * Takes the chunk's cells in bulk where that gives what taking them one by one gives: its numbers
   * copied when it has no text cell (or this column keeps no numbers), its codes mapped when this
   * column keeps codes and cannot let them go on the way (text, a declared category, or at most
   * {@value #NUMERIC_LEVELS} distinct values with the chunk's). The chunk's levels are added in the
   * order of their codes, which is the order they first appear in. False, nothing changed: one by one.
   */
  private boolean appendAtOnce(ColumnChunk chunk) {
    int n = chunk.size();
    if (numbers == null && codes == null) {
      missing += chunk.missing();
      size += n;
      return true;
    }
    if (numbers != null && !chunk.numeric()) {
      return false; // its first text cell changes what this column keeps
    }
    int[] remap = null;
    if (codes != null) {
      if (!chunk.hasAllCodes()) {
        return false;
      }
      List<String> chunkLevels = chunk.levels();
      byte[][] bytes = new byte[chunkLevels.size()][];
      int fresh = 0;
      for (int k = 0; k < bytes.length; k++) {
        bytes[k] = chunkLevels.get(k).getBytes(StandardCharsets.UTF_8);
        fresh += levels.find(bytes[k], 0, bytes[k].length) < 0 ? 1 : 0;
      }
      if (numbers != null && !keepLevels && levels.size() + fresh > NUMERIC_LEVELS) {
        return false; // the codes are let go at one of the chunk's cells
      }
      remap = new int[bytes.length];
      for (int k = 0; k < bytes.length; k++) {
        remap[k] = levels.code(bytes[k], 0, bytes[k].length);
      }
      if (levelCounts.length < levels.size()) {
        levelCounts = Arrays.copyOf(levelCounts, Math.max(levels.size(), 2 * levelCounts.length));
      }
      for (int i = 0; i < n; i++) {
        int code = chunk.code(i);
        if (code >= 0) {
          codes[size + i] = remap[code];
          levelCounts[remap[code]]++;
        } else {
          codes[size + i] = -1;
        }
      }
    }
    if (numbers != null) {
      System.arraycopy(chunk.numbers(), 0, numbers, size, n);
      integers &= chunk.integers();
      if (chunk.first() == chunk.first()) {
        increasing &= chunk.increasing() && chunk.first() > last;
        last = chunk.last();
      }
    }
    missing += chunk.missing();
    numericCells += chunk.numericCells();
    size += n;
    return true;
  }

  /**
   * False when {@code chunk} let go of codes this column would still keep (this part has a text
   * cell, the chunk's part more than {@value #NUMERIC_LEVELS} distinct numbers): read it again then.
   * Otherwise this column, keeping codes while it has numbers, has let them go by the cell the
   * chunk did (its levels include the chunk's), so every code it needs is there.
   */
  boolean canAppend(ColumnChunk chunk) {
    return chunk.hasAllCodes() || codes == null || numbers != null;
  }

  /**
   * One cell that is not {@code absent} is a number ({@code value}) or text (NaN); its level is
   * {@code bytes[from, to)}, or a chunk's level {@code chunkCode} ({@code remap} caches its code here).
   */
  private void put(boolean absent, float value, int row, byte[] bytes, int from, int to, ColumnChunk chunk,
      int chunkCode, int[] remap) {
    if (size == (codes != null ? codes.length : numbers.length)) {
      grow();
    }
    if (absent) {
      missing++;
      if (numbers != null) {
        numbers[size] = Float.NaN;
      }
      if (codes != null) {
        codes[size] = -1;
      }
      size++;
      return;
    }
    if (numbers != null) {
      if (Float.isNaN(value)) {
        textRow = row;
        // a chunk's cells go to a column with numbers only up to its first text cell: that one
        text = chunk != null ? chunk.text() : new String(bytes, from, to - from, StandardCharsets.UTF_8);
        numbers = null;
      } else {
        numericCells++;
        numbers[size] = value;
        integers &= value == Math.rint(value);
        increasing &= value > last;
        last = value;
      }
    } else if (!Float.isNaN(value)) {
      numericCells++; // after a text cell: only counted (is it a number column with a typo?)
    }
    if (codes != null) {
      int code;
      if (chunk == null) {
        code = levels.code(bytes, from, to);
      } else {
        if (remap[chunkCode] < 0) { // its first appearance: where the sequential read would meet it
          byte[] level = chunk.levels().get(chunkCode).getBytes(StandardCharsets.UTF_8);
          remap[chunkCode] = levels.code(level, 0, level.length);
        }
        code = remap[chunkCode];
      }
      if (code == levelCounts.length) {
        levelCounts = Arrays.copyOf(levelCounts, code * 2);
      }
      codes[size] = code;
      levelCounts[code]++;
      if (numbers != null && !keepLevels && levels.size() > NUMERIC_LEVELS) {
        codes = null;
      }
    } else if (numbers == null && lostLevelsRow == 0) {
      lostLevelsRow = row;
    }
    size++;
  }

  /** The cell as a float, or NaN when it is not a number training can use. */
  static float number(byte[] bytes, int from, int to) {
    if (from == to || !Cells.looksNumeric((char) bytes[from])) {
      return Float.NaN;
    }
    try {
      double value = DecimalParser.parse(bytes, from, to);
      return Double.isFinite(value) && Math.abs(value) <= Float.MAX_VALUE ? (float) value : Float.NaN;
    } catch (NumberFormatException e) {
      return Float.NaN;
    }
  }

  /**
   * Makes room for {@code capacity} cells at once (the reader's estimate of the rows from the file's
   * size): one copy instead of growing by half again and again, each step a copy for the collector.
   */
  void reserve(int capacity) {
    if (numbers != null && numbers.length < capacity) {
      numbers = Arrays.copyOf(numbers, capacity);
    }
    if (codes != null && codes.length < capacity) {
      codes = Arrays.copyOf(codes, capacity);
    }
  }

  /** Gives back the room of more than an eighth beyond the cells read (an estimate of the rows that was too high). */
  void trim() {
    int slack = size + (size >> 3) + 256;
    if (numbers != null && numbers.length > slack) {
      numbers = Arrays.copyOf(numbers, size);
    }
    if (codes != null && codes.length > slack) {
      codes = Arrays.copyOf(codes, size);
    }
  }

  /** The cells the arrays have room for (tests). */
  int capacity() {
    return Math.max(numbers != null ? numbers.length : 0, codes != null ? codes.length : 0);
  }

  private void grow() {
    int capacity = size + (size >> 1) + 16;
    if (numbers != null) {
      numbers = Arrays.copyOf(numbers, capacity);
    }
    if (codes != null) {
      codes = Arrays.copyOf(codes, capacity);
    }
  }

  public String name() {
    return name;
  }

  /** Whether it keeps its codes whatever the cells are (a declared category). */
  boolean keepsLevels() {
    return keepLevels;
  }

  public int size() {
    return size;
  }

  /** How many cells are missing. */
  public int missing() {
    return missing;
  }

  public boolean isMissing(int i) {
    return codes != null ? codes[i] < 0 : Float.isNaN(numbers[i]);
  }

  /** Whether every cell that is not missing is a number. */
  public boolean isNumeric() {
    return numbers != null;
  }

  /** Cell {@code i} as a number (NaN when missing); {@link #isNumeric()} only. */
  public float number(int i) {
    return numbers[i];
  }

  /** Whether the column still has its levels: any column with a text cell, or few distinct numbers. */
  public boolean hasLevels() {
    return codes != null;
  }

  /** The level code of cell {@code i}, -1 when missing; {@link #hasLevels()} only. */
  public int code(int i) {
    return codes[i];
  }

  /** The distinct values in the order first read; {@link #hasLevels()} only. */
  public List<String> levels() {
    return levels.levels();
  }

  /** How often level {@code code} occurs. */
  public int count(int code) {
    return levelCounts[code];
  }

  /** How many distinct values there are, or -1 when more than {@value #NUMERIC_LEVELS} numbers. */
  public int distinct() {
    return codes != null ? levels.size() : -1;
  }

  /** The first text cell and its file row (0 when every cell is a number). */
  public int textRow() {
    return textRow;
  }

  public String text() {
    return text;
  }

  /**
   * The file row of the first text cell read after the column's levels were let go (0 if none):
   * such a column cannot be a category.
   */
  public int lostLevelsRow() {
    return lostLevelsRow;
  }

  /** How many cells are numbers. */
  public int numericCells() {
    return numericCells;
  }

  /** Whether every number is a whole number. */
  public boolean integers() {
    return integers;
  }

  /** Whether the numbers grow strictly from row to row, as a row number does. */
  public boolean increasing() {
    return increasing;
  }
}
