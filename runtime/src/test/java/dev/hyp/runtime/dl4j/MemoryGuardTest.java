package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Padding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Nd4jPatchesExtension.class)
class MemoryGuardTest {
  private static final long GB = 1L << 30;

  /** Its own copy of iris, so the fixed budget touches no other test's data. */
  private static ExperimentData iris(MemoryBudget budget) {
    ExperimentData data = ExperimentData.load(CsvSource.of(TestData.resource("iris.csv"), "species"), null,
        Task.CLASSIFICATION, new Split.Holdout(0.2, 0.1), null, 42);
    data.memoryBudget(budget);
    return data;
  }

  private static NetworkBuilder wide(ExperimentData data, int layers, int units) {
    NetworkBuilder network = new NetworkBuilder(1, data.inputShape(), Task.CLASSIFICATION, data.numClasses());
    for (int i = 0; i < layers; i++) {
      network.dense(units, Activation.RELU);
    }
    return network.output(null, Loss.MCXENT, null);
  }

  @Test
  void aNetworkTooLargeForTheMemoryFailsBeforeAnyWeightExists() throws IOException {
    ExperimentData data = iris(new MemoryBudget(16 * GB, 2, "on 20.0 GB free"));
    AtomicInteger epochs = new AtomicInteger();
    long residentBefore = residentBytes();
    TrainingFailedException e = assertThrows(TrainingFailedException.class, () -> Trainer.train(wide(data, 5, 25_000),
        data, Normalization.STANDARD, "mcxent", TrainOptions.of(5, 64, "accuracy", 1), (epoch, value) -> {
          epochs.incrementAndGet();
          return false;
        }));
    assertEquals(0, epochs.get(), "no epoch ran");
    // 2.5e9 parameters: weights, gradients and Adam's two moments are 4 x 9.3 GB
    assertTrue(e.getMessage().startsWith("needs about 37.3 GB for its network and a batch of 64, more than the 8.0 GB"
        + " a trial may use (2 at once on 20.0 GB free); lower units or batch, or run fewer at once"), e.getMessage());
    assertTrue(residentBytes() - residentBefore < GB, "nothing of the network was allocated");
  }

  @Test
  void theMessageSaysHowManyNetworksAKFoldTrialTrains() {
    ExperimentData data = ExperimentData.load(CsvSource.of(TestData.resource("iris.csv"), "species"), null,
        Task.CLASSIFICATION, new Split.KFold(3), null, 42);
    data.memoryBudget(new MemoryBudget(GB, 1, "within HYP_MEMORY_LIMIT = 1.0 GB"));
    TrainingFailedException e = assertThrows(TrainingFailedException.class, () -> Trainer.train(wide(data, 2, 10_000),
        data, Normalization.STANDARD, "mcxent", TrainOptions.of(5, 16, "accuracy", 1), EpochCallback.NONE));
    assertTrue(e.getMessage().matches("needs about [0-9.]+ GB for its 3 networks \\(one per fold\\) and a batch of 16,"
        + " more than the 1.0 GB a trial may use \\(1 at once within HYP_MEMORY_LIMIT = 1.0 GB\\); lower units or"
        + " batch \\(.*"), e.getMessage());
  }

  @Test
  void aNetworkThatFitsTrains() {
    ExperimentData data = iris(new MemoryBudget(GB, 2, "on 2.0 GB free"));
    TrainResult result = Trainer.train(wide(data, 1, 16), data, Normalization.STANDARD, "mcxent",
        TrainOptions.of(2, 16, "accuracy", 1), EpochCallback.NONE);
    assertEquals(2, result.epochsRun());
  }

  @Test
  void theEstimateCountsWhatTheBuiltNetworkHolds() {
    InputShape image = InputShape.image(8, 8, 3);
    NetworkBuilder cnn = new NetworkBuilder(1, image, Task.CLASSIFICATION, 4)
        .conv2d(8, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null).batchnorm()
        .lstm(5, Activation.TANH).dense(7, Activation.RELU).dropout(0.1).output(null, Loss.MCXENT, null);
    assertEquals(cnn.build().numParams(), MemoryEstimate.parameters(cnn.configuration()));
    MemoryEstimate estimate = MemoryEstimate.of(cnn.configuration(), image, 32, 1, false, 0);
    long parameters = MemoryEstimate.parameters(cnn.configuration());
    // at least weights, gradients and Adam's two moments, and something for the batch
    assertTrue(estimate.bytes() > 4 * 4 * parameters, estimate.toString());
    assertEquals(2 * estimate.bytes(), MemoryEstimate.of(cnn.configuration(), image, 32, 2, false, 0).bytes());
  }

  @Test
  void theEstimateCountsWhatConvolutionLayersKeepForTheBackwardPass() {
    InputShape image = InputShape.image(28, 28, 1);
    NetworkBuilder cnn = new NetworkBuilder(1, image, Task.CLASSIFICATION, 10)
        .conv2d(16, 3, 1, Padding.SAME, Activation.RELU).maxpool(2, null)
        .conv2d(32, 3, 1, Padding.SAME, Activation.RELU).output(null, Loss.MCXENT, null);
    // per image: 16 x 784 outputs and 1 x 9 x 784 columns, then 32 x 196 outputs and 16 x 9 x 196 columns
    long perImage = 16 * 784 + 9 * 784 + 32 * 196 + 16 * 9 * 196;
    assertEquals(64 * perImage * Float.BYTES, MemoryEstimate.keptForBackward(cnn.configuration(), image, 64));
    System.setProperty(ConvolutionReuse.SWITCH, "true");
    try {
      assertEquals(0, MemoryEstimate.keptForBackward(cnn.configuration(), image, 64), "DL4J's layer keeps nothing");
    } finally {
      System.clearProperty(ConvolutionReuse.SWITCH);
    }
  }

  @Test
  void aMeasuredBudgetSharesWhatTheUserAllowsAmongTheTrials() {
    System.setProperty(MachineMemory.PROPERTY, "6g");
    try {
      MemoryBudget budget = MemoryBudget.measure(3);
      assertEquals(2 * GB, budget.perTrial());
      assertEquals("3 at once within HYP_MEMORY_LIMIT = 6.0 GB", budget.describe());
    } finally {
      System.clearProperty(MachineMemory.PROPERTY);
    }
    assertTrue(MemoryBudget.measure(1).perTrial() > 0);
    System.setProperty(MemoryBudget.MAX_BYTES, "1g");
    try {
      assertEquals(GB / 2, MemoryBudget.measure(2).perTrial(), "an explicit JavaCPP limit lowers it");
    } finally {
      System.clearProperty(MemoryBudget.MAX_BYTES);
    }
  }

  @Test
  void amountsOfMemoryReadAndPrint() {
    assertEquals(8 * GB, MachineMemory.parseBytes("8g"));
    assertEquals(512L << 20, MachineMemory.parseBytes("512M"));
    assertEquals(3 * GB / 2, MachineMemory.parseBytes("1.5GB"));
    assertEquals(1000, MachineMemory.parseBytes("1000"));
    assertThrows(IllegalArgumentException.class, () -> MachineMemory.parseBytes("lots"));
    assertThrows(IllegalArgumentException.class, () -> MachineMemory.parseBytes("-1g"));
    assertEquals("14.2 GB", MachineMemory.format((long) (14.2 * GB)));
    assertEquals("100 bytes", MachineMemory.format(100));
  }

  private static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }
}
