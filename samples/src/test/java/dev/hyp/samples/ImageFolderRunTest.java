package dev.hyp.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.images.ImageFiles;
import dev.hyp.runtime.data.images.ImageFolderLoader;
import dev.hyp.runtime.data.images.ImageFolderSource;
import dev.hyp.runtime.data.images.ImageSize;
import dev.hyp.runtime.data.images.LoadedImages;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.samples.data.ShapeImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on image folders: a folder of generated PNG shapes trains a CNN for real, and the best
 * model predicts from the loader's rows and from image files; every mistake in a folder is one line
 * naming the folder or file, with exit 2.
 */
class ImageFolderRunTest {
  @TempDir
  Path dir;

  private static final String MODEL = """
        model {
          updater = adam(lr = lr)
          conv2d(filters = 8, kernel = 3, activation = relu)
          maxpool(size = 2)
          dense(units = 32, activation = relu)
          output(activation = softmax, loss = mcxent)
        }
      """;

  private Path spec(String data, String params) throws IOException {
    return Files.writeString(dir.resolve("images.hyp"), "experiment images {\n  seed = 7\n  data {\n" + data
        + "\n  }\n  params {\n" + params + "\n  }\n" + MODEL + """
          train {
            epochs = 12
            batch  = 16
          }
          search random {
            trials = 2
          }
          objective = maximize accuracy on validation
        }
        """);
  }

  @Test
  void aFolderOfGeneratedPngsTrainsACnnWhoseBestModelPredicts() throws IOException {
    ShapeImages.write(dir.resolve("train"), 11, 40);
    ShapeImages.write(dir.resolve("test"), 12, 10);
    Path spec = spec("""
            source = images("train", size = image(16, 16, 1))
            test   = images("test")
            split  = holdout(validation = 0.25)
        """, "    lr = loguniform(3e-3, 1e-2)");
    Path out = dir.resolve("run");
    SamplesRunTest.Run run = SamplesRunTest.hyp("run", spec.toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());

    SavedModel model = SavedModel.load(out.resolve("best-model.zip"));
    assertEquals(List.of("circle", "cross", "square", "triangle"), model.metadata().classes());
    assertEquals(new ImageFiles(new ImageSize(16, 16, 1)), model.metadata().rowEncoding());
    LoadedImages test = ImageFolderLoader.load(new ImageFolderSource(dir.resolve("test"), new ImageSize(16, 16, 1),
        false));
    double[][] rows = new double[test.table().size()][];
    for (int i = 0; i < rows.length; i++) {
      float[] pixels = test.table().features()[i];
      rows[i] = new double[pixels.length];
      for (int j = 0; j < pixels.length; j++) {
        rows[i][j] = pixels[j];
      }
    }
    List<String> predicted = model.predictClasses(rows);
    int right = 0;
    for (int i = 0; i < rows.length; i++) {
      right += predicted.get(i).equals(test.table().classes().get(test.table().classOf(i))) ? 1 : 0;
    }
    assertTrue(right >= rows.length / 2, "only " + right + " of " + rows.length + " right: " + predicted);

    // the saved encoding reads an image file as training read it
    double[] encoded = new double[model.metadata().rowEncoding().width()];
    model.metadata().rowEncoding().encode(new String[] {test.files().get(0).toString()}, encoded);
    assertEquals(predicted.get(0), model.predictClasses(new double[][] {encoded}).get(0));
  }

