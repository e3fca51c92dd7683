package dev.hyp.runtime.bench.data;

import java.io.IOException;
import java.nio.file.Path;

/** The generated data sets by name, for `hyp bench data` and `hyp bench peer`. */
public enum GeneratedData {
  /** {@link TabularData}: 40 features, 4 classes. */
  TABULAR("tabular", TabularData.FILE_NAME, TabularData.ROWS),
  /** {@link GlyphImages}: 28x28 glyphs, 10 classes. */
  GLYPHS("glyphs", GlyphImages.FILE_NAME, GlyphImages.IMAGES),
  /** {@link MixedTable}: 21 columns of mixed kinds, about 200 MB. */
  MIXED("mixed", MixedTable.FILE_NAME, MixedTable.ROWS);

  private final String id;
  private final String fileName;
  private final long defaultRows;

  GeneratedData(String id, String fileName, long defaultRows) {
    this.id = id;
    this.fileName = fileName;
    this.defaultRows = defaultRows;
  }

  public String id() {
    return id;
  }

  /** The file name the samples in {@code samples/large/} read, at the default size. */
  public String fileName() {
    return fileName;
  }

  public long defaultRows() {
    return defaultRows;
  }

  /** The file a size is written to: {@link #fileName()} at the default size, else the id and the rows. */
  public String fileName(long rows) {
    return rows == defaultRows ? fileName : id + "_" + rows + ".csv";
  }

  /** The data set called {@code id}, or null. */
  public static GeneratedData byId(String id) {
    for (GeneratedData data : values()) {
      if (data.id.equals(id)) {
        return data;
      }
    }
    return null;
  }

  /** Writes {@code rows} rows with the data set's own seed; returns the file's size in bytes. */
  public long write(Path file, long rows) throws IOException {
    return switch (this) {
      case TABULAR -> TabularData.write(file, rows, TabularData.SEED);
      case GLYPHS -> GlyphImages.write(file, rows, GlyphImages.SEED);
      case MIXED -> MixedTable.write(file, rows, MixedTable.SEED);
    };
  }
}
