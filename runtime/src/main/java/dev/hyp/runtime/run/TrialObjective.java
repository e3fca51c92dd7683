package dev.hyp.runtime.run;

import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.runfolder.FrontModels;
import dev.hyp.runtime.dl4j.NetworkMeasures;
import dev.hyp.runtime.study.Objective;
import dev.hyp.runtime.study.Outcome;
import dev.hyp.runtime.study.StudyAbortedException;
import dev.hyp.runtime.study.Trial;
import dev.hyp.runtime.study.TrialInterruptedException;
import dev.hyp.runtime.study.TrialPrunedException;
import java.io.IOException;
import java.util.Optional;

/**
 * One trial: the generated code builds its network and training settings from its
 * parameters, the trainer trains it on the run's shared data, each epoch's validation value
 * goes to the pruner, and the best model so far is kept.
 */
final class TrialObjective<P> implements Objective {
  private final Experiment<P> experiment;
  private final ExperimentData data;
  private final long seed;
  private final BestModel best;
  private final Integer maxEpochs;
  private final FrontModels front; // null unless the front's models are kept: then they decide `best-model.zip`

  TrialObjective(Experiment<P> experiment, ExperimentData data, long seed, BestModel best, Integer maxEpochs) {
    this(experiment, data, seed, best, maxEpochs, null);
  }

  TrialObjective(Experiment<P> experiment, ExperimentData data, long seed, BestModel best, Integer maxEpochs,
      FrontModels front) {
    this.experiment = experiment;
    this.data = data;
    this.seed = seed;
    this.best = best;
    this.maxEpochs = maxEpochs;
    this.front = front;
  }

  /**
   * With several objectives or constraints: a trial over a `params` bound is rejected before its
   * network is built, at no cost; the others train (pruned on the first objective, which is always a
   * metric) and are measured; only a feasible trial's model may become `best-model.zip`, by the
   * first objective.
   */
  @Override
  public Outcome outcome(Trial trial) throws Exception {
    ExperimentDefinition definition = experiment.definition();
    if (!definition.isMultiObjective()) {
      return single(trial);
    }
    TrialMeasures measures = new TrialMeasures(definition);
    long params = TrialTraining.parameters(experiment, data, seed, trial.number(), trial.params());
    Optional<Outcome> rejected = measures.beforeTraining(params);
    if (rejected.isPresent()) {
      return rejected.get();
    }
    TrainResult result = train(trial);
    Outcome outcome = measures.afterTraining(result, params,
        () -> NetworkMeasures.latencyMillis(result.network(), data.inputShape()));
    if (outcome.violation() <= 0 && front != null) {
      try {
        front.stage(trial.number(), outcome.first(), result, trial.params());
      } catch (IOException e) {
        throw new StudyAbortedException("cannot keep the front's models: " + e.getMessage(), e);
      }
    } else if (outcome.violation() <= 0) {
      stage(trial, outcome.first(), null, result); // several objectives: no tie-break by loss
    }
    return outcome;
  }

  @Override
  public double evaluate(Trial trial) throws Exception {
    return single(trial).first();
  }

  /** One objective: its value, with the model's validation loss, which breaks ties for the best trial. */
  private Outcome single(Trial trial) throws TrialPrunedException {
    ExperimentDefinition.ObjectiveDefinition objective = experiment.definition().objective();
    TrainResult result = train(trial);
    double value = result.value(objective.metric(), objective.split());
    Double loss = TrialTraining.validationLoss(result);
    stage(trial, value, loss, result);
    return Outcome.of(value).withValidationLoss(loss);
  }


  private TrainResult train(Trial trial) throws TrialPrunedException {
    ExperimentDefinition.ObjectiveDefinition objective = experiment.definition().objective();
    TrainResult result = TrialTraining.train(experiment, data, seed, trial.number(), trial.params(), maxEpochs,
        (epoch, value) -> {
          trial.report(epoch, value);
          if (trial.stopRequested()) {
            throw new TrialInterruptedException();
          }
          return trial.shouldPrune();
        });
    if (result.pruned()) {
      throw new TrialPrunedException();
    }
    return result;
  }

  private void stage(Trial trial, double value, Double validationLoss, TrainResult result) {
    try {
      best.stage(trial.number(), value, validationLoss, result, trial.params());
    } catch (IOException e) {
      throw new StudyAbortedException("cannot keep the best model: " + e.getMessage(), e);
    }
  }
}
