package dev.hyp.runtime.dl4j;

import static dev.hyp.runtime.dl4j.LayerTestData.IMAGE;
import static dev.hyp.runtime.dl4j.LayerTestData.bits;
import static dev.hyp.runtime.dl4j.LayerTestData.imageBatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Max pooling layers that keep their arg-maxes for the backward pass train bit for bit what DL4J's train. */
@ExtendWith(Nd4jPatchesExtension.class)
class ReusingSubsamplingLayerTest {

  @Test
  void trainsBitForBitWhatDl4jsLayerTrains() {
    // 9x9 -> 4x4 (truncate: the last row and column in no window) -> 2x2; ReLU's zeros make ties
    compare("2x2 twice", () -> network().conv2d(4, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null)
        .conv2d(5, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null).dense(8, Activation.RELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null), 2);
    compare("3x3 on tanh, then an overlapping pool (DL4J's)", () -> network().conv2d(4, 3, 1, Padding.SAME,
        Activation.TANH).maxpool(3, null).maxpool(2, 1).output(Activation.SOFTMAX, Loss.MCXENT, null), 1);
    compare("dropout before the pool", () -> network().conv2d(4, 3, 1, Padding.VALID, Activation.SIGMOID)
        .dropout(0.3).maxpool(2, null).output(Activation.SOFTMAX, Loss.MCXENT, null), 1);
  }

  @Test
  void aTrialTrainsTheSameNetworkWithAndWithoutTheLayer(@TempDir Path dir) throws IOException {
    ExperimentData data = images(dir.resolve("images.csv"));
    TrainResult ours = trial(data);
    TrainResult stock = withSwitch(() -> trial(data));
    assertInstanceOf(ReusingSubsamplingLayer.class, ours.network().getLayer(1));
    assertEquals(SubsamplingLayer.class, stock.network().getLayer(1).getClass());
    assertArrayEquals(bits(stock.network().params()), bits(ours.network().params()));
    assertArrayEquals(stock.history(), ours.history());
    assertEquals(stock.validation(), ours.validation());
    assertEquals(stock.test(), ours.test());
  }

  @Test
  void aSavedModelIsPlainDl4j() throws IOException {
    // no convolution: on the oneDNN build hyp's convolution layer (not the loaded DL4J one) computes other bits
    MultiLayerNetwork ours = NetworkBuilder.build(network().maxpool(2, null).dense(6, Activation.RELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null).configuration());
    assertInstanceOf(ReusingSubsamplingLayer.class, ours.getLayer(0));
    ours.fit(imageBatch(0, 8));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(ours, bytes, true);
    MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()),
        true);
    assertEquals(SubsamplingLayer.class, loaded.getLayer(0).getClass());
    INDArray x = imageBatch(1, 5).getFeatures();
    assertArrayEquals(bits(ours.output(x, false)), bits(loaded.output(x, false)));
    loaded.fit(imageBatch(2, 8));
    ours.fit(imageBatch(2, 8));
    assertArrayEquals(bits(ours.params()), bits(loaded.params()));
  }

  private static NetworkBuilder network() {
    return new NetworkBuilder(4, IMAGE, Task.CLASSIFICATION, 3).updater(Updater.ADAM, Map.of("lr", 0.01));
  }

  /**
   * Trains the builder's network with hyp's pooling layers and with DL4J's (the switch set; hyp's other
   * layers in both), step by step on the same batches (a shorter one every fourth step, inference and a
   * score in between), and compares parameters, scores and outputs to the bit after every step.
   */
  private static void compare(String what, Supplier<NetworkBuilder> builder, int taken) {
    MultiLayerConfiguration conf = builder.get().configuration();
    MultiLayerNetwork ours = NetworkBuilder.build(conf.clone());
    MultiLayerNetwork stock = withSwitch(() -> NetworkBuilder.build(conf.clone()));
    assertEquals(taken, Arrays.stream(ours.getLayers()).filter(l -> l instanceof ReusingSubsamplingLayer).count(), what);
    assertEquals(0, Arrays.stream(stock.getLayers()).filter(l -> l instanceof ReusingSubsamplingLayer).count(), what);
    for (int step = 0; step < 12; step++) {
      DataSet data = imageBatch(step, step % 4 == 3 ? 5 : 8);
      Nd4j.getRandom().setSeed(1000 + step); // the same dropout masks for both
      stock.fit(data);
      Nd4j.getRandom().setSeed(1000 + step);
      ours.fit(data);
      String at = what + ", step " + step;
      assertArrayEquals(bits(stock.params()), bits(ours.params()), at);
      assertEquals(Double.doubleToRawLongBits(stock.score()), Double.doubleToRawLongBits(ours.score()), at);
      if (step % 3 == 1) {
        DataSet other = imageBatch(100 + step, 6);
        assertArrayEquals(bits(stock.output(other.getFeatures(), false)), bits(ours.output(other.getFeatures(), false)),
            at);
        assertEquals(Double.doubleToRawLongBits(stock.score(other, false)),
            Double.doubleToRawLongBits(ours.score(other, false)), at);
      }
    }
  }

  private static <T> T withSwitch(Supplier<T> run) {
    String before = System.getProperty(ReusingSubsamplingLayer.SWITCH);
    System.setProperty(ReusingSubsamplingLayer.SWITCH, "true");
    try {
      return run.get();
    } finally {
      if (before == null) {
        System.clearProperty(ReusingSubsamplingLayer.SWITCH);
      } else {
        System.setProperty(ReusingSubsamplingLayer.SWITCH, before);
      }
    }
  }

  /** 150 seeded 12x12 images of 3 classes (a bright quadrant per class, on noise). */
  private static ExperimentData images(Path csv) throws IOException {
    Random random = new Random(5);
    StringBuilder text = new StringBuilder();
    for (int p = 0; p < 144; p++) {
      text.append('p').append(p).append(',');
    }
    text.append("label\n");
    for (int row = 0; row < 150; row++) {
      int label = row % 3;
      for (int p = 0; p < 144; p++) {
        int y = p / 12;
        int x = p % 12;
        boolean bright = (label == 0 && y < 6 && x < 6) || (label == 1 && y >= 6 && x >= 6) || (label == 2 && y < 6 && x >= 6);
        text.append(random.nextInt(4) == 0 ? 0 : (bright ? 150 : 0) + random.nextInt(100)).append(',');
      }
      text.append("c").append(label).append('\n');
    }
    Files.writeString(csv, text);
    return ExperimentData.load(CsvSource.of(csv, "label"), null, Task.CLASSIFICATION, new Split.Holdout(0.2, 0.2),
        new int[] {12, 12, 1}, 7);
  }

  private static TrainResult trial(ExperimentData data) {
    NetworkBuilder net = new NetworkBuilder(3, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
        .updater(Updater.ADAM, Map.of("lr", 0.01)).conv2d(4, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null)
        .conv2d(4, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null).dense(8, Activation.RELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null);
    return Trainer.train(net, data, dev.hyp.runtime.data.Normalization.NONE, "mcxent",
        TrainOptions.of(3, 16, "accuracy", 1), EpochCallback.NONE);
  }
}
