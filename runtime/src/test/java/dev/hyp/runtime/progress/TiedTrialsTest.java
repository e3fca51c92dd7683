package dev.hyp.runtime.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.storage.SqliteStorage;
import dev.hyp.runtime.study.Objective;
import dev.hyp.runtime.study.Outcome;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials tied on the objective: the one with the lower validation loss is the best for the study,
 * the progress line and `best-model.zip` alike, and stays so in the stored study.
 */
@ExtendWith(Nd4jPatchesExtension.class)
class TiedTrialsTest {
  // trial number -> (accuracy, validation loss): 1 ties 0 with a lower loss, 2 ties with a higher one, 3 is worse
  private static final double[][] OUTCOMES = {{0.9737, 0.199}, {0.9737, 0.087}, {0.9737, 0.12}, {0.95, 0.01}};

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

  /** Stages each trial's model as a run's trial does, and reports its accuracy with its validation loss. */
  private static Objective tied(BestModel best) {
    return new Objective() {
      @Override
      public double evaluate(Trial trial) throws Exception {
        return outcome(trial).first();
      }

      @Override
      public Outcome outcome(Trial trial) throws Exception {
        double[] o = OUTCOMES[trial.number()];
        best.stage(trial.number(), o[0], o[1], result, trial.params());
        return Outcome.of(o[0]).withValidationLoss(o[1]);
      }
    };
  }

  @Test
  void aLaterTiedTrialWithALowerValidationLossIsTheBestEverywhere() throws Exception {
    SearchSpace space = SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1)).build();
    Path runs = dir.resolve("run");
    StringWriter printed = new StringWriter();
    try (SqliteStorage storage = SqliteStorage.open(runs.resolve("hyp.db"))) {
      Study study = Study.builder("ties", space).direction(Direction.MAXIMIZE).storage(storage).open();
      BestModel best = BestModel.open(runs, Direction.MAXIMIZE, "accuracy", "validation", data);
      study.addListener(best);
      SearchProgress progress = new SearchProgress(4, Direction.MAXIMIZE, List.of(), java.time.Clock.systemUTC());
      study.addListener(new PlainProgress(new PrintWriter(printed, true), "accuracy", progress, Duration.ZERO,
          java.time.Clock.systemUTC()));
      study.optimize(tied(best), StudyOptions.trials(4));

      assertEquals(1, study.bestTrial().orElseThrow().number());
      assertEquals(0.087, study.bestTrial().orElseThrow().validationLoss());
      assertEquals(1, progress.snapshot().bestTrial());
      assertTrue(printed.toString().contains("best accuracy 0.9737 (trial 1)"), printed.toString());
      assertEquals(1, best.bestTrial());
      assertEquals(1, BestModel.readSummary(runs).orElseThrow().path("trial").asInt());
      assertEquals(1, SavedModel.readMetadata(runs.resolve(BestModel.MODEL)).extra().get("trial"));
    }
    try (SqliteStorage reopened = SqliteStorage.open(runs.resolve("hyp.db"))) {
      Study study = Study.builder("ties", space).direction(Direction.MAXIMIZE).storage(reopened).open();
      FrozenTrial bestTrial = study.bestTrial().orElseThrow();
      assertEquals(1, bestTrial.number());
      assertEquals(0.087, bestTrial.validationLoss());
      assertEquals(0.199, study.trials().get(0).validationLoss());
      SearchProgress resumed = new SearchProgress(8, Direction.MAXIMIZE, study.trials(), java.time.Clock.systemUTC());
      assertEquals(1, resumed.snapshot().bestTrial());
      BestModel kept = BestModel.open(runs, Direction.MAXIMIZE, "accuracy", "validation", data);
      assertEquals(1, kept.bestTrial());
    }
  }
}
