package dev.hyp.runtime.dl4j;

import static dev.hyp.runtime.dl4j.LayerTestData.bits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Layers that reuse their pre-activation train bit for bit the networks DL4J's own layers train. */
@ExtendWith(Nd4jPatchesExtension.class)
class PreOutputReuseTest {

  @Test
  void trainsBitForBitWhatDl4jsLayersTrain() {
    compare("relu, tanh, softmax", classifier().dense(32, Activation.RELU).dense(17, Activation.TANH)
        .output(Activation.SOFTMAX, Loss.MCXENT, null), 3, 3, 16);
    compare("dropout between", classifier().dense(24, Activation.RELU).dropout(0.3).dense(12, Activation.ELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null), 3, 3, 10);
    compare("regression", new NetworkBuilder(5, InputShape.flat(6), Task.REGRESSION, 0)
        .updater(Updater.SGD, Map.of("lr", 0.05)).dense(9, Activation.SIGMOID)
        .output(Activation.IDENTITY, Loss.MSE, null), 2, 1, 7);
    compare("output layer alone", classifier().output(Activation.SOFTMAX, Loss.MCXENT, null), 1, 3, 16);
  }

  @Test
  void aFirstLayerWithoutItsInputGradientTrainsBitForBitWhatDl4jsLayersTrain() {
    compare("relu, tanh, softmax", classifier().dense(32, Activation.RELU).dense(17, Activation.TANH)
        .output(Activation.SOFTMAX, Loss.MCXENT, null), 3, 3, 16, true);
    compare("dropout between", classifier().dense(24, Activation.RELU).dropout(0.3).dense(12, Activation.ELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null), 3, 3, 10, true);
    compare("dropout on the input", classifier().dropout(0.25).dense(24, Activation.RELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null), 2, 3, 10, true);
    compare("regression", new NetworkBuilder(5, InputShape.flat(6), Task.REGRESSION, 0)
        .updater(Updater.SGD, Map.of("lr", 0.05)).dense(9, Activation.SIGMOID)
        .output(Activation.IDENTITY, Loss.MSE, null), 2, 1, 7, true);
  }

  @Test
  void theFirstLayerLeavesOutItsInputGradientOnlyWhileItIsDropped() {
    MultiLayerNetwork net = NetworkBuilder.build(classifier().dense(8, Activation.RELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null).configuration());
    DataSet data = batch(0, 16, 6, 3);
    LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
    org.deeplearning4j.nn.api.Layer first = net.getLayer(0);
    first.setInput(data.getFeatures(), none);
    INDArray epsilon = Nd4j.rand(DataType.FLOAT, 16, 8);
    first.activate(true, none);
    var kept = first.backpropGradient(epsilon, none);
    assertEquals(16, kept.getSecond().size(0));
    int[] weightGradient = bits(kept.getFirst().getGradientFor("W").dup());
    PreOutputReuse.dropInputGradient(net, true);
    first.setInput(data.getFeatures(), none);
    first.activate(true, none);
    var dropped = first.backpropGradient(epsilon, none);
    assertNull(dropped.getSecond());
    assertArrayEquals(weightGradient, bits(dropped.getFirst().getGradientFor("W")));
    PreOutputReuse.dropInputGradient(net, false);
    first.setInput(data.getFeatures(), none);
    first.activate(true, none);
    assertEquals(16, first.backpropGradient(epsilon, none).getSecond().size(0));
  }

  @Test
  void aTrialTrainsTheSameNetworkWithAndWithoutTheReuse() {
    TrainResult ours = irisTrial();
    String before = System.getProperty(PreOutputReuse.SWITCH);
    System.setProperty(PreOutputReuse.SWITCH, "true");
    TrainResult stock;
    try {
      stock = irisTrial();
    } finally {
      if (before == null) {
        System.clearProperty(PreOutputReuse.SWITCH);
      } else {
        System.setProperty(PreOutputReuse.SWITCH, before);
      }
    }
    assertInstanceOf(ReusingDenseLayer.class, ours.network().getLayer(0));
    assertEquals(DenseLayer.class, stock.network().getLayer(0).getClass());
    assertArrayEquals(bits(stock.network().params()), bits(ours.network().params()));
    assertArrayEquals(stock.history(), ours.history());
    assertEquals(stock.validation(), ours.validation());
  }

