package dev.hyp.runtime.data;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads a CSV file record by record over its bytes, as Commons CSV's {@code DEFAULT} format with
 * empty lines ignored and cells trimmed reads it: LF, CRLF or CR line ends, a cell in double quotes
 * (a doubled quote inside is one quote; it may hold delimiters and line ends), blank lines skipped,
 * a record's number counting records (not lines). A cell is a range of bytes, made into a String
 * only when asked: numbers are parsed and categories looked up from the bytes. Every byte that is
 * not ASCII is checked to be UTF-8; a file that is not fails with {@link NotUtf8}. A byte order
 * mark stays in the first cell, as a reader of the file's text gives it.
 */
final class CsvScanner implements Closeable {
  private static final int BLOCK = 1 << 20;

  private final FileChannel channel;
  private final byte[] delimiter;
  private byte[] buffer = new byte[BLOCK];
  private int filled; // bytes[0, filled) are read
  private int position; // where the next record starts
  private long bufferOffset; // the file offset of buffer[0]
  private boolean endOfFile;
  private int record;
  // the current record's cells: cell c is in (quoted[c] ? scratch : buffer)[starts[c], ends[c])
  private int cells;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private boolean[] quoted = new boolean[32];
  private byte[] scratch = new byte[256];
  private int scratchUsed;
  private long recordOffset;
  private long recordEnd;

  /** A byte that is not UTF-8 was read. */
  static final class NotUtf8 extends IOException {
    NotUtf8() {
      super("not UTF-8", null);
    }
  }

  /** Quoting the file breaks (Commons CSV's message), at a file offset. */
  static final class Malformed extends IOException {
    final long offset;

    Malformed(String message, long offset) {
      super(message);
      this.offset = offset;
    }
  }

  CsvScanner(Path file, String delimiter) throws IOException {
    this(file, delimiter, 0);
  }

