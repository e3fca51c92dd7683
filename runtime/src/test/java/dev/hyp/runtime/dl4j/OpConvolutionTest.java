package dev.hyp.runtime.dl4j;

import static dev.hyp.runtime.dl4j.LayerTestData.IMAGE;
import static dev.hyp.runtime.dl4j.LayerTestData.imageBatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.nd4j.NativeBuild;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.testing.ChildJvm;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

/**
 * On ND4J's oneDNN build (chosen as a run chooses it, in a child JVM: this one runs the generic
 * build), hyp's convolution layers compute through the {@code conv2d} ops and train what DL4J's
 * im2col layers train, within float rounding.
 */
class OpConvolutionTest {

  @Test
  void theOneDnnBuildTrainsThroughTheConvolutionOpsWhatDl4jsLayersTrain() throws Exception {
    Map<String, String> child = run(List.of());
    assertEquals("onednn", child.get("build"), child.toString());
    assertEquals("true", child.get("hasOneDnn"));
    for (String network : List.of("a", "b", "c")) {
      // the ops ran, no im2col (but for the first layer's weights' gradient in c)
      assertTrue(Long.parseLong(child.get(network + ".conv2d")) > 0, child.toString());
      if (network.equals("c")) {
        // 12 steps: the first layer's weight gradient by DirectWeightGradient (no columns), the second's by conv2d_bp
        assertEquals("0", child.get(network + ".im2col"), child.toString());
        assertEquals("12", child.get(network + ".conv2dBp"), child.toString());
      } else {
        assertEquals("0", child.get(network + ".im2col"), child.toString());
      }
      // parameters, scores and outputs after 12 steps of Adam: float rounding apart, not more
      assertTrue(Double.parseDouble(child.get(network + ".params")) < 1e-4, child.toString());
      assertTrue(Double.parseDouble(child.get(network + ".output")) < 1e-4, child.toString());
      assertTrue(Double.parseDouble(child.get(network + ".score")) < 1e-4, child.toString());
    }
    // one step's first-layer gradient, DirectWeightGradient's against the im2col path's on the same network and
    // batch: float rounding of sums over 8 x 9 x 9 places in another order (1e-5 of the largest gradient)
    assertEquals("0", child.get("gradient.direct.im2col"), child.toString());
    assertEquals("1", child.get("gradient.columns.im2col"), child.toString());
    assertTrue(Double.parseDouble(child.get("gradient.W")) < 1e-5, child.toString());
    assertTrue(Double.parseDouble(child.get("gradient.b")) < 1e-5, child.toString());
  }

  @Test
  void theSwitchesKeepTheIm2colPath() throws Exception {
    Map<String, String> im2col = run(List.of("-D" + OpConvolution.SWITCH + "=true"));
    assertEquals("onednn", im2col.get("build"), im2col.toString());
    assertEquals("0", im2col.get("a.conv2d"), im2col.toString());
    assertEquals("0.0", im2col.get("a.params"), im2col.toString()); // DL4J's bits, as on the generic build
    // the first layer's weight gradient by the columns and one product again, 12 steps
    Map<String, String> columns = run(List.of("-D" + OpConvolution.IM2COL_WEIGHT_GRADIENT_SWITCH + "=true"));
    assertEquals("12", columns.get("c.im2col"), columns.toString());
    assertEquals("12", columns.get("c.conv2dBp"), columns.toString());
    assertTrue(Double.parseDouble(columns.get("c.params")) < 1e-4, columns.toString());
    Map<String, String> generic = run(List.of("-D" + NativeBuild.SWITCH + "=generic"));
    assertEquals("generic", generic.get("build"), generic.toString());
    assertEquals("false", generic.get("hasOneDnn"));
    assertEquals("0", generic.get("a.conv2d"), generic.toString());
    assertEquals("0.0", generic.get("a.params"), generic.toString());
  }

  /** Chooses the build as a run does, then trains networks both ways and prints how far apart they end. */
  static final class Check {
    public static void main(String[] args) {
      Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties());
      System.out.println("build=" + NativeBuild.inUse());
      System.out.println("hasOneDnn=" + NativeBuild.hasOneDnn());
      compare("a", network().conv2d(6, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, 1).dropout(0.25)
          .conv2d(5, 3, 2, Padding.VALID, Activation.TANH).dense(12, Activation.RELU)
          .output(Activation.SOFTMAX, Loss.MCXENT, null).configuration());
      MultiLayerConfiguration b = network().conv2d(4, 3, 2, Padding.SAME, Activation.RELU)
          .conv2d(3, 1, 1, Padding.VALID, Activation.SIGMOID).maxpool(2, null).dense(8, Activation.TANH)
          .output(Activation.SOFTMAX, Loss.MCXENT, null).configuration();
      for (int i : new int[] {0, 1}) {
        ((org.deeplearning4j.nn.conf.layers.BaseLayer) b.getConf(i).getLayer()).setIDropout(new Dropout(0.8));
      }
      compare("b", b);
      // as Trainer.trainEpoch trains: the first layer leaves out its input gradient, and its weights' gradient
      // comes from DirectWeightGradient (or with its switch the im2col path) instead of conv2d_bp
      compare("c", network().conv2d(6, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, 1).dropout(0.25)
          .conv2d(5, 3, 2, Padding.VALID, Activation.TANH).dense(12, Activation.RELU)
          .output(Activation.SOFTMAX, Loss.MCXENT, null).configuration(), true);
      firstLayerGradient(network().conv2d(16, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, 2)
          .conv2d(8, 3, 1, Padding.SAME, Activation.RELU).dense(12, Activation.RELU)
          .output(Activation.SOFTMAX, Loss.MCXENT, null).configuration());
    }

