package dev.hyp.runtime.data.images;

import java.nio.file.Path;
import java.util.Objects;

/**
 * `images(path, size = image(h, w, c), skip_unreadable = false)`, the path already resolved
 * against the spec's folder.
 *
 * @param folder one subfolder per class, named after the class
 * @param size what every image is scaled to, or null: the images' own size, which must then be the same for all
 * @param skipUnreadable skip (and count) files that cannot be decoded instead of stopping at the first
 */
public record ImageFolderSource(Path folder, ImageSize size, boolean skipUnreadable) {
  public ImageFolderSource {
    Objects.requireNonNull(folder, "folder");
  }
}
