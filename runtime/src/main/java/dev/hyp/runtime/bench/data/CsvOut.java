package dev.hyp.runtime.bench.data;

import dev.hyp.runtime.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a generated CSV line by line, UTF-8 with '\n' endings, through {@link AtomicFiles}: never half a file. */
final class CsvOut {
  /** Appends row {@code index}'s cells (without the line end) to {@code line}. */
  @FunctionalInterface
  interface Rows {
    void row(long index, StringBuilder line);
  }

  private CsvOut() {}

  /** Writes the header and {@code rows} rows; returns the file's size in bytes. */
  static long write(Path file, String header, long rows, Rows content) throws IOException {
    AtomicFiles.write(file, temporary -> {
      try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        out.write(header);
        out.write('\n');
        StringBuilder line = new StringBuilder(4096);
        for (long r = 0; r < rows; r++) {
          line.setLength(0);
          content.row(r, line);
          line.append('\n');
          out.append(line);
        }
      }
    });
    return Files.size(file);
  }
}