  @Test
  void skippedUnreadableImagesAreCountedInOneLine() throws IOException {
    ShapeImages.write(dir.resolve("train"), 3, 8);
    Files.write(dir.resolve("train/circle/broken.png"), new byte[] {1, 2, 3});
    Files.writeString(dir.resolve("train/cross/truncated.jpg"), "not a jpeg");
    Path spec = spec("    source = images(\"train\", size = image(12, 12, 1), skip_unreadable = true)",
        "    lr = 0.01");
    SamplesRunTest.Run run = SamplesRunTest.hyp("run", spec.toString(), "--out", dir.resolve("run").toString(),
        "--trials", "1", "--max-epochs", "1");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("hyp: skipped 2 unreadable images in " + dir.resolve("train") + " (the first: "
        + dir.resolve("train/circle/broken.png") + ": "), run.out());
  }

  @Test
  void aCorruptImageIsNamedWithExit2() throws IOException {
    ShapeImages.write(dir.resolve("train"), 3, 4);
    Path broken = Files.write(dir.resolve("train/square/0002.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    String err = failsWithExit2("    source = images(\"train\", size = image(12, 12, 1))");
    assertTrue(err.startsWith("hyp: " + broken + ": cannot be read as an image: "), err);
    assertTrue(err.contains("skip unreadable files with `images(..., skip_unreadable = true)`"), err);
  }

  @Test
  void imagesOfMixedSizesWithoutASizeSayWhichAndTheSizeToGive() throws IOException {
    ShapeImages.write(dir.resolve("train"), 3, 4); // the generator draws sizes from 20 to 28 pixels
    String err = failsWithExit2("    source = images(\"train\")");
    assertTrue(err.matches("(?s)hyp: .*train/circle/000\\d\\.png: is \\d+ pixels wide and \\d+ high, but .*"
        + "train/circle/0000\\.png is \\d+ pixels wide and \\d+ high; without a `size` all images must have the same"
        + " size: give one to scale them all to, such as `images\\(\\.\\.\\., size = image\\(\\d+, \\d+, 3\\)\\)`\n"),
        err);
  }

  @Test
  void anEmptyClassFolderIsNamedWithExit2() throws IOException {
    ShapeImages.write(dir.resolve("train"), 3, 4);
    Files.createDirectories(dir.resolve("train/star"));
    Files.writeString(dir.resolve("train/star/notes.txt"), "to do");
    String err = failsWithExit2("    source = images(\"train\", size = image(12, 12, 1))");
    assertEquals("hyp: " + dir.resolve("train/star") + ": the class folder `star` has no images (.bmp, .gif, .jpeg,"
        + " .jpg, .png); add some, or remove the folder\n", err);
  }

  @Test
  void aTestFolderWithAClassTheTrainingFolderLacksIsNamedWithExit2() throws IOException {
    ShapeImages.write(dir.resolve("train"), 3, 4);
    ShapeImages.write(dir.resolve("test"), 4, 2);
    Files.move(dir.resolve("test/cross"), dir.resolve("test/plus"));
    String err = failsWithExit2("""
            source = images("train", size = image(12, 12, 1))
            test   = images("test")
        """);
    assertEquals("hyp: " + dir.resolve("test/plus") + ": class `plus` does not occur in the training folder "
        + dir.resolve("train") + " [circle, cross, square, triangle]; remove it, or add the class to the training"
        + " folder\n", err);
  }

  @Test
  void aMissingFolderIsReportedByCheckAndRunWithExit2() throws IOException {
    Path spec = spec("    source = images(\"pictures\", size = image(12, 12, 1))", "    lr = 0.01");
    SamplesRunTest.Run check = SamplesRunTest.hyp("check", spec.toString());
    assertEquals(2, check.exit(), check.out() + check.err());
    assertTrue((check.out() + check.err()).contains("error[HYP070]: image folder `pictures` not found"),
        check.out() + check.err());
    SamplesRunTest.Run run = SamplesRunTest.hyp("run", spec.toString(), "--out", dir.resolve("run").toString());
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("image folder `pictures` not found"), run.err());
  }

  private String failsWithExit2(String data) throws IOException {
    Path spec = spec(data, "    lr = loguniform(1e-3, 1e-2)"); // a space of one point would add a warning (HYP103)
    SamplesRunTest.Run run = SamplesRunTest.hyp("run", spec.toString(), "--out", dir.resolve("run").toString(),
        "--trials", "1", "--max-epochs", "1");
    assertEquals(2, run.exit(), run.out() + run.err());
    assertTrue(!Files.exists(dir.resolve("run/best-model.zip")));
    return run.err();
  }
}
