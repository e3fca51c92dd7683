package dev.hyp.runtime.data.images;

import dev.hyp.runtime.data.DataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * What an image folder holds, for `hyp inspect DIR`: the classes in class order with their image
 * counts, the sizes and formats seen, the grayscale and colour images, the files that cannot be
 * decoded, and the files outside the class subfolders or ignored (hidden, or not an image by their
 * extension). Every image is decoded (in parallel), so a corrupt file shows here as it would in a
 * run. A record of plain values: Jackson writes it as JSON as it is; {@link #lines()} is the text.
 *
 * @param folder the folder as given
 * @param classes each class subfolder, in the order training numbers the classes
 * @param sizes each size seen, the most frequent first
 * @param formats images by format, as ImageIO names it ("png", "jpeg", "gif", "bmp")
 * @param grayscale images stored with one channel; the others are colour
 * @param unreadable the files with an image extension that cannot be decoded
 * @param outsideClasses image files directly in the folder, outside every class subfolder
 * @param ignored hidden files and files without an image extension
 */
public record ImageFolderSummary(String folder, List<ClassCount> classes, List<SizeCount> sizes,
    Map<String, Integer> formats, int grayscale, List<Unreadable> unreadable, int outsideClasses, int ignored) {

  /** A class subfolder and how many images it has (readable or not). */
  public record ClassCount(String name, int images) {}

  /** A size and how many images have it. */
  public record SizeCount(int height, int width, int images) {}

  /** A file that cannot be decoded, and why. */
  public record Unreadable(String file, String reason) {}

  /**
   * Reads the folder.
   *
   * @throws DataException when it is missing, not a folder, or cannot be listed
   */
  public static ImageFolderSummary of(Path folder) {
    ImageFolderScan scan = ImageFolderScan.of(folder);
    List<Path> files = new ArrayList<>();
    List<ClassCount> classes = new ArrayList<>();
    for (ImageFolderScan.ClassFolder c : scan.classes()) {
      classes.add(new ClassCount(c.name(), c.images().size()));
      files.addAll(c.images());
    }
    Object[] seen = new Object[files.size()];
    IntStream.range(0, files.size()).parallel().forEach(i -> seen[i] = look(files.get(i)));
    Map<List<Integer>, Integer> sizes = new LinkedHashMap<>();
    Map<String, Integer> formats = new TreeMap<>();
    int gray = 0;
    List<Unreadable> unreadable = new ArrayList<>();
    for (int i = 0; i < seen.length; i++) {
      if (seen[i] instanceof String reason) {
        unreadable.add(new Unreadable(files.get(i).toString(), reason));
      } else {
        Look look = (Look) seen[i];
        sizes.merge(List.of(look.height(), look.width()), 1, Integer::sum);
        formats.merge(look.format(), 1, Integer::sum);
        gray += look.gray() ? 1 : 0;
      }
    }
    List<SizeCount> sizeCounts = sizes.entrySet().stream()
        .map(e -> new SizeCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
        .sorted(Comparator.comparingInt(SizeCount::images).reversed()).toList();
    return new ImageFolderSummary(folder.toString(), List.copyOf(classes), sizeCounts, formats, gray,
        List.copyOf(unreadable), scan.looseImages().size(), scan.ignored());
  }

  private record Look(int height, int width, String format, boolean gray) {}

  /** A {@link Look}, or the reason the file cannot be decoded. */
  private static Object look(Path file) {
    try {
      ImageDecoder.Decoded d = ImageDecoder.decode(file);
      return new Look(d.image().getHeight(), d.image().getWidth(), d.format(), d.grayscale());
    } catch (ImageDecoder.UnreadableException e) {
      return e.getMessage();
    }
  }

  /** Every image file with an image extension in the class subfolders. */
  public int images() {
    return classes.stream().mapToInt(ClassCount::images).sum();
  }

  /** The summary as text, one fact a line, for a terminal. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(folder + ": an image folder, " + images() + " images in " + classes.size() + " class"
        + (classes.size() == 1 ? "" : "es"));
    int widest = classes.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    for (ClassCount c : classes) {
      lines.add(String.format(java.util.Locale.ROOT, "  %-" + Math.max(widest, 1) + "s %7d  %5.1f%%", c.name(),
          c.images(), images() == 0 ? 0.0 : 100.0 * c.images() / images()));
    }
    if (sizes.size() == 1) {
      SizeCount only = sizes.get(0);
      lines.add("size: every image is " + only.width() + " wide and " + only.height() + " high");
    } else if (!sizes.isEmpty()) {
      lines.add("sizes: " + sizes.size() + " different (a spec must give `images(..., size = image(h, w, c))`):");
      for (SizeCount s : sizes.subList(0, Math.min(10, sizes.size()))) {
        lines.add("  " + s.width() + " wide, " + s.height() + " high: " + s.images());
      }
      if (sizes.size() > 10) {
        lines.add("  ... and " + (sizes.size() - 10) + " more sizes");
      }
    }
    int readable = images() - unreadable.size();
    lines.add("formats: " + String.join(", ", formats.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .toList()) + (readable > 0 ? "; " + grayscale + " grayscale, " + (readable - grayscale) + " colour" : ""));
    if (!unreadable.isEmpty()) {
      lines.add("unreadable: " + unreadable.size() + " (a run stops at them unless `skip_unreadable = true`):");
      for (Unreadable u : unreadable.subList(0, Math.min(10, unreadable.size()))) {
        lines.add("  " + u.file() + ": " + u.reason());
      }
      if (unreadable.size() > 10) {
        lines.add("  ... and " + (unreadable.size() - 10) + " more");
      }
    }
    if (outsideClasses > 0) {
      lines.add("outside the class subfolders: " + outsideClasses + " image files (a run refuses them)");
    }
    if (ignored > 0) {
      lines.add("ignored: " + ignored + " hidden files or files without an image extension");
    }
    for (ClassCount c : classes) {
      if (c.images() == 0) {
        lines.add("empty class folder: `" + c.name() + "` (a run refuses it)");
      }
    }
    return lines;
  }
}
