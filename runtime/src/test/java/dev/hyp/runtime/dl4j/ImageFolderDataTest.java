package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Splitter;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.data.images.ImageFiles;
import dev.hyp.runtime.data.images.ImageFolderSource;
import dev.hyp.runtime.data.images.ImageSize;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image folder as a run's data: classes, image input, stratified folds, the image row encoding. */
class ImageFolderDataTest {
  @TempDir
  Path dir;

  private void image(Path file, int rgb) throws IOException {
    BufferedImage image = new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 2, rgb);
    Files.createDirectories(file.getParent());
    ImageIO.write(image, "png", file.toFile());
  }

  @Test
  void aFolderIsClassifiedImagesInStratifiedFoldsAndItsRowsNameImageFiles() throws IOException {
    for (int i = 0; i < 6; i++) {
      image(dir.resolve("train/a/" + i + ".png"), 0xff0000);
      image(dir.resolve("train/b/" + i + ".png"), 0x00ff00);
    }
    Files.write(dir.resolve("train/b/bad.png"), new byte[] {1});
    ExperimentData data = ExperimentData.loadImages(new ImageFolderSource(dir.resolve("train"),
        new ImageSize(4, 5, 3), true), null, new Split.KFold(3), 1);
    assertEquals(Task.CLASSIFICATION, data.task());
    assertEquals(List.of("a", "b"), data.classes());
    assertEquals(InputShape.image(4, 5, 3), data.inputShape());
    assertEquals(new ImageFiles(new ImageSize(4, 5, 3)), data.encoding());
    assertEquals(1, data.notes().size());
    assertTrue(data.notes().get(0).startsWith("skipped 1 unreadable image in " + dir.resolve("train")),
        data.notes().get(0));
    assertEquals(3, data.parts().size());
    for (Splitter.Parts part : data.parts()) {
      assertEquals(4, part.validation().length);
      long a = java.util.Arrays.stream(part.validation()).filter(i -> data.table().classOf(i) == 0).count();
      assertEquals(2, a); // stratified
    }
    List<Fold> folds = data.folds(Normalization.NONE, "mcxent");
    // channel by channel for DL4J: red of pixel (y 2, x 1) comes first, at 2 * 5 + 1
    assertEquals(1f, folds.get(0).train().getFeatures().getFloat(0, 11), 0f);
    assertEquals(60, folds.get(0).train().getFeatures().size(1));
  }
}
