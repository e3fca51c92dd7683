package dev.hyp.runtime.data.images;

import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.data.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reads an image folder (one subfolder per class, see {@link ImageFolderScan}) into a {@link
 * Table} for classification, decoding the images in parallel, once. Every problem is a {@link
 * DataException} naming the folder or file and what to do:
 *
 * <ul>
 *   <li>a missing folder, a folder without class subfolders, image files outside the class
 *       subfolders, a class subfolder without images, a single class;
 *   <li>without a size, images of different sizes (with the `size` to give);
 *   <li>a file that cannot be decoded, unless the source skips them (then they are counted);
 *   <li>for a test folder, a class the training folder does not have.
 * </ul>
 */
public final class ImageFolderLoader {
  private static final String SKIP_HELP = "fix or remove it, or skip unreadable files with "
      + "`images(..., skip_unreadable = true)`";

  private ImageFolderLoader() {}

  /** Reads a training folder: its subfolders are the classes. */
  public static LoadedImages load(ImageFolderSource source) {
    ImageFolderScan scan = scan(source);
    if (scan.classes().size() < 2) {
      throw new DataException(source.folder(), 0, null, "has a single class `" + scan.classes().get(0).name()
          + "`; classification needs at least two class subfolders");
    }
    List<String> classes = scan.classes().stream().map(ImageFolderScan.ClassFolder::name).toList();
    return read(source, scan, classes, source.size(), source.size() == null);
  }

  /**
   * Reads a test folder for a model trained on {@code train}: only classes the training folder
   * has (not necessarily all of them), brought to the training images' size. When neither folder
   * gives a size, the test images must already have the training images' size.
   */
  public static LoadedImages loadTest(ImageFolderSource test, LoadedImages train) {
    ImageFolderScan scan = scan(test);
    List<String> classes = train.table().classes();
    for (ImageFolderScan.ClassFolder c : scan.classes()) {
      if (!classes.contains(c.name())) {
        throw new DataException(c.folder(), 0, null, "class `" + c.name() + "` does not occur in the training folder "
            + train.table().file() + " " + classes + "; remove it, or add the class to the training folder");
      }
    }
    if (test.size() != null && !test.size().equals(train.size())) {
      throw new DataException(test.folder(), 0, null, "size " + test.size().asSpec() + " differs from the training"
          + " folder's " + train.size().asSpec() + "; give both the same size, or leave it out for the test folder");
    }
    return read(test, scan, classes, train.size(), test.size() == null && !train.scaled());
  }

  private static ImageFolderScan scan(ImageFolderSource source) {
    ImageFolderScan scan = ImageFolderScan.of(source.folder());
    if (scan.classes().isEmpty()) {
      throw new DataException(source.folder(), 0, null, "has no class subfolders; put the images of each class"
          + " in a subfolder named after the class (" + source.folder().resolve("cat").resolve("1.png") + ", ...)");
    }
    if (!scan.looseImages().isEmpty()) {
      throw new DataException(scan.looseImages().get(0), 0, null, "is outside the class subfolders ("
          + scan.looseImages().size() + " such image" + (scan.looseImages().size() == 1 ? "" : "s")
          + "); move each image into the subfolder of its class");
    }
    for (ImageFolderScan.ClassFolder c : scan.classes()) {
      if (c.images().isEmpty()) {
        throw new DataException(c.folder(), 0, null, "the class folder `" + c.name() + "` has no images ("
            + String.join(", ", ImageDecoder.EXTENSIONS.stream().sorted().map(e -> "." + e).toList())
            + "); add some, or remove the folder");
      }
    }
    return scan;
  }

  /** One decoded file: its pixels (null when unreadable), its own size and whether it is stored in gray. */
  private record Pixels(float[] values, int height, int width, boolean gray, String problem) {}

  /**
   * @param target the size to bring every image to; null: each image's own, which must then be the same
   * @param strict every image must already have the target's height and width
   */
  private static LoadedImages read(ImageFolderSource source, ImageFolderScan scan, List<String> classes,
      ImageSize target, boolean strict) {
    List<Path> files = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      index.put(classes.get(i), i);
    }
    for (ImageFolderScan.ClassFolder c : scan.classes()) {
      for (Path file : c.images()) {
        files.add(file);
        labels.add(index.get(c.name()));
      }
    }
    Pixels[] decoded = new Pixels[files.size()];
    IntStream.range(0, files.size()).parallel().forEach(i -> decoded[i] = decode(files.get(i), target));

