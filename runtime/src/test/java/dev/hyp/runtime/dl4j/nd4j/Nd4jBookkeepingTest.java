package dev.hyp.runtime.dl4j.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.dl4j.TestData;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import dev.hyp.runtime.vocab.Updater;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The deallocator and executioner that {@link Nd4jPatches#install} installs: native
 * memory is freed once arrays are garbage and never before, and ops compute what ND4J's own
 * executioner computes, down to the last bit of a trained network.
 */
class Nd4jBookkeepingTest {

  @Test
  void installPutsInTheDeallocatorAndTheExecutioner() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    assertInstanceOf(InlineDeallocatorService.class, Nd4j.getDeallocatorService());
    assertInstanceOf(PooledContextExecutioner.class, Nd4j.getExecutioner());
    assertInstanceOf(CachingTadManager.class, Nd4j.getExecutioner().getTADManager());
  }

  @Test
  void garbageArraysAreFreedAndLiveOnesKeepTheirValues() throws InterruptedException {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    InlineDeallocatorService service = (InlineDeallocatorService) Nd4j.getDeallocatorService();
    INDArray kept = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, 'c');
    long freedBefore = service.freed();
    for (int i = 0; i < 20_000; i++) {
      Nd4j.create(new float[] {i, i + 1}, new long[] {1, 2}, 'c').addi(1);
    }
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (service.freed() - freedBefore < 20_000 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(2 * InlineDeallocatorService.POLL_MILLIS);
    }
    assertTrue(service.freed() - freedBefore >= 20_000, "freed " + (service.freed() - freedBefore));
    assertArrayEquals(new float[] {1, 2, 3, 4}, kept.data().asFloat());
    assertArrayEquals(new float[] {3, 7}, kept.sum(1).toFloatVector());
  }

  @Test
  void anArrayIsNotFreedWhileReachable() throws InterruptedException {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    INDArray kept = Nd4j.rand(64, 64);
    float[] values = kept.data().asFloat();
    WeakReference<Object> gc = new WeakReference<>(new Object());
    while (gc.get() != null) {
      System.gc();
    }
    Thread.sleep(3 * InlineDeallocatorService.POLL_MILLIS); // a sweep ran
    for (int i = 0; i < 1000; i++) {
      Nd4j.rand(64, 64); // would reuse freed memory, if kept's had been freed
    }
    assertArrayEquals(values, kept.data().asFloat());
  }

  @Test
  void customOpsGiveWhatTheStockExecutionerGives() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    OpExecutioner pooled = Nd4j.getExecutioner();
    NativeOpExecutioner stock = new NativeOpExecutioner();
    INDArray m = Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c');
    INDArray w = Nd4j.create(new float[] {1, 0, -1, 2, 0.5f, 1}, new long[] {3, 2}, 'c');
    for (OpExecutioner executioner : new OpExecutioner[] {pooled, stock, pooled}) {
      // integer arguments, then none: the second must not see the first's dimension
      INDArray[] columns = executioner.exec(DynamicCustomOp.builder("reduce_sum").addInputs(m)
          .addIntegerArguments(0).build());
      assertArrayEquals(new float[] {5, 7, 9}, columns[0].toFloatVector());
      INDArray[] all = executioner.exec(DynamicCustomOp.builder("reduce_sum").addInputs(m).build());
      assertEquals(21f, all[0].getFloat(0));
      // outputs from the op's shape function, and floating-point arguments
      INDArray[] product = executioner.exec(DynamicCustomOp.builder("matmul").addInputs(m, w).build());
      assertArrayEquals(new float[] {0.5f, 7, 2, 16}, product[0].data().asFloat());
      INDArray[] clipped = executioner.exec(DynamicCustomOp.builder("clipbyvalue").addInputs(m)
          .addFloatingPointArguments(2.0, 4.5).build());
      assertArrayEquals(new float[] {2, 2, 3, 4, 4.5f, 4.5f}, clipped[0].data().asFloat());
    }
  }

  @Test
  void randomOpsDrawWhatTheStockExecutionerDraws() {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    float[][] pooled = twoDraws(Nd4j.getExecutioner());
    float[][] stock = twoDraws(new NativeOpExecutioner());
    assertArrayEquals(stock[0], pooled[0]);
    assertArrayEquals(stock[1], pooled[1]);
  }

  private static float[][] twoDraws(OpExecutioner executioner) {
    Nd4j.getRandom().setSeed(42);
    float[][] draws = new float[2][];
    for (int i = 0; i < 2; i++) {
      INDArray shape = Nd4j.createFromArray(2L, 3L);
      draws[i] = executioner.exec(DynamicCustomOp.builder("randomuniform").addInputs(shape)
          .addFloatingPointArguments(0.0, 1.0).build())[0]
          .data().asFloat();
    }
    return draws;
  }

  @Test
  void aTrainedNetworkIsBitForBitTheOneTheStockExecutionerTrains() throws ReflectiveOperationException {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    ExperimentData data = TestData.iris();
    assertTrainsAsStock(() -> new NetworkBuilder(3, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
        .updater(Updater.ADAM, Map.of("lr", 0.01)).l2(1e-4).dense(16, Activation.RELU).dropout(0.2)
        .output(Activation.SOFTMAX, Loss.MCXENT, null),
        data, Normalization.STANDARD, 5, 16);
  }

  /** Convolutions and LSTMs multiply matrices in other layouts (f order, transposed views, recurrent weights). */
  @Test
  void aConvolutionalRecurrentNetworkIsBitForBitTheOneTheStockExecutionerTrains() throws ReflectiveOperationException {
    Nd4jPatches.install(Nd4jPatches.Options.all());
    ExperimentData data = ExperimentData.load(CsvSource.of(TestData.resource("shapes8x8.csv"), "shape"), null,
        Task.CLASSIFICATION, new Split.Holdout(0.2, 0.2), new int[] {8, 8, 1}, 3);
    assertTrainsAsStock(() -> new NetworkBuilder(3, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
        .updater(Updater.NESTEROVS, Map.of("lr", 0.05, "momentum", 0.9)).conv2d(4, 3, 1, Padding.SAME, Activation.RELU)
        .lstm(6, Activation.TANH).dense(8, Activation.TANH)
        .output(Activation.SOFTMAX, Loss.MCXENT, null), data, Normalization.NONE, 2, 32);
  }

  /** Trains the network twice, with the installed executioner and with ND4J's own, and compares the parameters. */
  private static void assertTrainsAsStock(Supplier<NetworkBuilder> network, ExperimentData data,
      Normalization normalization, int epochs, int batch) throws ReflectiveOperationException {
    INDArray installed = train(network.get(), data, normalization, epochs, batch);
    Field field = Nd4j.class.getDeclaredField("OP_EXECUTIONER_INSTANCE");
    field.setAccessible(true);
    Object current = field.get(null);
    INDArray stock;
    try {
      field.set(null, new NativeOpExecutioner());
      stock = train(network.get(), data, normalization, epochs, batch);
    } finally {
      field.set(null, current);
    }
    assertArrayEquals(stock.data().asFloat(), installed.data().asFloat());
  }

  /** A few epochs: the final parameters. */
  private static INDArray train(NetworkBuilder builder, ExperimentData data, Normalization normalization, int epochs,
      int batch) {
    TrainResult result = Trainer.train(builder, data, normalization, "mcxent",
        TrainOptions.of(epochs, batch, "accuracy", 3), EpochCallback.NONE);
    return result.network().params().dup();
  }
}
