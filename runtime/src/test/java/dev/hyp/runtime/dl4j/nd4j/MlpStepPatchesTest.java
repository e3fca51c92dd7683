package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.dl4j.TestData;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.testing.ChildJvm;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A whole trial (Adam, two ReLU layers wide enough for tiled copies, a shorter last batch, dropout,
 * per-epoch validation) trains to the same bits with the MLP step's patches on and with each of their
 * switches: {@link JavaAdam} ({@code hyp.nd4j.libnd4jAdam}), {@link TransposingCopy}
 * ({@code hyp.nd4j.libnd4jAssign}), ReLU's backward op ({@code hyp.nd4j.libnd4jStridedOps}) and the bias
 * gradients' {@link ColumnSums} ({@code hyp.nd4j.libnd4jColumnSums}). The first
 * install decides, so each side is a fresh JVM ({@link Trial}).
 */
class MlpStepPatchesTest {

  @Test
  void aTrialIsTheSameBitsWithEachSwitch() throws Exception {
    Map<String, String> patched = trial(List.of());
    assertTrue(patched.get("inUse").contains("JAVA_ADAM") && patched.get("inUse").contains("TRANSPOSING_COPY")
        && patched.get("inUse").contains("DENSE_ELEMENTWISE") && patched.get("inUse").contains("COLUMN_SUMS"),
        patched.toString());
    for (String property : List.of("hyp.nd4j.libnd4jAdam", "hyp.nd4j.libnd4jAssign", "hyp.nd4j.libnd4jStridedOps",
        "hyp.nd4j.libnd4jColumnSums")) {
      Map<String, String> stock = trial(List.of("-D" + property + "=true"));
      assertFalse(stock.get("inUse").equals(patched.get("inUse")), property + ": " + stock);
      for (String key : List.of("params", "history", "validation", "test")) {
        assertEquals(patched.get(key), stock.get(key), property + ": " + key);
      }
    }
  }

  /**
   * The same for the switches of hyp's dense and output layers (twelfth session): the bias added while the
   * product is copied ({@code hyp.dl4j.separateBiasAdd}).
   */
  @Test
  void aTrialIsTheSameBitsWithEachLayerSwitch() throws Exception {
    Map<String, String> patched = trial(List.of());
    for (String property : List.of("hyp.dl4j.separateBiasAdd")) {
      Map<String, String> stock = trial(List.of("-D" + property + "=true"));
      assertEquals(patched.get("inUse"), stock.get("inUse"), property);
      for (String key : List.of("params", "history", "validation", "test")) {
        assertEquals(patched.get(key), stock.get(key), property + ": " + key);
      }
    }
  }

  /** Trains the trial in this JVM after installing the patches its switches leave on, and prints its results. */
  static final class Trial {
    public static void main(String[] args) {
      System.out.println("inUse=" + Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties()));
      ExperimentData data = TestData.iris();
      NetworkBuilder net = new NetworkBuilder(4, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
          .updater(Updater.ADAM, Map.of("lr", 0.01)).dense(48, Activation.RELU).dropout(0.1)
          .dense(40, Activation.RELU).output(Activation.SOFTMAX, Loss.MCXENT, null);
      TrainResult result = dev.hyp.runtime.dl4j.Trainer.train(net, data, Normalization.STANDARD, "mcxent",
          TrainOptions.of(5, 17, "accuracy", 3), EpochCallback.NONE);
      float[] params = result.network().params().data().asFloat();
      int[] bits = new int[params.length];
      for (int i = 0; i < params.length; i++) {
        bits[i] = Float.floatToRawIntBits(params[i]);
      }
      System.out.println("params=" + params.length + ":" + Arrays.hashCode(bits));
      System.out.println("history=" + Arrays.toString(result.history()));
      System.out.println("validation=" + result.validation());
      System.out.println("test=" + result.test());
    }
  }

  /** {@link Trial}'s lines as name=value, from a child JVM with these options. */
  private static Map<String, String> trial(List<String> jvmOptions) throws Exception {
    return ChildJvm.values(Trial.class, jvmOptions, ChildJvm::oneThread);
  }
}