    List<UnreadableImage> unreadable = new ArrayList<>();
    for (int i = 0; i < decoded.length; i++) {
      if (decoded[i].problem() != null) {
        unreadable.add(new UnreadableImage(files.get(i), decoded[i].problem()));
      }
    }
    if (!unreadable.isEmpty() && !source.skipUnreadable()) {
      UnreadableImage first = unreadable.get(0);
      String more = unreadable.size() > 1 ? " (and " + (unreadable.size() - 1) + " more unreadable files)" : "";
      throw new DataException(first.file(), 0, null, "cannot be read as an image: " + first.reason() + more + "; "
          + SKIP_HELP);
    }
    List<float[]> features = new ArrayList<>();
    List<Path> kept = new ArrayList<>();
    List<Integer> keptLabels = new ArrayList<>();
    Path sized = null;
    Pixels first = null;
    boolean allGray = true;
    for (int i = 0; i < decoded.length; i++) {
      Pixels p = decoded[i];
      if (p.problem() != null) {
        continue;
      }
      if (first == null) {
        first = p;
        sized = files.get(i);
      }
      if (strict) {
        int wantHeight = target != null ? target.height() : first.height();
        int wantWidth = target != null ? target.width() : first.width();
        if (p.height() != wantHeight || p.width() != wantWidth) {
          throw mixedSizes(files.get(i), p, target != null ? null : sized, wantHeight, wantWidth, first);
        }
      }
      allGray &= p.gray();
      features.add(p.values());
      kept.add(files.get(i));
      keptLabels.add(labels.get(i));
    }
    if (!unreadable.isEmpty()) {
      checkEveryClassKept(scan, new java.util.HashSet<>(kept));
    }
    ImageSize size = target;
    if (size == null) {
      size = new ImageSize(first.height(), first.width(), allGray ? 1 : 3);
      if (allGray) {
        features.replaceAll(ImageFolderLoader::firstChannel);
      }
    }
    double[] y = keptLabels.stream().mapToDouble(Integer::doubleValue).toArray();
    int[] rows = IntStream.rangeClosed(1, kept.size()).toArray();
    Table table = new Table(source.folder(), new PixelNames(size), "class", features.toArray(new float[0][]), y,
        List.copyOf(classes), rows);
    return new LoadedImages(table, size, List.copyOf(kept), List.copyOf(unreadable), !strict);
  }

  private static Pixels decode(Path file, ImageSize target) {
    try {
      ImageDecoder.Decoded d = ImageDecoder.decode(file);
      int h = d.image().getHeight();
      int w = d.image().getWidth();
      ImageSize size = target != null ? target : new ImageSize(h, w, 3);
      return new Pixels(ImageDecoder.pixels(d.image(), size), h, w, d.grayscale(), null);
    } catch (ImageDecoder.UnreadableException e) {
      return new Pixels(null, 0, 0, false, e.getMessage());
    }
  }

  private static float[] firstChannel(float[] rgb) {
    float[] gray = new float[rgb.length / 3];
    for (int i = 0; i < gray.length; i++) {
      gray[i] = rgb[3 * i]; // stored in gray, so red, green and blue are equal
    }
    return gray;
  }

  private static DataException mixedSizes(Path file, Pixels p, Path sized, int height,
      int width, Pixels first) {
    String than = sized != null ? sized + " is " + dimensions(height, width) : "the training images are "
        + dimensions(height, width);
    int channels = first.gray() && p.gray() ? 1 : 3;
    return new DataException(file, 0, null, "is " + dimensions(p.height(), p.width()) + ", but " + than
        + "; without a `size` all images must have the same size: give one to scale them all to, such as "
        + "`images(..., size = image(" + height + ", " + width + ", " + channels
        + "))`");
  }

  private static String dimensions(int height, int width) {
    return width + " pixels wide and " + height + " high";
  }

  private static void checkEveryClassKept(ImageFolderScan scan, java.util.Set<Path> kept) {
    for (ImageFolderScan.ClassFolder c : scan.classes()) {
      if (c.images().stream().noneMatch(kept::contains)) {
        throw new DataException(c.folder(), 0, null, "every image of the class `" + c.name()
            + "` is unreadable; fix them, or remove the folder");
      }
    }
  }
}
