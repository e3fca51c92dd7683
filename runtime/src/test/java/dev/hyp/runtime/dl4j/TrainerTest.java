package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerTest {

  private static NetworkBuilder irisNet(long seed, double lr) {
    ExperimentData data = TestData.iris();
    return new NetworkBuilder(seed, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
        .updater("adam", Map.of("lr", lr))
        .dense(16, "relu")
        .output(null, "mcxent", null);
  }

  @Test
  void learnsIrisWellAboveChance() {
    TrainResult result = Trainer.train(irisNet(1, 0.05), TestData.iris(), Normalization.STANDARD, "mcxent",
        TrainOptions.of(15, 16, "accuracy", 1), EpochCallback.NONE);
    assertEquals(15, result.epochsRun());
    assertFalse(result.pruned());
    assertTrue(result.validation().get("accuracy") >= 0.8, "validation " + result.validation());
    assertTrue(result.test().get("accuracy") >= 0.7, "test " + result.test());
    assertEquals(Metrics.CLASSIFICATION.size(), result.validation().size());
    assertEquals(15, result.history().length);
  }
}
