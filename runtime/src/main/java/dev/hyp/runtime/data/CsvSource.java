package dev.hyp.runtime.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * `csv(path, label, header = true, delimiter = ",")`, with the path already resolved against the
 * spec's folder. Without a header the columns are named "1", "2", ... .
 */
public record CsvSource(Path path, String label, boolean header, String delimiter) {
  public CsvSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(delimiter, "delimiter");
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("empty delimiter");
    }
  }

  /** A file with a header row, comma-separated. */
  public static CsvSource of(Path path, String label) {
    return new CsvSource(path, label, true, ",");
  }
}
