package dev.hyp.runtime.data.images;

import dev.hyp.runtime.data.CsvLoader;
import dev.hyp.runtime.data.DataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an image folder holds, without decoding anything: its class subfolders in class order (as
 * {@link CsvLoader} sorts classes) and each one's image files (by extension, searched in nested
 * folders too, links followed, sorted by path). Hidden files and folders (a name starting with ".") and files
 * without an image extension are ignored and counted.
 */
record ImageFolderScan(Path folder, List<ClassFolder> classes, List<Path> looseImages, int ignored) {

  /** One class: its name (the subfolder's), its folder and its image files. */
  record ClassFolder(String name, Path folder, List<Path> images) {}

  /** @throws DataException when the folder is missing, not a folder or cannot be listed */
  static ImageFolderScan of(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new DataException(folder, 0, null, Files.exists(folder)
          ? "not a folder; `images(...)` takes a folder with one subfolder of images per class" : "no such folder");
    }
    try {
      List<Path> subfolders = new ArrayList<>();
      List<Path> loose = new ArrayList<>();
      int ignored = 0;
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path entry : entries.sorted().toList()) {
          if (hidden(entry)) {
            ignored++;
          } else if (Files.isDirectory(entry)) {
            subfolders.add(entry);
          } else if (ImageDecoder.isImageName(entry)) {
            loose.add(entry);
          } else {
            ignored++;
          }
        }
      }
      List<String> names = subfolders.stream().map(p -> p.getFileName().toString()).toList();
      Comparator<String> order = CsvLoader.classOrder(names);
      List<ClassFolder> classes = new ArrayList<>();
      for (Path sub : subfolders.stream().sorted(Comparator.comparing(p -> p.getFileName().toString(), order))
          .toList()) {
        List<Path> images = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sub, FileVisitOption.FOLLOW_LINKS)) { // a linked class folder counts
          for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
            if (ImageDecoder.isImageName(file) && !insideHidden(sub, file)) {
              images.add(file);
            } else {
              ignored++;
            }
          }
        }
        classes.add(new ClassFolder(sub.getFileName().toString(), sub, List.copyOf(images)));
      }
      return new ImageFolderScan(folder, List.copyOf(classes), List.copyOf(loose), ignored);
    } catch (IOException e) {
      throw new DataException(folder, 0, null, "cannot be read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new DataException(folder, 0, null, "cannot be read: " + e.getCause().getMessage());
    }
  }

  private static boolean hidden(Path entry) {
    return entry.getFileName().toString().startsWith(".");
  }

  private static boolean insideHidden(Path classFolder, Path file) {
    for (Path part : classFolder.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Every image file, class by class. */
  int imageCount() {
    return classes.stream().mapToInt(c -> c.images().size()).sum();
  }
}
