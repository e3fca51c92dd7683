package dev.hyp.runtime.dl4j;

import static dev.hyp.runtime.dl4j.LayerTestData.IMAGE;
import static dev.hyp.runtime.dl4j.LayerTestData.bits;
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
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * On ND4J's oneDNN build (in a child JVM, chosen as a run chooses it) max pooling's forward pass runs through
 * oneDNN, with the same floats as libnd4j's own loop ({@value NativeBuild#LIBND4J_POOLING_SWITCH}, read on each
 * call, flipped between passes over the same network): a window's maximum is one of its elements whoever finds it,
 * and hyp's arg-maxes then find the same one, so a network trains to the same bits either way.
 */
class OneDnnPoolingTest {

  @Test
  void maxPoolingThroughOneDnnGivesLibnd4jsFloatsAndTrainsAlike() throws Exception {
    Map<String, String> values = ChildJvm.values(Check.class, List.of(), ChildJvm::oneThread);
    String output = values.toString();
    assertEquals("onednn", values.get("build"), output);
    for (String network : List.of("stacked", "overlapping")) {
      // every layer's activations, training and inference: the same bits either way
      assertEquals("true", values.get(network + ".sameActivations"), output);
      // 12 steps of Adam each way from the same weights: the same parameters and score to the bit (one arg-max
      // taken elsewhere would move a parameter by about the learning rate)
      assertEquals("0.0", values.get(network + ".params"), output);
      assertEquals("0.0", values.get(network + ".score"), output);
    }
  }

  /** oneDNN's own account of the primitives it ran ({@code DNNL_VERBOSE=1}): pooling, unless switched off. */
  @Test
  void oneDnnRunsThePoolingUnlessTheSwitchSaysNo() throws Exception {
    String viaOneDnn = verbose(List.of());
    String switched = verbose(List.of("-D" + NativeBuild.LIBND4J_POOLING_SWITCH + "=true"));
    // one training and one inference pass of the stacked network (two pooling layers) and of the overlapping one
    assertEquals(6, primitives(viaOneDnn, "pooling"), viaOneDnn);
    assertEquals(0, primitives(switched, "pooling"), switched);
    assertTrue(primitives(switched, "convolution") > 0, switched);
  }

  private static String verbose(List<String> jvmOptions) throws Exception {
    return ChildJvm.output(Check.class, jvmOptions, environment -> {
      ChildJvm.oneThread(environment);
      environment.put("DNNL_VERBOSE", "1");
    }, "passes");
  }

  private static long primitives(String output, String kind) {
    return output.lines().filter(l -> l.matches("(onednn|dnnl)_verbose,exec,cpu," + kind + "(_v2)?,.*")).count();
  }

  /**
   * Compares two networks with max pooling, the switch off and on; with {@code passes}, runs one training and one
   * inference pass of each as the switch stands.
   */
  static final class Check {
    public static void main(String[] args) {
      Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties());
      System.out.println("build=" + NativeBuild.inUse());
      // windows that do not overlap: DL4J's forward pass, then hyp's arg-maxes (ReusingSubsamplingLayer), after
      // ReLU (zeros tie) and tanh; 9x9 images leave a row and a column out of the first windows
      NetworkBuilder stacked = network().conv2d(6, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, 2)
          .conv2d(4, 3, 1, Padding.SAME, Activation.TANH).maxpool(2, 2).dense(8, Activation.RELU);
      // overlapping windows: DL4J's layer, its forward pass and libnd4j's maxpool2d_bp
      NetworkBuilder overlapping = network().conv2d(5, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, 1)
          .dense(8, Activation.TANH);
      for (var entry : List.of(Map.entry("stacked", stacked), Map.entry("overlapping", overlapping))) {
        String name = entry.getKey();
        var configuration = entry.getValue().output(Activation.SOFTMAX, Loss.MCXENT, null).configuration();
        MultiLayerNetwork first = NetworkBuilder.build(configuration.clone());
        INDArray features = imageBatch(50, 8).getFeatures();
        if (args.length > 0 && args[0].equals("passes")) {
          first.feedForward(features, true);
          first.output(features, false);
          continue;
        }
        MultiLayerNetwork second = NetworkBuilder.build(configuration.clone()); // the same seed: the same weights
        List<INDArray> viaOneDnn = activations(first, features);
        System.setProperty(NativeBuild.LIBND4J_POOLING_SWITCH, "true");
        List<INDArray> viaLibnd4j = activations(first, features);
        boolean same = viaOneDnn.size() == viaLibnd4j.size();
        for (int i = 0; same && i < viaOneDnn.size(); i++) {
          same = Arrays.equals(bits(viaOneDnn.get(i)), bits(viaLibnd4j.get(i)));
        }
        System.out.println(name + ".sameActivations=" + same);
        train(second);
        System.clearProperty(NativeBuild.LIBND4J_POOLING_SWITCH);
        train(first);
        System.out.printf(Locale.ROOT, "%s.params=%s%n%s.score=%s%n", name, relative(second.params(), first.params()),
            name, Math.abs(second.score() - first.score()) / Math.abs(second.score()));
      }
    }

    /** Every layer's activations of a training pass and an inference pass, copied. */
    private static List<INDArray> activations(MultiLayerNetwork net, INDArray features) {
      List<INDArray> all = new ArrayList<>();
      net.feedForward(features, true).forEach(a -> all.add(a.dup()));
      net.feedForward(features, false).forEach(a -> all.add(a.dup()));
      return all;
    }

    private static void train(MultiLayerNetwork net) {
      for (int step = 0; step < 12; step++) {
        net.fit(imageBatch(1 + step, step % 4 == 3 ? 5 : 8)); // not seed 0: ND4J takes it as "any seed"
      }
    }

    private static double relative(INDArray expected, INDArray actual) {
      double scale = expected.amaxNumber().doubleValue();
      return expected.castTo(DataType.DOUBLE).sub(actual.castTo(DataType.DOUBLE)).amaxNumber().doubleValue() / scale;
    }

    private static NetworkBuilder network() {
      return new NetworkBuilder(4, IMAGE, Task.CLASSIFICATION, 3).updater(Updater.ADAM, Map.of("lr", 0.01)).l2(1e-3);
    }
  }
}
