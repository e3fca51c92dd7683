package dev.hyp.runtime.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.data.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderLoaderTest {
  @TempDir
  Path dir;

  private static ImageFolderSource source(Path folder, ImageSize size) {
    return new ImageFolderSource(folder, size, false);
  }

  @Test
  void theSubfoldersAreTheClassesSortedAsCsvClassesAndEveryFormatReads() {
    Path train = dir.resolve("train");
    TestImages.solid(train.resolve("10/a.png"), 4, 4, 0xff0000);
    TestImages.solid(train.resolve("9/b.jpg"), 4, 4, 0x00ff00);
    TestImages.solid(train.resolve("9/nested/c.bmp"), 4, 4, 0x0000ff);
    TestImages.solid(train.resolve("2/d.gif"), 4, 4, 0xffffff);
    LoadedImages loaded = ImageFolderLoader.load(source(train, new ImageSize(2, 2, 3)));
    Table table = loaded.table();
    assertEquals(List.of("2", "9", "10"), table.classes()); // numerically, as a CSV's classes
    assertEquals(4, table.size());
    assertEquals(12, table.featureCount());
    assertEquals("y1_x1_c2", table.featureNames().get(11));
    assertEquals(List.of(train.resolve("2/d.gif"), train.resolve("9/b.jpg"), train.resolve("9/nested/c.bmp"),
        train.resolve("10/a.png")), loaded.files());
    assertArrayEquals(new double[] {0, 1, 1, 2}, table.labels());
    assertArrayEquals(new float[] {1, 1, 1}, java.util.Arrays.copyOf(table.features()[0], 3));
    assertArrayEquals(new float[] {0, 0, 1}, java.util.Arrays.copyOf(table.features()[2], 3));
    assertArrayEquals(new float[] {1, 0, 0}, java.util.Arrays.copyOf(table.features()[3], 3));
    float[] jpeg = table.features()[1]; // lossy, but green stays green
    assertTrue(jpeg[1] > 0.9 && jpeg[0] < 0.1 && jpeg[2] < 0.1, java.util.Arrays.toString(jpeg));
  }

  @Test
  void pixelsAreRowByRowInZeroToOneAndGrayKeepsItsValues() {
    Path train = dir.resolve("train");
    TestImages.grayRamp(train.resolve("a/ramp.png"), 3, 2);
    TestImages.solid(train.resolve("b/red.png"), 3, 2, 0xff0000);
    LoadedImages gray = ImageFolderLoader.load(source(train, new ImageSize(2, 3, 1)));
    assertArrayEquals(new float[] {0, 1 / 255f, 2 / 255f, 3 / 255f, 4 / 255f, 5 / 255f}, gray.table().features()[0]);
    assertEquals(0.299f, gray.table().features()[1][0], 1e-3); // red's luma
    LoadedImages rgb = ImageFolderLoader.load(source(train, new ImageSize(2, 3, 3)));
    assertArrayEquals(new float[] {4 / 255f, 4 / 255f, 4 / 255f}, java.util.Arrays.copyOfRange(
        rgb.table().features()[0], 12, 15)); // row 1, column 1: gray repeated in each channel
  }

  @Test
  void everyImageIsScaledToTheSizeWholeAndBilinear() {
    Path train = dir.resolve("train");
    TestImages.solid(train.resolve("a/big.png"), 40, 10, 0x336699);
    TestImages.solid(train.resolve("b/small.png"), 2, 3, 0x336699);
    LoadedImages loaded = ImageFolderLoader.load(source(train, new ImageSize(4, 4, 3)));
    for (float[] row : loaded.table().features()) {
      assertEquals(48, row.length);
      for (int i = 0; i < row.length; i += 3) {
        assertArrayEquals(new float[] {0x33 / 255f, 0x66 / 255f, 0x99 / 255f}, new float[] {row[i], row[i + 1],
            row[i + 2]});
      }
    }
  }

  /** Stripes one pixel wide average to about their mean when scaled down 7 times, rather than alias. */
  @Test
  void aLargeImageIsAveragedDownNotSampled() {
    java.awt.image.BufferedImage stripes = new java.awt.image.BufferedImage(63, 63,
        java.awt.image.BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 63; y++) {
      for (int x = 0; x < 63; x++) {
        stripes.setRGB(x, y, x % 2 == 0 ? 0xffffff : 0);
      }
    }
    Path train = dir.resolve("train");
    TestImages.write(stripes, train.resolve("a/stripes.png"));
    TestImages.solid(train.resolve("b/1.png"), 9, 9, 0);
    float[] pixels = ImageFolderLoader.load(source(train, new ImageSize(9, 9, 1))).table().features()[0];
    for (float p : pixels) {
      assertEquals(0.5f, p, 0.01f, java.util.Arrays.toString(pixels));
    }
  }

  @Test
  void withoutASizeTheImagesOwnIsUsedGrayWhenAllAreGray() {
    Path train = dir.resolve("train");
    TestImages.grayRamp(train.resolve("a/1.png"), 5, 3);
    TestImages.grayRamp(train.resolve("b/2.png"), 5, 3);
    assertEquals(new ImageSize(3, 5, 1), ImageFolderLoader.load(source(train, null)).size());
    TestImages.solid(train.resolve("b/3.png"), 5, 3, 0x102030);
    LoadedImages colour = ImageFolderLoader.load(source(train, null));
    assertEquals(new ImageSize(3, 5, 3), colour.size());
    assertEquals(45, colour.table().featureCount());
  }

  @Test
  void imagesOfMixedSizesWithoutASizeNameBothFilesAndTheSizeToGive() {
    Path train = dir.resolve("train");
    TestImages.solid(train.resolve("a/1.png"), 8, 6, 0);
    TestImages.solid(train.resolve("b/2.png"), 7, 6, 0);
    DataException e = assertThrows(DataException.class, () -> ImageFolderLoader.load(source(train, null)));
    assertEquals(train.resolve("b/2.png") + ": is 7 pixels wide and 6 high, but " + train.resolve("a/1.png")
        + " is 8 pixels wide and 6 high; without a `size` all images must have the same size: give one to scale"
        + " them all to, such as `images(..., size = image(6, 8, 3))`", e.getMessage());
  }

  @Test
  void aCorruptImageStopsTheLoadWithItsPathUnlessSkipped() {
    Path train = dir.resolve("train");
    TestImages.solid(train.resolve("a/1.png"), 2, 2, 0);
    TestImages.solid(train.resolve("b/2.png"), 2, 2, 0);
    Path corrupt = TestImages.corrupt(train.resolve("b/3.png"));
    DataException e = assertThrows(DataException.class,
        () -> ImageFolderLoader.load(source(train, new ImageSize(2, 2, 1))));
    assertEquals(corrupt, e.file());
    assertTrue(e.getMessage().startsWith(corrupt + ": cannot be read as an image: "), e.getMessage());
    assertTrue(e.getMessage().endsWith("; fix or remove it, or skip unreadable files with "
        + "`images(..., skip_unreadable = true)`"), e.getMessage());

    LoadedImages skipped = ImageFolderLoader.load(new ImageFolderSource(train, new ImageSize(2, 2, 1), true));
    assertEquals(2, skipped.table().size());
    assertEquals(List.of(corrupt), skipped.skipped().stream().map(UnreadableImage::file).toList());
    assertTrue(skipped.skippedLine().startsWith("skipped 1 unreadable image in " + train + " (the first: "
        + corrupt + ": "), skipped.skippedLine());
    assertNull(ImageFolderLoader.load(cleanCopy()).skippedLine()); // nothing to say when nothing was skipped
  }

  @Test
  void aFolderMissingEmptyOrWithoutClassesSaysWhat() throws IOException {
    Path missing = dir.resolve("missing");
    assertEquals(missing + ": no such folder", message(missing));
    Path flat = dir.resolve("flat");
    TestImages.solid(flat.resolve("1.png"), 2, 2, 0);
    assertTrue(message(flat).startsWith(flat + ": has no class subfolders; put the images of each class in a"
        + " subfolder named after the class"), message(flat));
    Path loose = dir.resolve("loose");
    TestImages.solid(loose.resolve("a/1.png"), 2, 2, 0);
    TestImages.solid(loose.resolve("b/1.png"), 2, 2, 0);
    TestImages.solid(loose.resolve("stray.png"), 2, 2, 0);
    assertEquals(loose.resolve("stray.png") + ": is outside the class subfolders (1 such image); move each image"
        + " into the subfolder of its class", message(loose));
    Path empty = dir.resolve("empty");
    TestImages.solid(empty.resolve("a/1.png"), 2, 2, 0);
    Files.createDirectories(empty.resolve("b"));
    Files.writeString(empty.resolve("b/notes.txt"), "not an image");
    assertEquals(empty.resolve("b") + ": the class folder `b` has no images (.bmp, .gif, .jpeg, .jpg, .png); add"
        + " some, or remove the folder", message(empty));
    Path single = dir.resolve("single");
    TestImages.solid(single.resolve("a/1.png"), 2, 2, 0);
    assertEquals(single + ": has a single class `a`; classification needs at least two class subfolders",
        message(single));
  }

  @Test
  void hiddenFilesAndOtherExtensionsAreIgnored() throws IOException {
    Path train = dir.resolve("train");
    TestImages.solid(train.resolve("a/1.png"), 2, 2, 0);
    TestImages.solid(train.resolve("b/2.PNG"), 2, 2, 0);
    Files.writeString(train.resolve("a/.DS_Store"), "junk");
    Files.writeString(train.resolve("a/labels.txt"), "junk");
    Files.writeString(train.resolve("README.md"), "junk");
    TestImages.corrupt(train.resolve(".cache/x.png"));
    TestImages.corrupt(train.resolve("a/.thumbs/x.png"));
    LoadedImages loaded = ImageFolderLoader.load(source(train, new ImageSize(2, 2, 1)));
    assertEquals(List.of("a", "b"), loaded.table().classes());
    assertEquals(2, loaded.table().size());
  }

  @Test
  void aLinkedClassFolderIsFollowed() throws IOException {
    Path train = dir.resolve("train");
    TestImages.solid(train.resolve("a/1.png"), 2, 2, 0);
    TestImages.solid(dir.resolve("elsewhere/1.png"), 2, 2, 0);
    TestImages.solid(dir.resolve("elsewhere/2.png"), 2, 2, 0);
    Files.createSymbolicLink(train.resolve("b"), dir.resolve("elsewhere"));
    LoadedImages loaded = ImageFolderLoader.load(source(train, null));
    assertArrayEquals(new double[] {0, 1, 1}, loaded.table().labels());
  }

  @Test
  void aTestFolderTakesTheTrainingSizeAndOnlyItsClasses() {
    Path train = dir.resolve("train");
    TestImages.solid(train.resolve("a/1.png"), 4, 4, 0);
    TestImages.solid(train.resolve("b/1.png"), 4, 4, 0);
    TestImages.solid(train.resolve("c/1.png"), 4, 4, 0);
    Path test = dir.resolve("test");
    TestImages.solid(test.resolve("c/1.png"), 9, 9, 0xffffff);
    LoadedImages trained = ImageFolderLoader.load(source(train, new ImageSize(2, 2, 1)));
    LoadedImages tested = ImageFolderLoader.loadTest(source(test, null), trained);
    assertEquals(List.of("a", "b", "c"), tested.table().classes());
    assertArrayEquals(new double[] {2}, tested.table().labels());
    assertArrayEquals(new float[] {1, 1, 1, 1}, tested.table().features()[0]);

    TestImages.solid(test.resolve("d/1.png"), 4, 4, 0);
    DataException e = assertThrows(DataException.class, () -> ImageFolderLoader.loadTest(source(test, null), trained));
    assertEquals(test.resolve("d") + ": class `d` does not occur in the training folder " + train
        + " [a, b, c]; remove it, or add the class to the training folder", e.getMessage());
  }

  @Test
  void aTestFolderWithoutASizeMustHaveTheTrainingImagesSize() {
    Path train = dir.resolve("train");
    TestImages.solid(train.resolve("a/1.png"), 4, 4, 0);
    TestImages.solid(train.resolve("b/1.png"), 4, 4, 0);
    Path test = dir.resolve("test");
    TestImages.solid(test.resolve("a/1.png"), 5, 4, 0);
    LoadedImages trained = ImageFolderLoader.load(source(train, null));
    DataException e = assertThrows(DataException.class, () -> ImageFolderLoader.loadTest(source(test, null), trained));
    assertTrue(e.getMessage().startsWith(test.resolve("a/1.png") + ": is 5 pixels wide and 4 high, but the training"
        + " images are 4 pixels wide and 4 high"), e.getMessage());
  }

  private ImageFolderSource cleanCopy() {
    Path clean = dir.resolve("clean");
    TestImages.solid(clean.resolve("a/1.png"), 2, 2, 0);
    TestImages.solid(clean.resolve("b/1.png"), 2, 2, 0);
    return new ImageFolderSource(clean, null, true);
  }

  private static String message(Path folder) {
    return assertThrows(DataException.class, () -> ImageFolderLoader.load(source(folder, null))).getMessage();
  }
}
