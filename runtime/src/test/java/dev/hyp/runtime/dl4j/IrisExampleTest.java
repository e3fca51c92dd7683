package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.pruner.Pruners;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.ParamCondition;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.study.StudyResult;
import dev.hyp.runtime.study.TrialPrunedException;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.TrialState;
import dev.hyp.runtime.vocab.Activation;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Updater;
import dev.hyp.runtime.vocab.WeightInit;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/iris.hyp driven by hand the way generated code will drive it (a small budget): the
 * data loaded once, one network per trial from the trial's parameters, the pruner fed after every
 * epoch, the best model kept.
 */
@ExtendWith(Nd4jPatchesExtension.class)
class IrisExampleTest {
  @TempDir
  Path runDir;

  @Test
  void irisSearchEndToEnd() throws Exception {
    ExperimentData data = ExperimentData.load(CsvSource.of(TestData.resource("iris.csv"), "species"), null,
        Task.CLASSIFICATION, new Split.Holdout(0.2, 0.1), null, 42);
    SearchSpace space = SearchSpace.builder()
        .add("lr", FloatDistribution.logUniform(1e-4, 1e-1))
        .add("depth", IntDistribution.uniform(1, 3))
        .perLayer("units", "depth", 3, CategoricalDistribution.of(16L, 32L, 64L, 128L))
        .add("act", CategoricalDistribution.of("relu", "tanh", "elu"))
        .add("dropout", FloatDistribution.stepped(0.0, 0.5, 0.05))
        .add("batch", CategoricalDistribution.of(16L, 32L, 64L))
        .add("opt", CategoricalDistribution.of("adam", "nesterovs"))
        .add("momentum", FloatDistribution.uniform(0.5, 0.99), ParamCondition.equalTo("opt", "nesterovs"))
        .constant("l2", 1e-4)
        .build();
    Study study = Study.builder("iris", space).direction(Direction.MAXIMIZE)
        .sampler(Samplers.create("tpe", Map.of("startup", 3), 42))
        .pruner(Pruners.create("asha", Map.of("min_epochs", 2, "reduction", 3)))
        .open();
    BestModel best = BestModel.open(runDir, Direction.MAXIMIZE, "accuracy", "validation", data);
    study.addListener(best);

    StudyResult result = study.optimize(trial -> {
      ParamValues p = trial.params();
      Map<String, Object> updaterArgs = new LinkedHashMap<>();
      updaterArgs.put("lr", p.getDouble("lr"));
      if (p.has("momentum")) { // a conditional argument is passed only where its parameter exists
        updaterArgs.put("momentum", p.getDouble("momentum"));
      }
      NetworkBuilder net = new NetworkBuilder(42, data.inputShape(), Task.CLASSIFICATION, data.numClasses())
          .updater(Updater.of(p.getString("opt")), updaterArgs)
          .weightInit(WeightInit.XAVIER)
          .l2(p.getDouble("l2"));
      for (int i = 1; i <= p.getInt("depth"); i++) {
        net.dense(p.getInt(SearchSpace.layerName("units", i)), Activation.of(p.getString("act")));
        net.dropout(p.getDouble("dropout"));
      }
      net.output(Activation.SOFTMAX, Loss.MCXENT, null);
      TrainOptions options = TrainOptions.of(8, p.getInt("batch"), "accuracy", 42 + trial.number())
          .withEarlyStopping(5, 0);
      TrainResult r = Trainer.train(net, data, Normalization.STANDARD, "mcxent", options, (epoch, value) -> {
        trial.report(epoch, value);
        return trial.shouldPrune();
      });
      if (r.pruned()) {
        throw new TrialPrunedException();
      }
      double value = r.validation().get("accuracy");
      best.stage(trial.number(), value, r, p);
      return value;
    }, StudyOptions.trials(6).withParallel(2));

    assertEquals(6, result.trials().size());
    assertEquals(0, result.count(TrialState.FAILED));
    // ties may finish in either order on two threads: compare values, not trial numbers
    assertEquals(result.best().orElseThrow().value(), best.bestValue().orElseThrow(), 0);
    SavedModel model = SavedModel.load(best.modelPath());
    assertEquals(data.classes(), model.metadata().classes());
    assertTrue(model.metadata().test().containsKey("accuracy"));
  }
}
