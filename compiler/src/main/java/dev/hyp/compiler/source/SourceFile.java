package dev.hyp.compiler.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of one `.hyp` file with its line offsets, so spans can be turned into line:col. */
public final class SourceFile {
  private final String name;
  private final Path path;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String name, Path path, String text) {
    this.name = name;
    this.path = path;
    this.text = text;
    this.lineStarts = computeLineStarts(text);
  }

  public static SourceFile of(String name, String text) {
    return new SourceFile(name, null, text);
  }

  public static SourceFile read(Path path) throws IOException {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    return new SourceFile(path.toString(), path, text);
  }

  /** The name shown in diagnostics (the path as the user gave it). */
  public String name() {
    return name;
  }

  /** The file on disk, or null for text that did not come from a file. */
  public Path path() {
    return path;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** 1-based line of a character offset. */
  public int line(int offset) {
    int low = 0;
    int high = lineStarts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low + 1;
  }

  /** 1-based column of a character offset (in UTF-16 code units, as editors count). */
  public int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }

  /** The text of a 1-based line, without its line break. */
  public String lineText(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  private static int[] computeLineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
