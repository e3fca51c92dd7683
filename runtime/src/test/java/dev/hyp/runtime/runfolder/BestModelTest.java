package dev.hyp.runtime.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TestData;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestModelTest {
  private static ExperimentData data;
  private static TrainResult result;

  @TempDir
  Path dir;

  @BeforeAll
  static void trainOnce() {
    data = TestData.iris();
    result = Trainer.train(new NetworkBuilder(2, data.inputShape(), Task.CLASSIFICATION, 3)
            .dense(4, Activation.RELU).output(null, Loss.MCXENT, null), data, Normalization.NONE, "mcxent",
        TrainOptions.of(1, 32, "accuracy", 2), EpochCallback.NONE);
  }

  private static ParamValues lr(double lr) {
    return ParamValues.of(Map.of("lr", lr));
  }

  @Test
  void keepsTheBestTrialOnly() throws Exception {
    BestModel best = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    assertTrue(best.offer(0, 0.5, result, lr(0.1)));
    assertFalse(best.offer(1, 0.4, result, lr(0.2)));
    assertFalse(best.offer(2, 0.5, result, lr(0.3)), "a tie keeps the earlier model");
    assertFalse(best.offer(4, Double.NaN, result, lr(0.5)));
    assertTrue(best.offer(3, 0.7, result, lr(0.4)));
    assertEquals(3, best.bestTrial());
    SavedModel.Metadata metadata = SavedModel.readMetadata(dir.resolve(BestModel.MODEL));
    assertEquals(3, metadata.extra().get("trial"));
    assertEquals(Map.of("lr", 0.4), metadata.extra().get("params"));
    assertEquals(3, BestModel.readSummary(dir).orElseThrow().path("trial").asInt());
  }

  @Test
  void aReopenedRunOnlyReplacesItWithABetterTrial() throws Exception {
    BestModel first = BestModel.open(dir, Direction.MINIMIZE, "loss", "validation", data);
    assertTrue(first.offer(0, 0.3, result, lr(0.1)));
    BestModel resumed = BestModel.open(dir, Direction.MINIMIZE, "loss", "validation", data);
    assertEquals(0.3, resumed.bestValue().orElseThrow());
    assertFalse(resumed.offer(1, 0.4, result, lr(0.2)));
    assertTrue(resumed.offer(2, 0.2, summaryOf(), lr(0.3), new byte[] {1, 2, 3}));
    assertEquals(2, BestModel.readSummary(dir).orElseThrow().path("trial").asInt());
  }

  private static TrialSummary summaryOf() {
    return new TrialSummary(result.validation(), result.test(), result.epochsRun(), result.bestEpoch());
  }
}
