package dev.hyp.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.data.images.ImageFolderSource;
import dev.hyp.runtime.data.images.ImageSize;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import dev.hyp.runtime.vocab.Strategy;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An `images(...)` spec on Spark: with a local master its trials are the threads' trials; on a
 * cluster the driver ships the folder (class subfolders and files) and an executor reads the same
 * images and split from Spark's copy.
 */
class SparkImageFolderTest {
  @TempDir
  static Path dir;

  /** 8x8 gray PNGs: `top` is bright above, `bottom` below, with noise; 12 of each. */
  @BeforeAll
  static void images() throws Exception {
    Random random = new Random(5);
    for (String label : new String[] {"top", "bottom"}) {
      Path folder = Files.createDirectories(dir.resolve("data/train").resolve(label));
      for (int n = 0; n < 12; n++) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            boolean bright = label.equals("top") == (y < 4);
            int value = (bright ? 200 : 40) + random.nextInt(40);
            image.getRaster().setSample(x, y, 0, value);
          }
        }
        ImageIO.write(image, "png", folder.resolve(n + ".png").toFile());
      }
    }
  }

  @Test
  void anImageFolderSpecRunsOnSparkAsOnThreads() throws Exception {
    Path spec = Files.writeString(dir.resolve("imgs.hyp"), """
        experiment imgs {
          seed = 3
          data {
            source = images("data/train", size = image(8, 8, 1))
            split  = holdout(validation = 0.25)
          }
          params {
            lr = choice(0.01, 0.05)
          }
          model {
            updater = adam(lr = lr)
            conv2d(filters = 4, kernel = 3)
            maxpool()
            output(activation = softmax, loss = mcxent)
          }
          train {
            epochs = 2
            batch  = 8
          }
          search grid {
            trials   = 2
            parallel = 2
          }
          objective = maximize accuracy on validation
        }
        """);
    SparkRunTest.Run threads = SparkRunTest.hyp("run", spec.toString(), "--out", dir.resolve("threads").toString());
    assertEquals(0, threads.exit(), threads.out() + threads.err());
    SparkRunTest.Run spark = SparkRunTest.hyp("run", spec.toString(), "--spark", "local[2]", "--out",
        dir.resolve("spark").toString());
    assertEquals(0, spark.exit(), spark.out() + spark.err());
    assertTrue(spark.out().contains("hyp: training on Spark local[2]"), spark.out());
    JsonNode expected = SparkRunTest.trials(dir.resolve("threads"));
    JsonNode actual = SparkRunTest.trials(dir.resolve("spark"));
    assertEquals(2, actual.size(), actual.toString());
    for (int i = 0; i < 2; i++) {
      assertEquals("complete", actual.get(i).get("state").asText(), actual.get(i).toString());
      assertEquals(expected.get(i).get("params"), actual.get(i).get("params"));
      assertEquals(expected.get(i).get("value"), actual.get(i).get("value"));
      assertEquals(expected.get(i).get("intermediate"), actual.get(i).get("intermediate"));
    }
    assertTrue(Files.isRegularFile(dir.resolve("spark/best-model.zip")));
  }

  @Test
  void aShippedFolderGivesAnExecutorTheDriversImagesAndSplit() {
    Path folder = dir.resolve("data/train");
    ExperimentDefinition definition = ExperimentDefinition.builder("imgs").spec("", "0").task(Task.CLASSIFICATION)
        .images("data/train", 8, 8, 1, false).split(new Split.Holdout(0.25, 0)).search(Strategy.RANDOM)
        .maximize("accuracy", "validation").build();
    ExperimentData driver = ExperimentData.loadImages(new ImageFolderSource(folder, new ImageSize(8, 8, 1), false),
        null, new Split.Holdout(0.25, 0), 9);
    JavaSparkContext spark = LocalSpark.start();
    try {
      String name = SparkTrialExecutor.shipFolder(spark, folder);
      assertEquals("train", name);
      ExperimentData executor = Dl4jTrialFunction.shippedData(definition, name, null, 9);
      assertEquals(driver.classes(), executor.classes());
      assertArrayEquals(driver.parts().get(0).train(), executor.parts().get(0).train());
      assertArrayEquals(driver.parts().get(0).validation(), executor.parts().get(0).validation());
      float[][] expected = driver.table().features();
      float[][] actual = executor.table().features();
      assertEquals(expected.length, actual.length);
      for (int i = 0; i < expected.length; i++) {
        assertArrayEquals(expected[i], actual[i], "image " + i);
      }
    } finally {
      spark.stop();
    }
  }
}
