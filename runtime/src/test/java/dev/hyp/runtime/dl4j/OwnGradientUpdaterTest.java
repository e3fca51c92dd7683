package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** DL4J's standard updater path, taken for a network's own gradient, trains the very same network. */
@ExtendWith(Nd4jPatchesExtension.class)
class OwnGradientUpdaterTest {

  @Test
  void trainsBitForBitWhatDl4jsOwnUpdaterTrains() {
    for (String updater : new String[] {"adam", "nesterovs", "rmsprop"}) {
      MultiLayerNetwork ours = network(updater);
      MultiLayerNetwork stock = network(updater);
      stock.setUpdater(new MultiLayerUpdater(stock));
      assertInstanceOf(OwnGradientUpdater.class, ours.getUpdater());
      for (int step = 0; step < 20; step++) {
        DataSet batch = batch(step);
        ours.fit(batch);
        stock.fit(batch);
      }
      assertArrayEquals(stock.params().data().asFloat(), ours.params().data().asFloat(), updater);
      assertArrayEquals(stock.getUpdater().getStateViewArray().data().asFloat(),
          ours.getUpdater().getStateViewArray().data().asFloat(), updater);
    }
  }

  @Test
  void recognisesTheNetworksOwnGradientAndNothingElse() {
    MultiLayerNetwork net = network("adam");
    net.fit(batch(0));
    INDArray view = ((MultiLayerUpdater) net.getUpdater()).getFlattenedGradientsView();
    assertTrue(OwnGradientUpdater.sameMemory(net.gradient().gradient(), view));
    assertFalse(OwnGradientUpdater.sameMemory(view.dup(), view));
    INDArray flat = view.reshape(view.length());
    assertTrue(OwnGradientUpdater.sameMemory(flat, view));
    assertFalse(OwnGradientUpdater.sameMemory(flat.get(NDArrayIndex.interval(1, 5)), flat.get(NDArrayIndex.interval(0, 4))));
    assertFalse(OwnGradientUpdater.sameMemory(flat.get(NDArrayIndex.interval(0, 4)), view));
  }

  private static MultiLayerNetwork network(String updater) {
    Map<String, Double> settings = updater.equals("nesterovs") ? Map.of("lr", 0.05, "momentum", 0.9) : Map.of("lr", 0.01);
    return new NetworkBuilder(11, InputShape.flat(4), Task.CLASSIFICATION, 3).updater(Updater.of(updater), settings)
        .l2(1e-3)
        .dense(8, Activation.TANH).dense(6, Activation.RELU).output(Activation.SOFTMAX, Loss.MCXENT, null).build();
  }

  private static DataSet batch(int step) {
    Nd4j.getRandom().setSeed(100 + step);
    INDArray x = Nd4j.rand(16, 4);
    INDArray y = Nd4j.zeros(16, 3);
    for (int i = 0; i < 16; i++) {
      y.putScalar(i, (i + step) % 3, 1);
    }
    return new DataSet(x, y);
  }
}