  /** Reads from file offset {@code start} (a line's start): its records count from 1. */
  CsvScanner(Path file, String delimiter, long start) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.delimiter = delimiter.getBytes(StandardCharsets.UTF_8);
    channel.position(start);
    this.bufferOffset = start;
  }

  /** The file offset where the current record starts. */
  long recordOffset() {
    return recordOffset;
  }

  /** The file offset of the current record's line end (its end of file). */
  long recordEnd() {
    return recordEnd;
  }

  /** Reads the next record; false at the end of the file. */
  boolean next() throws IOException {
    while (true) {
      int outcome = scan();
      if (outcome > 0) {
        record++;
        return true;
      }
      if (outcome == 0) {
        return false;
      }
      refill(); // the record runs past the bytes read so far
    }
  }

  /** The record's number: 1 for the first (the header, when there is one). */
  int record() {
    return record;
  }

  /** How many cells the record has. */
  int size() {
    return cells;
  }

  /** The array that cell {@code c}'s bytes are in, from {@link #start} to {@link #end}. */
  byte[] bytes(int c) {
    return quoted[c] ? scratch : buffer;
  }

  int start(int c) {
    return starts[c];
  }

  int end(int c) {
    return ends[c];
  }

  /** Cell {@code c} as text. */
  String text(int c) {
    return new String(bytes(c), starts[c], ends[c] - starts[c], StandardCharsets.UTF_8);
  }

  /** Whether cell {@code c} is missing, as {@link Cells#isMissing} says. */
  boolean isMissing(int c) {
    return isMissing(bytes(c), starts[c], ends[c]);
  }

  static boolean isMissing(byte[] b, int from, int to) {
    return switch (to - from) {
      case 0 -> true;
      case 2 -> b[from] == 'N' && b[from + 1] == 'A';
      case 3 -> (b[from] == 'N' && b[from + 1] == '/' && b[from + 2] == 'A')
          || (b[from] == 'N' && b[from + 1] == 'a' && b[from + 2] == 'N');
      case 4 -> b[from] == 'n' && b[from + 1] == 'u' && b[from + 2] == 'l' && b[from + 3] == 'l';
      default -> false;
    };
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** 1: a record was read; 0: the end of the file; -1: more bytes are needed. */
  private int scan() throws IOException {
    int i = position;
    // empty lines are no records
    while (i < filled && (buffer[i] == '\n' || buffer[i] == '\r')) {
      i++;
    }
    if (i == filled) {
      position = i;
      return endOfFile ? 0 : -1;
    }
    int recordStart = i;
    recordOffset = bufferOffset + i;
    cells = 0;
    scratchUsed = 0;
    boolean ascii = true;
    byte d0 = delimiter[0];
    while (true) {
      if (cells == starts.length) {
        starts = Arrays.copyOf(starts, cells * 2);
        ends = Arrays.copyOf(ends, cells * 2);
        quoted = Arrays.copyOf(quoted, cells * 2);
      }
      int end; // where the cell's bytes end (before trimming)
      int from;
      boolean inScratch = false;
      if (i < filled && buffer[i] == '"') {
        inScratch = true;
        from = scratchUsed;
        i++;
        while (true) {
          if (i >= filled) {
            if (endOfFile) {
              throw new Malformed("EOF reached before encapsulated token finished", bufferOffset + recordStart);
            }
            return -1;
          }
          byte b = buffer[i];
          if (b == '"') {
            if (i + 1 >= filled && !endOfFile) {
              return -1;
            }
            if (i + 1 < filled && buffer[i + 1] == '"') {
              keep(b);
              i += 2;
              continue;
            }
            i++;
            break;
          }
          ascii &= b >= 0;
          keep(b);
          i++;
        }
        end = scratchUsed;
        // after the closing quote: white space, then a delimiter or the end of the line
        while (i < filled && !isDelimiter(i, d0) && buffer[i] != '\n' && buffer[i] != '\r') {
          if (!Character.isWhitespace((char) (buffer[i] & 0xFF)) || buffer[i] < 0) {
            throw new Malformed("Invalid char between encapsulated token and delimiter", bufferOffset + i);
          }
          i++;
        }
      } else {
        from = i;
        while (i < filled) {
          byte b = buffer[i];
          if (b == d0 && isDelimiter(i, d0) || b == '\n' || b == '\r') {
            break;
          }
          ascii &= b >= 0;
          i++;
        }
        end = i;
      }
      if (i >= filled && !endOfFile) {
        return -1;
      }
      byte[] in = inScratch ? scratch : buffer;
      while (from < end && (in[from] & 0xFF) <= ' ') {
        from++;
      }
      while (end > from && (in[end - 1] & 0xFF) <= ' ') {
        end--;
      }
      starts[cells] = from;
      ends[cells] = end;
      quoted[cells] = inScratch;
      cells++;
      if (i < filled && isDelimiter(i, d0)) {
        i += delimiter.length;
        continue;
      }
      // the end of the line or of the file
      recordEnd = bufferOffset + i;
      if (!ascii) {
        checkUtf8(recordStart, i);
      }
      if (i < filled && buffer[i] == '\r') {
        if (i + 1 >= filled && !endOfFile) {
          return -1;
        }
        i++;
        if (i < filled && buffer[i] == '\n') {
          i++;
        }
      } else if (i < filled) {
        i++;
      }
      position = i;
      return 1;
    }
  }

  private boolean isDelimiter(int i, byte d0) {
    if (buffer[i] != d0) {
      return false;
    }
    if (delimiter.length == 1) {
      return true;
    }
    return i + delimiter.length <= filled
        && Arrays.equals(buffer, i, i + delimiter.length, delimiter, 0, delimiter.length);
  }

  private void keep(byte b) {
    if (scratchUsed == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[scratchUsed++] = b;
  }

  /** Moves the unread bytes to the front and reads more (a longer buffer when a record fills it). */
  private void refill() throws IOException {
    int rest = filled - position;
    if (position == 0 && rest == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    } else {
      System.arraycopy(buffer, position, buffer, 0, rest);
      bufferOffset += position;
      position = 0;
      filled = rest;
    }
    while (filled < buffer.length) {
      int n = channel.read(ByteBuffer.wrap(buffer, filled, buffer.length - filled));
      if (n < 0) {
        endOfFile = true;
        return;
      }
      filled += n;
      if (n == 0) {
        break;
      }
    }
  }

  /** Fails when {@code buffer[from, to)} is not UTF-8 (as Java's decoder reports: overlong forms and surrogates too). */
  private void checkUtf8(int from, int to) throws NotUtf8 {
    int i = from;
    while (i < to) {
      int b = buffer[i] & 0xFF;
      if (b < 0x80) {
        i++;
        continue;
      }
      int more;
      int low = 0x80;
      int high = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        more = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        more = 2;
        low = b == 0xE0 ? 0xA0 : 0x80;
        high = b == 0xED ? 0x9F : 0xBF;
      } else if (b >= 0xF0 && b <= 0xF4) {
        more = 3;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF;
      } else {
        throw new NotUtf8();
      }
      if (i + more >= to) {
        throw new NotUtf8();
      }
      int second = buffer[i + 1] & 0xFF;
      if (second < low || second > high) {
        throw new NotUtf8();
      }
      for (int k = 2; k <= more; k++) {
        int next = buffer[i + k] & 0xFF;
        if (next < 0x80 || next > 0xBF) {
          throw new NotUtf8();
        }
      }
      i += more + 1;
    }
  }
}
