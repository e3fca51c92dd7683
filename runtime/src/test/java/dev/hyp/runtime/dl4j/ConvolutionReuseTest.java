package dev.hyp.runtime.dl4j;

import static dev.hyp.runtime.dl4j.LayerTestData.IMAGE;
import static dev.hyp.runtime.dl4j.LayerTestData.bits;
import static dev.hyp.runtime.dl4j.LayerTestData.imageBatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

/** Convolution layers that keep their forward pass for the backward pass train bit for bit what DL4J's train. */
@ExtendWith(Nd4jPatchesExtension.class)
class ConvolutionReuseTest {

  @Test
  void trainsBitForBitWhatDl4jsLayersTrain() {
    compare("same, stride 1; truncate, stride 2; dropout", network().conv2d(6, 3, 1, Padding.SAME,
        Activation.RELU).maxpool(2, 1).dropout(0.25).conv2d(5, 3, 2, Padding.VALID, Activation.TANH)
        .dense(12, Activation.RELU).output(Activation.SOFTMAX, Loss.MCXENT, null), conf -> { });
    compare("dropout inside the layers, stride 2 same, 1x1", network().conv2d(4, 3, 2, Padding.SAME,
        Activation.RELU).conv2d(3, 1, 1, Padding.VALID, Activation.SIGMOID).maxpool(2, null)
        .dense(8, Activation.TANH).output(Activation.SOFTMAX, Loss.MCXENT, null), conf -> {
          for (int i : new int[] {0, 1}) {
            ((org.deeplearning4j.nn.conf.layers.BaseLayer) conf.getConf(i).getLayer())
                .setIDropout(new Dropout(0.8));
          }
        });
  }

  @Test
  void dl4jsOwnCacheModeIsTheSameBitsToo() {
    MultiLayerConfiguration conf = network().conv2d(6, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null)
        .conv2d(5, 3, 1, Padding.SAME, Activation.RELU).dense(8, Activation.RELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null).configuration();
    MultiLayerNetwork stock = stock(conf);
    MultiLayerNetwork cached = stock(conf);
    cached.setCacheMode(CacheMode.DEVICE);
    for (int step = 0; step < 6; step++) {
      DataSet data = imageBatch(step, 8);
      stock.fit(data);
      cached.fit(data);
      assertArrayEquals(bits(stock.params()), bits(cached.params()), "step " + step);
    }
  }

  @Test
  void theBackwardPassRunsOneIm2colPerLayerFewer() {
    MultiLayerConfiguration conf = network().conv2d(6, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null)
        .conv2d(5, 3, 1, Padding.SAME, Activation.RELU).output(Activation.SOFTMAX, Loss.MCXENT, null)
        .configuration();
    assertEquals(4, im2colsInAStep(stock(conf)));
    assertEquals(2, im2colsInAStep(NetworkBuilder.build(conf.clone())));
  }

  @Test
  void aFirstLayerLeavingOutItsInputGradientTrainsTheSameBits() {
    // as Trainer.trainEpoch trains: fit alone, which discards the first layer's input gradient (the input's
    // preprocessor, flat rows to images, still gets an array)
    compareDroppingTheInputGradient("same, stride 1; truncate, stride 2; dropout", network().conv2d(6, 3, 1,
        Padding.SAME, Activation.RELU).maxpool(2, 1).dropout(0.25).conv2d(5, 3, 2, Padding.VALID, Activation.TANH)
        .dense(12, Activation.RELU).output(Activation.SOFTMAX, Loss.MCXENT, null), conf -> { });
    compareDroppingTheInputGradient("stride 2 same, no bias", network().conv2d(4, 3, 2, Padding.SAME,
        Activation.RELU).conv2d(3, 1, 1, Padding.VALID, Activation.SIGMOID).maxpool(2, null)
        .dense(8, Activation.TANH).output(Activation.SOFTMAX, Loss.MCXENT, null),
        conf -> ((org.deeplearning4j.nn.conf.layers.ConvolutionLayer) conf.getConf(0).getLayer()).setHasBias(false));
  }

