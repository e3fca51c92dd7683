package dev.hyp.runtime.bench.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** `hyp bench data`: writes the chosen data sets into a folder, one line per file. */
public final class GenerateData {
  /** Where the samples in {@code samples/large/} read their data, from the repository's root. */
  public static final String SAMPLES_FOLDER = "samples/large/data";

  private GenerateData() {}

  /** Writes each data set at its number of rows into {@code folder}; returns the files by data set. */
  public static Map<GeneratedData, Path> write(Path folder, Map<GeneratedData, Long> sets, PrintWriter out)
      throws IOException {
    Map<GeneratedData, Path> written = new LinkedHashMap<>();
    for (Map.Entry<GeneratedData, Long> set : sets.entrySet()) {
      Path file = folder.resolve(set.getKey().fileName(set.getValue()));
      long start = System.nanoTime();
      long bytes = set.getKey().write(file, set.getValue());
      out.printf(java.util.Locale.ROOT, "wrote %s: %,d rows, %.1f MB (%.1f s)%n", file, set.getValue(), bytes / 1e6,
          (System.nanoTime() - start) / 1e9);
      out.flush();
      written.put(set.getKey(), file);
    }
    return written;
  }
}
