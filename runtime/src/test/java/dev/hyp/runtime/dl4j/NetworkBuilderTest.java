package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import dev.hyp.runtime.vocab.WeightInit;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitRelu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.StepSchedule;

@ExtendWith(Nd4jPatchesExtension.class)
class NetworkBuilderTest {
  private static final InputShape IMAGE = InputShape.image(8, 8, 2);

  private static INDArray forward(MultiLayerNetwork net, int features) {
    INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, features);
    return net.output(x, false);
  }

  @Test
  void denseNetworkGivesClassProbabilities() {
    MultiLayerNetwork net = new NetworkBuilder(1, InputShape.flat(4), Task.CLASSIFICATION, 3)
        .dense(8, Activation.TANH).batchnorm().dropout(0.5).dense(4, Activation.GELU).output(null, Loss.MCXENT, null)
        .build();
    INDArray out = forward(net, 4);
    assertArrayEquals(new long[] {3, 3}, out.shape());
    assertEquals(1.0, out.getRow(0).sumNumber().doubleValue(), 1e-5); // softmax by default for mcxent
  }

  @Test
  void everyImageLayerKindBuildsAndRuns() {
    MultiLayerNetwork net = new NetworkBuilder(1, IMAGE, Task.CLASSIFICATION, 4)
        .conv2d(4, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null)
        .conv2d(4, 3, 1, Padding.VALID, Activation.ELU).avgpool(1, 1).batchnorm()
        .dense(8, Activation.RELU).output(null, Loss.MCXENT, null).build();
    assertArrayEquals(new long[] {3, 4}, forward(net, 128).shape());
  }

  @Test
  void lstmReadsImageRowsAndDenseReadsItsLastStep() {
    NetworkBuilder b = new NetworkBuilder(1, IMAGE, Task.CLASSIFICATION, 4)
        .lstm(6, Activation.TANH).lstm(5, Activation.TANH).dense(8, Activation.RELU).output(null, Loss.MCXENT, null);
    MultiLayerConfiguration conf = b.configuration();
    assertInstanceOf(ImageRowsToSequence.class, conf.getInputPreProcess(0));
    assertEquals(16, ((org.deeplearning4j.nn.conf.layers.LSTM) conf.getConf(0).getLayer()).getNIn()); // 2 channels x 8
    assertInstanceOf(LastTimeStep.class, conf.getConf(1).getLayer());
    assertArrayEquals(new long[] {3, 4}, forward(b.build(), 128).shape());
    MultiLayerNetwork afterConv = new NetworkBuilder(1, IMAGE, Task.CLASSIFICATION, 4)
        .conv2d(3, 3, 1, Padding.SAME, Activation.RELU).lstm(5, Activation.TANH).output(null, Loss.MCXENT, null)
        .build();
    assertArrayEquals(new long[] {3, 4}, forward(afterConv, 128).shape());
  }

  @Test
  void anLstmAfterAPoolReadsThePooledRows() {
    // the pool halves the image's sides: the lstm reads its rows, not the input's
    NetworkBuilder b = new NetworkBuilder(1, IMAGE, Task.CLASSIFICATION, 4)
        .conv2d(3, 3, 2, Padding.VALID, Activation.RELU).maxpool(2, null).lstm(5, Activation.TANH)
        .output(null, Loss.MCXENT, null);
    ImageRowsToSequence rows = (ImageRowsToSequence) b.configuration().getInputPreProcess(2);
    assertEquals(List.of(1, 1, 3), List.of(rows.getHeight(), rows.getWidth(), rows.getChannels()));
    assertArrayEquals(new long[] {3, 4}, forward(b.build(), 128).shape());
  }

  @Test
  void imageRowsBecomeTimeSteps() {
    // a 1-channel 2x3 image, fed flat: rows {1,2,3} and {4,5,6}
    ImageRowsToSequence p = new ImageRowsToSequence(2, 3, 1, true);
    INDArray flat = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {1, 6}, 'c');
    INDArray seq = p.preProcess(flat, 1, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
    assertArrayEquals(new long[] {1, 3, 2}, seq.shape()); // [batch, features = width * channels, time = height]
    assertArrayEquals(new float[] {1, 2, 3}, seq.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).toFloatVector());
    assertArrayEquals(new float[] {4, 5, 6}, seq.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(1)).toFloatVector());
    INDArray back = p.backprop(seq, 1, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces());
    assertEquals(flat, back);
  }

  @Test
  void regressionOutputHasOneUnitAndIdentity() {
    MultiLayerNetwork net = new NetworkBuilder(1, InputShape.flat(10), Task.REGRESSION, 0)
        .dense(8, Activation.RELU).output(null, Loss.MSE, null).build();
    assertArrayEquals(new long[] {3, 1}, forward(net, 10).shape());
  }

  @Test
  void dropoutRateIsTheFractionDropped() {
    MultiLayerConfiguration conf = new NetworkBuilder(1, InputShape.flat(4), Task.CLASSIFICATION, 3)
        .dense(8, Activation.RELU).dropout(0.2).output(null, Loss.MCXENT, null).configuration();
    DropoutLayer layer = (DropoutLayer) conf.getConf(1).getLayer();
    assertEquals(0.8, ((Dropout) layer.getIDropout()).getP(), 1e-12); // DL4J's p is the fraction KEPT
    // in training, about 90% of a layer's inputs are zeroed at rate 0.9
    MultiLayerNetwork net = new NetworkBuilder(1, InputShape.flat(1000), Task.REGRESSION, 0)
        .dropout(0.9).output(Activation.IDENTITY, Loss.MSE, 1000).build();
    INDArray x = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 1000);
    INDArray dropped = net.feedForward(x, true).get(1);
    double zeros = dropped.eq(0).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).sumNumber().doubleValue();
    assertTrue(zeros > 850 && zeros < 950, "zeros " + zeros);
    // rate 0 adds no layer
    assertEquals(2, new NetworkBuilder(1, InputShape.flat(4), Task.CLASSIFICATION, 3).dense(8, Activation.RELU)
        .dropout(0)
        .output(null, Loss.MCXENT, null).configuration().getConfs().size());
  }

  @Test
  void updaterChoiceAndDefaults() {
    assertInstanceOf(Sgd.class, updater("sgd", Map.of("lr", 0.5)));
    assertEquals(0.5, ((Sgd) updater("sgd", Map.of("lr", 0.5))).getLearningRate(), 0);
    Nesterovs n = (Nesterovs) updater("nesterovs", Map.of("lr", 0.01, "momentum", 0.7));
    assertEquals(0.7, n.getMomentum(), 0);
    assertEquals(0.9, ((Nesterovs) updater("nesterovs", Map.of())).getMomentum(), 0);
    Adam adam = (Adam) updater("adam", Map.of("beta1", 0.8));
    assertEquals(1e-3, adam.getLearningRate(), 0);
    assertEquals(0.8, adam.getBeta1(), 0);
    assertEquals(1e-8, adam.getEpsilon(), 0);
    assertEquals(0.95, ((RmsProp) updater("rmsprop", Map.of())).getRmsDecay(), 0);
    assertEquals(1e-8, ((AdaGrad) updater("adagrad", Map.of())).getEpsilon(), 0); // hyp's default, not DL4J's 1e-6
    for (String name : new String[] {"adamax", "nadam", "amsgrad", "adamw"}) {
      assertTrue(updater(name, Map.of("lr", 0.01)) != null, name);
    }
    MultiLayerConfiguration adamw = new NetworkBuilder(1, InputShape.flat(4), Task.CLASSIFICATION, 3)
        .updater(Updater.ADAMW, Map.of("weight_decay", 0.05)).dense(4, Activation.RELU)
        .output(null, Loss.MCXENT, null).configuration();
    var decay = ((BaseLayer) adamw.getConf(0).getLayer()).getRegularization();
    assertTrue(decay.toString().contains("WeightDecay"), decay.toString());
    assertThrows(IllegalArgumentException.class, () -> updater("adam", Map.of("momentum", 0.9)));
    assertThrows(IllegalArgumentException.class, () -> updater("adamm", Map.of()));
  }

  @Test
  void settingsReachTheLayers() {
    MultiLayerConfiguration conf = new NetworkBuilder(1, InputShape.flat(4), Task.CLASSIFICATION, 3)
        .updater(Updater.SGD, Map.of("lr", 0.1)).weightInit(WeightInit.RELU).l2(1e-3).gradientClip(0.5)
        .stepSchedule(2, 0.5)
        .dense(4, Activation.RELU).output(null, Loss.MCXENT, null).configuration();
    BaseLayer layer = (BaseLayer) conf.getConf(0).getLayer();
    assertInstanceOf(WeightInitRelu.class, layer.getWeightInitFn());
    assertEquals(0.5, layer.getGradientNormalizationThreshold(), 0);
    Sgd sgd = (Sgd) layer.getIUpdater();
    assertInstanceOf(StepSchedule.class, sgd.getLearningRateSchedule());
    assertEquals(0.1, sgd.getLearningRate(0, 0), 1e-12);
    assertEquals(0.05, sgd.getLearningRate(0, 2), 1e-12);
    assertEquals(0.025, sgd.getLearningRate(100, 5), 1e-12);
    assertTrue(layer.getRegularization().toString().contains("L2"), layer.getRegularization().toString());
    Sgd cosine = (Sgd) ((BaseLayer) new NetworkBuilder(1, InputShape.flat(4), Task.CLASSIFICATION, 3)
        .updater(Updater.SGD, Map.of("lr", 0.1)).cosineSchedule(10).dense(4, Activation.RELU)
        .output(null, Loss.MCXENT, null)
        .configuration().getConf(0).getLayer()).getIUpdater();
    assertEquals(0.1, cosine.getLearningRate(0, 0), 1e-12);
    assertEquals(0.05, cosine.getLearningRate(0, 5), 1e-12);
  }

  @Test
  void configurationSurvivesJson() {
    MultiLayerConfiguration conf = new NetworkBuilder(1, IMAGE, Task.CLASSIFICATION, 4).cosineSchedule(5)
        .lstm(4, Activation.TANH).output(null, Loss.MCXENT, null).configuration();
    assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
  }

  private static Object updater(String name, Map<String, ?> args) {
    MultiLayerConfiguration conf = new NetworkBuilder(1, InputShape.flat(4), Task.CLASSIFICATION, 3)
        .updater(Updater.of(name), args).dense(4, Activation.RELU).output(null, Loss.MCXENT, null).configuration();
    return ((BaseLayer) conf.getConf(0).getLayer()).getIUpdater();
  }
}