  @Test
  void aFirstLayerLeavingOutItsInputGradientRunsNoCol2im() {
    MultiLayerConfiguration conf = network().conv2d(6, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null)
        .conv2d(5, 3, 1, Padding.SAME, Activation.RELU).output(Activation.SOFTMAX, Loss.MCXENT, null)
        .configuration();
    MultiLayerNetwork ours = NetworkBuilder.build(conf.clone());
    assertEquals(2, opsInAStep(ours, "col2im"));
    PreOutputReuse.dropInputGradient(ours, true);
    assertEquals(1, opsInAStep(ours, "col2im"));
    PreOutputReuse.dropInputGradient(ours, false);
    assertEquals(2, opsInAStep(ours, "col2im"));
  }

  private static void compareDroppingTheInputGradient(String what, NetworkBuilder builder,
      Consumer<MultiLayerConfiguration> edit) {
    MultiLayerConfiguration conf = builder.configuration();
    edit.accept(conf);
    MultiLayerNetwork stock = stock(conf);
    MultiLayerNetwork ours = NetworkBuilder.build(conf.clone());
    PreOutputReuse.dropInputGradient(ours, true);
    for (int step = 0; step < 8; step++) {
      DataSet data = imageBatch(step, step % 4 == 3 ? 5 : 8);
      Nd4j.getRandom().setSeed(1000 + step);
      stock.fit(data);
      Nd4j.getRandom().setSeed(1000 + step);
      ours.fit(data);
      assertArrayEquals(bits(stock.params()), bits(ours.params()), what + ", step " + step);
      assertEquals(Double.doubleToRawLongBits(stock.score()), Double.doubleToRawLongBits(ours.score()), what);
    }
  }

  private static long im2colsInAStep(MultiLayerNetwork net) {
    return opsInAStep(net, "im2col");
  }

  private static long opsInAStep(MultiLayerNetwork net, String op) {
    net.fit(imageBatch(0, 8));
    OpProfiler.getInstance().reset();
    Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
    try {
      net.fit(imageBatch(1, 8));
    } finally {
      Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    }
    return OpProfiler.getInstance().getOpCounter().getCount(op);
  }

  @Test
  void aSavedModelIsPlainDl4j() throws IOException {
    MultiLayerNetwork ours = NetworkBuilder.build(network().conv2d(4, 3, 1, Padding.SAME, Activation.RELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null).configuration());
    assertInstanceOf(ReusingConvolutionLayer.class, ours.getLayer(0));
    ours.fit(imageBatch(0, 8));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(ours, bytes, true);
    MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()),
        true);
    assertEquals(ConvolutionLayer.class, loaded.getLayer(0).getClass());
    assertArrayEquals(bits(ours.params()), bits(loaded.params()));
    INDArray x = imageBatch(1, 5).getFeatures();
    assertArrayEquals(bits(ours.output(x, false)), bits(loaded.output(x, false)));
    loaded.fit(imageBatch(2, 8));
    ours.fit(imageBatch(2, 8));
    assertArrayEquals(bits(ours.params()), bits(loaded.params()));
  }

  private static NetworkBuilder network() {
    return new NetworkBuilder(4, IMAGE, Task.CLASSIFICATION, 3).updater(Updater.ADAM, Map.of("lr", 0.01)).l2(1e-3);
  }

  private static MultiLayerNetwork stock(MultiLayerConfiguration conf) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf.clone());
    net.init();
    net.setUpdater(new OwnGradientUpdater(net));
    return net;
  }

  /**
   * Trains the builder's network with DL4J's layers and with hyp's, step by step on the same
   * batches (a shorter one every fourth step, inference and a score in between), and compares
   * parameters, training scores and outputs to the bit after every step.
   */
  private static void compare(String what, NetworkBuilder builder, Consumer<MultiLayerConfiguration> edit) {
    MultiLayerConfiguration conf = builder.configuration();
    edit.accept(conf);
    MultiLayerNetwork stock = stock(conf);
    MultiLayerNetwork ours = NetworkBuilder.build(conf.clone());
    assertEquals(2, Arrays.stream(ours.getLayers()).filter(l -> l instanceof ReusingConvolutionLayer).count(), what);
    assertArrayEquals(bits(stock.params()), bits(ours.params()), what);
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

}
