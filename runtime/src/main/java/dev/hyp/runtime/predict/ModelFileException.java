package dev.hyp.runtime.predict;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file hyp cannot use: missing, not a zip, a zip without hyp's metadata (not saved by hyp),
 * or one whose network does not load. The message names the file and says what is wrong, in one line.
 */
public final class ModelFileException extends IOException {
  private final Path file;

  /** @param problem what is wrong, in lower case, without a trailing period */
  public ModelFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
