package dev.hyp.runtime.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The distinct values of a column, looked up by the bytes of a cell (valid UTF-8, so equal bytes
 * are equal text): a cell already seen costs a hash and a compare, no String. Codes are 0, 1, ...
 * in the order first seen; {@link #levels()} holds each one's text.
 */
final class ByteLevels {
  private byte[] bytes = new byte[256]; // every level's bytes, one after the other
  private int used;
  private int[] starts = new int[17]; // level i is bytes[starts[i], starts[i + 1])
  private int[] hashes = new int[16];
  private int[] table = new int[64]; // code + 1, 0: empty
  private final List<String> levels = new ArrayList<>();

  /** The code of {@code cell[from, to)}, a new one when it was not seen before. */
  int code(byte[] cell, int from, int to) {
    int hash = hash(cell, from, to);
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return add(cell, from, to, hash, slot);
      }
      int code = entry - 1;
      if (hashes[code] == hash && Arrays.equals(bytes, starts[code], starts[code + 1], cell, from, to)) {
        return code;
      }
    }
  }

  /** The code of {@code cell[from, to)}, or -1 when it was not seen (nothing is added). */
  int find(byte[] cell, int from, int to) {
    int hash = hash(cell, from, to);
    int mask = table.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        return -1;
      }
      int code = entry - 1;
      if (hashes[code] == hash && Arrays.equals(bytes, starts[code], starts[code + 1], cell, from, to)) {
        return code;
      }
    }
  }

  /** The code of the text, a new one when it was not seen before. */
  int code(String text) {
    byte[] cell = text.getBytes(StandardCharsets.UTF_8);
    return code(cell, 0, cell.length);
  }

  /** The levels' text by code. */
  List<String> levels() {
    return levels;
  }

  int size() {
    return levels.size();
  }

  private int add(byte[] cell, int from, int to, int hash, int slot) {
    int code = levels.size();
    int length = to - from;
    if (used + length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + length));
    }
    System.arraycopy(cell, from, bytes, used, length);
    used += length;
    if (code == hashes.length) {
      hashes = Arrays.copyOf(hashes, hashes.length * 2);
      starts = Arrays.copyOf(starts, hashes.length + 1);
    }
    starts[code + 1] = used;
    hashes[code] = hash;
    table[slot] = code + 1;
    levels.add(new String(cell, from, length, StandardCharsets.UTF_8));
    if (2 * levels.size() > table.length) {
      rehash();
    }
    return code;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int code = 0; code < levels.size(); code++) {
      int slot = hashes[code] & mask;
      while (bigger[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = code + 1;
    }
    table = bigger;
  }

  private static int hash(byte[] cell, int from, int to) {
    int h = 0x9E3779B9;
    for (int i = from; i < to; i++) {
      h = (h ^ cell[i]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
