package dev.hyp.runtime.data.images;

import dev.hyp.runtime.data.Table;
import java.nio.file.Path;
import java.util.List;

/**
 * An image folder read into memory.
 *
 * @param table one row per image: its pixel vector (see {@link ImageDecoder}) and its class; the
 *     feature names are the pixels' ("y0_x0_c0", ...), the label is "class", row i + 1 is {@code files.get(i)}
 * @param size the size every image was brought to
 * @param files the image of each row
 * @param skipped the files skipped as unreadable (only with `skip_unreadable = true`)
 * @param scaled whether the images were scaled to a size the spec gave, rather than all of one size already
 */
public record LoadedImages(Table table, ImageSize size, List<Path> files, List<UnreadableImage> skipped,
    boolean scaled) {

  /** One line about the skipped files, or null when none was skipped. */
  public String skippedLine() {
    if (skipped.isEmpty()) {
      return null;
    }
    UnreadableImage first = skipped.get(0);
    return "skipped " + skipped.size() + " unreadable image" + (skipped.size() == 1 ? "" : "s") + " in "
        + table.file() + " (the first: " + first.file() + ": " + first.reason() + ")";
  }
}
