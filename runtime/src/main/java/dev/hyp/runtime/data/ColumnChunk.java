package dev.hyp.runtime.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * One column's cells as read from a later part of the file, on another thread, kept so that
 * {@link RawColumn#append} can take them as if it had read them itself: each cell's kind
 * (missing, number, text), its number and its level code in this part's own order of first
 * appearance. Codes are let go as {@link RawColumn} lets them go (more than {@value
 * RawColumn#NUMERIC_LEVELS} distinct numbers), but the codes read until then are kept.
 */
final class ColumnChunk {
  static final byte MISSING = 0;
  static final byte NUMBER = 1;
  static final byte TEXT = 2;

  private final boolean keepLevels;
  private byte[] kinds = new byte[256];
  private float[] numbers = new float[256];
  private int[] codes = new int[256];
  private final ByteLevels levels = new ByteLevels();
  private int size;
  private int codesUntil = -1; // -1: every cell has its code
  private boolean numeric = true;
  private int textAt; // the first text cell's index
  private String text;
  // what RawColumn counts, for a join of the part at once: kept while every cell is a number or missing
  private int missing;
  private int numericCells;
  private boolean integers = true;
  private boolean increasing = true;
  private float first = Float.NaN;
  private float last = Float.NEGATIVE_INFINITY;

  ColumnChunk(boolean keepLevels) {
    this.keepLevels = keepLevels;
  }

  /** Appends the cell {@code bytes[from, to)} of the part's next kept row. */
  void add(byte[] bytes, int from, int to) {
    if (size == kinds.length) {
      reserve(size + (size >> 1) + 16);
    }
    if (CsvScanner.isMissing(bytes, from, to)) {
      kinds[size] = MISSING;
      missing++;
      if (numeric) {
        numbers[size] = Float.NaN; // as RawColumn holds a missing number
      }
      if (codesUntil < 0) {
        codes[size] = -1;
      }
      size++;
      return;
    }
    float value = RawColumn.number(bytes, from, to);
    if (Float.isNaN(value)) {
      kinds[size] = TEXT;
      if (numeric) {
        numeric = false;
        textAt = size;
        text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
      }
    } else {
      kinds[size] = NUMBER;
      numericCells++;
      if (numeric) {
        numbers[size] = value;
        integers &= value == Math.rint(value);
        increasing &= value > last;
        last = value;
        if (first != first) {
          first = value;
        }
      }
    }
    if (codesUntil < 0) {
      codes[size] = levels.code(bytes, from, to);
      if (numeric && !keepLevels && levels.size() > RawColumn.NUMERIC_LEVELS) {
        codesUntil = size + 1;
      }
    }
    size++;
  }

  /** Makes room for {@code capacity} cells (the reader's estimate of the part's rows), as {@link RawColumn#reserve}. */
  void reserve(int capacity) {
    if (kinds.length >= capacity) {
      return;
    }
    kinds = Arrays.copyOf(kinds, capacity);
    if (numeric) { // after the first text cell the numbers are not needed, only that a cell is one
      numbers = Arrays.copyOf(numbers, capacity);
    }
    if (codesUntil < 0) {
      codes = Arrays.copyOf(codes, capacity);
    }
  }

  int size() {
    return size;
  }

  byte kind(int i) {
    return kinds[i];
  }

  /** Cell {@code i}'s number, a number kept only before the first text cell (0 after it). */
  float number(int i) {
    return numeric || i < textAt ? numbers[i] : 0f;
  }

  /** Cell {@code i}'s code into {@link #levels()}; -1 when missing or let go. */
  int code(int i) {
    return codesUntil < 0 || i < codesUntil ? codes[i] : -1;
  }

  /** Whether every cell kept its code. */
  boolean hasAllCodes() {
    return codesUntil < 0;
  }

  /** Whether every cell is a number or missing (no text cell). */
  boolean numeric() {
    return numeric;
  }

  /** The cells as RawColumn holds numbers (NaN: missing); {@link #numeric()} only, its first {@link #size()} count. */
  float[] numbers() {
    return numbers;
  }

  int missing() {
    return missing;
  }

  /** How many cells are numbers. */
  int numericCells() {
    return numericCells;
  }

  /** While {@link #numeric()}: whether every number is whole, and whether they grow strictly. */
  boolean integers() {
    return integers;
  }

  boolean increasing() {
    return increasing;
  }

  /** The first and the last number (NaN when there is none). */
  float first() {
    return first;
  }

  float last() {
    return last;
  }

  List<String> levels() {
    return levels.levels();
  }

  /** The first text cell, or null. */
  String text() {
    return text;
  }
}