    /**
     * One gradient of a network whose first layer drops its input gradient, with the first layer's weight
     * gradient from DirectWeightGradient and from the im2col path (the switch read on each call): how far
     * apart its weights' and bias's gradients are, relative to the largest, and the im2col calls of each.
     */
    private static void firstLayerGradient(MultiLayerConfiguration conf) {
      MultiLayerNetwork net = NetworkBuilder.build(conf);
      PreOutputReuse.dropInputGradient(net, true);
      DataSet data = imageBatch(7, 8);
      INDArray[] direct = gradient(net, data, "direct");
      System.setProperty(OpConvolution.IM2COL_WEIGHT_GRADIENT_SWITCH, "true");
      INDArray[] columns = gradient(net, data, "columns");
      System.clearProperty(OpConvolution.IM2COL_WEIGHT_GRADIENT_SWITCH);
      System.out.println("gradient.W=" + relative(columns[0], direct[0]));
      System.out.println("gradient.b=" + relative(columns[1], direct[1]));
    }

    private static INDArray[] gradient(MultiLayerNetwork net, DataSet data, String name) {
      OpProfiler.getInstance().reset();
      Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
      net.setInput(data.getFeatures());
      net.setLabels(data.getLabels());
      net.computeGradientAndScore();
      Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
      System.out.println("gradient." + name + ".im2col=" + OpProfiler.getInstance().getOpCounter().getCount("im2col"));
      return new INDArray[] {net.gradient().getGradientFor("0_W").dup(), net.gradient().getGradientFor("0_b").dup()};
    }

    private static void compare(String name, MultiLayerConfiguration conf) {
      compare(name, conf, false);
    }

    /**
     * DL4J's layers against hyp's, step by step on the same batches (a shorter one every fourth step,
     * inference between): the largest differences relative to the largest magnitude, and the ops hyp's ran.
     */
    private static void compare(String name, MultiLayerConfiguration conf, boolean dropInputGradient) {
      MultiLayerNetwork stock = new MultiLayerNetwork(conf.clone());
      stock.init();
      stock.setUpdater(new OwnGradientUpdater(stock));
      MultiLayerNetwork ours = NetworkBuilder.build(conf.clone());
      PreOutputReuse.dropInputGradient(ours, dropInputGradient);
      double params = 0;
      double output = 0;
      double score = 0;
      OpProfiler.getInstance().reset();
      for (int step = 0; step < 12; step++) {
        DataSet data = imageBatch(step, step % 4 == 3 ? 5 : 8);
        Nd4j.getRandom().setSeed(1000 + step); // the same dropout masks for both
        stock.fit(data);
        Nd4j.getRandom().setSeed(1000 + step);
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        ours.fit(data);
        INDArray features = imageBatch(100 + step, 6).getFeatures();
        INDArray ourOutput = ours.output(features, false);
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
        params = Math.max(params, relative(stock.params(), ours.params()));
        output = Math.max(output, relative(stock.output(features, false), ourOutput));
        score = Math.max(score, Math.abs(stock.score() - ours.score()) / Math.abs(stock.score()));
      }
      var counts = OpProfiler.getInstance().getOpCounter();
      System.out.println(name + ".conv2d=" + (counts.getCount("conv2d") + counts.getCount("conv2d_bp")));
      System.out.println(name + ".conv2dBp=" + counts.getCount("conv2d_bp"));
      System.out.println(name + ".im2col=" + counts.getCount("im2col"));
      System.out.printf(Locale.ROOT, "%s.params=%s%n%s.output=%s%n%s.score=%s%n", name, params, name, output, name,
          score);
    }

    private static double relative(INDArray expected, INDArray actual) {
      double scale = expected.amaxNumber().doubleValue();
      return expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue() / scale;
    }

    private static NetworkBuilder network() {
      return new NetworkBuilder(4, IMAGE, Task.CLASSIFICATION, 3).updater(Updater.ADAM, Map.of("lr", 0.01)).l2(1e-3);
    }
  }

  /** {@link Check}'s lines as name=value, from a child JVM with these options (and no build setting of this one's). */
  private static Map<String, String> run(List<String> jvmOptions) throws Exception {
    return ChildJvm.values(Check.class, jvmOptions, ChildJvm::oneThread);
  }
}