  private static TrainResult irisTrial() {
    ExperimentData data = TestData.iris();
    NetworkBuilder net = new NetworkBuilder(2, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
        .updater(Updater.ADAM, Map.of("lr", 0.02)).dense(16, Activation.RELU).dropout(0.2).dense(8, Activation.TANH)
        .output(Activation.SOFTMAX, Loss.MCXENT, null);
    return Trainer.train(net, data, dev.hyp.runtime.data.Normalization.STANDARD, "mcxent",
        TrainOptions.of(6, 16, "accuracy", 1), EpochCallback.NONE);
  }

  @Test
  void aSavedModelIsPlainDl4j() throws IOException {
    MultiLayerNetwork ours = NetworkBuilder.build(classifier().dense(8, Activation.RELU)
        .output(Activation.SOFTMAX, Loss.MCXENT, null).configuration());
    assertInstanceOf(ReusingDenseLayer.class, ours.getLayer(0));
    ours.fit(batch(0, 16, 6, 3));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelSerializer.writeModel(ours, bytes, true);
    MultiLayerNetwork loaded = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes.toByteArray()),
        true);
    assertEquals(DenseLayer.class, loaded.getLayer(0).getClass());
    assertEquals(OutputLayer.class, loaded.getLayer(1).getClass());
    assertArrayEquals(ours.params().data().asFloat(), loaded.params().data().asFloat());
    INDArray x = batch(1, 5, 6, 3).getFeatures();
    assertArrayEquals(ours.output(x, false).data().asFloat(), loaded.output(x, false).data().asFloat());
  }

  private static NetworkBuilder classifier() {
    return new NetworkBuilder(3, InputShape.flat(6), Task.CLASSIFICATION, 3).updater(Updater.ADAM, Map.of("lr", 0.01))
        .l2(1e-3);
  }

  /**
   * Trains the builder's network with DL4J's layers and with hyp's, step by step on the same
   * batches (a shorter one every fifth step, inference and a score in between), and compares
   * parameters, training scores and outputs to the bit after every step.
   */
  private static void compare(String what, NetworkBuilder builder, int reusing, int outputs, int batch) {
    compare(what, builder, reusing, outputs, batch, false);
  }

  /** The same, with hyp's first layer leaving out its input gradient during {@code fit} when {@code drop}. */
  private static void compare(String what, NetworkBuilder builder, int reusing, int outputs, int batch, boolean drop) {
    MultiLayerConfiguration conf = builder.configuration();
    MultiLayerNetwork stock = new MultiLayerNetwork(conf.clone());
    stock.init();
    stock.setUpdater(new OwnGradientUpdater(stock));
    MultiLayerNetwork ours = NetworkBuilder.build(conf.clone());
    long replaced = java.util.Arrays.stream(ours.getLayers())
        .filter(l -> l instanceof ReusingDenseLayer || l instanceof ReusingOutputLayer).count();
    assertEquals(reusing, replaced, what);
    assertArrayEquals(bits(stock.params()), bits(ours.params()), what);
    int features = 6;
    for (int step = 0; step < 25; step++) {
      DataSet data = batch(step, step % 5 == 4 ? batch / 2 + 1 : batch, features, outputs);
      Nd4j.getRandom().setSeed(1000 + step); // the same dropout masks for both
      stock.fit(data);
      Nd4j.getRandom().setSeed(1000 + step);
      PreOutputReuse.dropInputGradient(ours, drop);
      ours.fit(data);
      PreOutputReuse.dropInputGradient(ours, false);
      String at = what + ", step " + step;
      assertArrayEquals(bits(stock.params()), bits(ours.params()), at);
      assertEquals(Double.doubleToRawLongBits(stock.score()), Double.doubleToRawLongBits(ours.score()), at);
      if (step % 3 == 2) {
        DataSet other = batch(100 + step, 9, features, outputs);
        assertArrayEquals(bits(stock.output(other.getFeatures(), false)), bits(ours.output(other.getFeatures(), false)),
            at);
        assertEquals(Double.doubleToRawLongBits(stock.score(other, false)),
            Double.doubleToRawLongBits(ours.score(other, false)), at);
      }
    }
  }

  private static DataSet batch(int seed, int rows, int features, int outputs) {
    Nd4j.getRandom().setSeed(seed);
    INDArray x = Nd4j.rand(DataType.FLOAT, rows, features).subi(0.5).muli(4);
    INDArray y = Nd4j.zeros(DataType.FLOAT, rows, outputs);
    for (int i = 0; i < rows; i++) {
      if (outputs == 1) {
        y.putScalar(i, 0, x.getFloat(i, 0) * 0.5f - x.getFloat(i, 1));
      } else {
        y.putScalar(i, (i * 7 + seed) % outputs, 1f);
      }
    }
    return new DataSet(x, y);
  }
}
