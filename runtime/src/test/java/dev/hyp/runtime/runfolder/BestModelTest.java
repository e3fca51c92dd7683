package dev.hyp.runtime.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.Nd4jPatchesExtension;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TestData;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(Nd4jPatchesExtension.class)
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

  private static FrozenTrial finished(int number, TrialState state, Double value, double lr) {
    TreeMap<Integer, Double> curve = new TreeMap<>(Map.of(1, value == null ? 0.1 : value));
    return new FrozenTrial(number, state, lr(lr), value, state == TrialState.FAILED ? FrozenTrial.INTERRUPTED : null,
        curve, "test", Instant.EPOCH, Instant.EPOCH);
  }

  /** A trial trained here: staged while it runs, then recorded as the study would. */
  private static void run(BestModel best, int number, TrialState state, double value, double lr) throws Exception {
    best.stage(number, value, result, lr(lr));
    best.trialFinished(null, finished(number, state, state == TrialState.COMPLETE ? value : null, lr));
  }

  private static int summaryTrial(Path dir) throws Exception {
    return BestModel.readSummary(dir).orElseThrow().path("trial").asInt();
  }

  private static int modelTrial(Path dir) throws Exception {
    return (Integer) SavedModel.readMetadata(dir.resolve(BestModel.MODEL)).extra().get("trial");
  }

  private List<Path> leftovers() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(".candidate")
          || f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  @Test
  void keepsTheBestCompleteTrialOnly() throws Exception {
    BestModel best = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    run(best, 0, TrialState.COMPLETE, 0.5, 0.1);
    run(best, 1, TrialState.COMPLETE, 0.4, 0.2);
    run(best, 2, TrialState.COMPLETE, 0.5, 0.3); // a tie keeps the earlier model
    assertFalse(best.stage(4, Double.NaN, result, lr(0.5)));
    run(best, 3, TrialState.COMPLETE, 0.7, 0.4);
    assertEquals(3, best.bestTrial());
    SavedModel.Metadata metadata = SavedModel.readMetadata(dir.resolve(BestModel.MODEL));
    assertEquals(3, metadata.extra().get("trial"));
    assertEquals(Map.of("lr", 0.4), metadata.extra().get("params"));
    assertEquals(3, summaryTrial(dir));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aTieGoesToTheLowerValidationLossAlsoAfterAKillAndAReopen() throws Exception {
    BestModel best = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    assertTrue(best.stage(0, 0.9, 0.3, result, lr(0.1)));
    best.trialFinished(null, finished(0, TrialState.COMPLETE, 0.9, 0.1).withValidationLoss(0.3));
    assertFalse(best.stage(1, 0.9, 0.4, result, lr(0.2)), "a tie with a higher loss");
    assertTrue(best.stage(2, 0.9, 0.1, result, lr(0.3)), "a tie with a lower loss"); // then the process dies
    BestModel resumed = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    assertEquals(0, resumed.bestTrial());
    resumed.recover(List.of(finished(0, TrialState.COMPLETE, 0.9, 0.1).withValidationLoss(0.3),
        finished(2, TrialState.COMPLETE, 0.9, 0.3).withValidationLoss(0.1)));
    assertEquals(2, summaryTrial(dir));
    assertEquals(2, modelTrial(dir));
    assertEquals(0.1, BestModel.readSummary(dir).orElseThrow().path("validationLoss").asDouble());
    BestModel reopened = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    assertEquals(new dev.hyp.runtime.trial.BestTrialOrder.Standing(0.9, 0.1, 2), reopened.standing().orElseThrow());
    assertFalse(reopened.beats(3, 0.9, 0.2));
    assertTrue(reopened.beats(3, 0.9, 0.05));
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aTrialThatDidNotCompleteNeverBecomesTheBest() throws Exception {
    BestModel best = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    run(best, 0, TrialState.COMPLETE, 0.5, 0.1);
    run(best, 1, TrialState.FAILED, 0.9, 0.2); // killed or failed after its model was staged
    assertEquals(0, summaryTrial(dir));
    assertEquals(0, modelTrial(dir));
    assertEquals(0.5, best.bestValue().orElseThrow());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aReopenedRunOnlyReplacesItWithABetterTrial() throws Exception {
    BestModel first = BestModel.open(dir, Direction.MINIMIZE, "loss", "validation", data);
    run(first, 0, TrialState.COMPLETE, 0.3, 0.1);
    BestModel resumed = BestModel.open(dir, Direction.MINIMIZE, "loss", "validation", data);
    assertEquals(0.3, resumed.bestValue().orElseThrow());
    assertFalse(resumed.stage(1, 0.4, result, lr(0.2)));
    byte[] remote = Files.readAllBytes(dir.resolve(BestModel.MODEL));
    assertTrue(resumed.stage(2, 0.2, new TrialSummary(Map.of("loss", 0.2), Map.of(), 1, 1), lr(0.3), remote));
    resumed.trialFinished(null, finished(2, TrialState.COMPLETE, 0.2, 0.3));
    assertEquals(2, summaryTrial(dir));
  }

  @Test
  void anotherProcessesBetterModelIsNotReplacedByAWorseOne() throws Exception {
    BestModel one = BestModel.open(dir, Direction.MINIMIZE, "loss", "validation", data);
    BestModel other = BestModel.open(dir, Direction.MINIMIZE, "loss", "validation", data);
    run(one, 0, TrialState.COMPLETE, 2.0, 0.1);
    assertTrue(other.stage(1, 1.5, result, lr(0.2))); // other has not seen trial 0's 2.0
    one.stage(2, 1.0, result, lr(0.3));
    one.trialFinished(null, finished(2, TrialState.COMPLETE, 1.0, 0.3));
    other.trialFinished(null, finished(1, TrialState.COMPLETE, 1.5, 0.2)); // worse than what is on disk now
    assertEquals(2, summaryTrial(dir));
    assertEquals(2, modelTrial(dir));
    assertEquals(1.0, other.bestValue().orElseThrow());
  }

  @Test
  void aCandidateLeftByAKillIsPromotedWhenItsTrialCompletedAndRemovedOtherwise() throws Exception {
    BestModel killed = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    run(killed, 0, TrialState.COMPLETE, 0.5, 0.1);
    killed.stage(1, 0.8, result, lr(0.2)); // recorded complete, then the process died
    killed.stage(2, 0.9, result, lr(0.3)); // interrupted
    killed.stage(3, 0.95, result, lr(0.4)); // still running in another live process
    Files.writeString(dir.resolve(".best.json.999999999.123.tmp"), "half a file"); // no such process
    BestModel resumed = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    resumed.recover(List.of(finished(0, TrialState.COMPLETE, 0.5, 0.1), finished(1, TrialState.COMPLETE, 0.8, 0.2),
        finished(2, TrialState.FAILED, null, 0.3), new FrozenTrial(3, TrialState.RUNNING, lr(0.4), null, null,
            new TreeMap<>(), "other", Instant.EPOCH, null)));
    assertEquals(1, summaryTrial(dir));
    assertEquals(1, modelTrial(dir));
    assertEquals(Map.of("lr", 0.2), BestModel.readSummary(dir).orElseThrow().path("params").traverse(
        new com.fasterxml.jackson.databind.ObjectMapper()).readValueAs(Map.class));
    assertEquals(List.of(dir.resolve(".candidate-3.zip")), leftovers());
  }

  @Test
  void aKillBetweenTheModelAndItsSummaryIsRepairedFromTheModel() throws Exception {
    BestModel best = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    run(best, 0, TrialState.COMPLETE, 0.5, 0.1);
    String olderSummary = Files.readString(dir.resolve(BestModel.SUMMARY));
    run(best, 1, TrialState.COMPLETE, 0.8, 0.2);
    Files.writeString(dir.resolve(BestModel.SUMMARY), olderSummary); // as if killed before the summary was written
    BestModel reopened = BestModel.open(dir, Direction.MAXIMIZE, "accuracy", "validation", data);
    assertEquals(1, summaryTrial(dir));
    assertEquals(0.8, reopened.bestValue().orElseThrow());
  }
}
