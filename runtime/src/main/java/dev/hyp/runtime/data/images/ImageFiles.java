package dev.hyp.runtime.data.images;

import dev.hyp.runtime.data.CellException;
import dev.hyp.runtime.data.RowEncoding;
import java.nio.file.Path;
import java.util.List;

/**
 * A row that names an image file: its one cell, column {@value #COLUMN}, is the file's path
 * (relative paths resolve against the working directory), and the features are the image's pixel
 * vector, made exactly as training made them from its image folder (decoded, scaled to the
 * model's size, channels converted: {@link ImageDecoder}). An image of any size is scaled to the
 * model's. Saved with the model of an `images(...)` experiment.
 */
public record ImageFiles(ImageSize size) implements RowEncoding {
  /** The one column a row has: the image file's path. */
  public static final String COLUMN = "image";

  public ImageFiles {
    java.util.Objects.requireNonNull(size, "size");
  }

  @Override
  public List<String> columns() {
    return List.of(COLUMN);
  }

  @Override
  public int width() {
    return size.values();
  }

  @Override
  public void encode(String[] cells, double[] out) {
    Path file;
    try {
      file = Path.of(cells[0]);
    } catch (java.nio.file.InvalidPathException e) {
      throw new CellException(COLUMN, "`" + cells[0] + "` is not a file path: " + e.getReason());
    }
    float[] pixels = pixels(file);
    for (int i = 0; i < pixels.length; i++) {
      out[i] = pixels[i];
    }
  }

  /** The pixel vector of one image file, as training made it. */
  public float[] pixels(Path file) {
    if (file.toString().isEmpty()) {
      throw new CellException(COLUMN, "no image file named");
    }
    try {
      return ImageDecoder.pixels(ImageDecoder.decode(file).image(), size());
    } catch (ImageDecoder.UnreadableException e) {
      throw new CellException(COLUMN, file + " cannot be read as an image: " + e.getMessage());
    }
  }
}
