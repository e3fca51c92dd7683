package dev.hyp.runtime.run;

import dev.hyp.runtime.dl4j.EpochCallback;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.NetworkBuilder;
import dev.hyp.runtime.dl4j.NetworkMeasures;
import dev.hyp.runtime.dl4j.SavedModel;
import dev.hyp.runtime.dl4j.TrainOptions;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.Trainer;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import dev.hyp.runtime.experiment.TrialSettings;
import dev.hyp.runtime.runfolder.BestModel;
import dev.hyp.runtime.space.ParamValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How one trial of an experiment trains, wherever it runs: on the run's threads ({@link
 * TrialObjective}) or in another process (a {@link TrialExecutor} such as the spark module's).
 * Both call this, so a trial's number, parameters and seed give the same network and values.
 */
public final class TrialTraining {
  private TrialTraining() {}

  /** The seed of trial {@code number}'s weights and row order. */
  public static long trialSeed(long runSeed, int number) {
    return runSeed * 1_000_003L + number;
  }

  /**
   * Builds the trial's network from its parameters and trains it on {@code data}.
   *
   * @param maxEpochs at most this many epochs whatever the spec says, or null
   * @param callback hears each epoch's validation value; true prunes
   * @throws dev.hyp.runtime.dl4j.TrainingFailedException when training fails (NaN loss, bad network)
   */
  public static <P> TrainResult train(Experiment<P> experiment, ExperimentData data, long runSeed, int number,
      ParamValues values, Integer maxEpochs, EpochCallback callback) {
    ExperimentDefinition.ObjectiveDefinition objective = experiment.definition().objective();
    P params = experiment.params(values);
    long trialSeed = trialSeed(runSeed, number);
    TrialSettings settings = experiment.training(params);
    NetworkBuilder network = new NetworkBuilder(trialSeed, data.inputShape(settings.encoding()), data.task(),
        data.numClasses());
    experiment.network(params, network);
    int epochs = maxEpochs == null ? settings.epochs() : Math.min(settings.epochs(), maxEpochs);
    TrainOptions options = TrainOptions.of(epochs, settings.batch(), objective.metric(), trialSeed);
    if (settings.patience() > 0) {
      options = options.withEarlyStopping(settings.patience(), settings.minDelta());
    }
    return Trainer.train(network, data, settings.normalize(), settings.encoding(), settings.loss().hypName(), options,
        callback);
  }

  /**
   * The trainable weights of trial {@code number}'s network, from its configuration alone: no
   * weight is made, so a constraint on `params` is decided before any epoch runs.
   */
  public static <P> long parameters(Experiment<P> experiment, ExperimentData data, long runSeed, int number,
      ParamValues values) {
    NetworkBuilder network = new NetworkBuilder(trialSeed(runSeed, number), data.inputShape(), data.task(),
        data.numClasses());
    experiment.network(experiment.params(values), network);
    return NetworkMeasures.parameters(network);
  }

  /**
   * Trains trial {@code number}'s configuration again on every non-test row for {@code epochs}
   * epochs (a refit): the same network, weights' seed and row order as the trial, its `batch`
   * and `normalize`, no pruning or early stopping.
   *
   * @param callback hears the training loss after each epoch
   */
  public static <P> TrainResult refit(Experiment<P> experiment, ExperimentData data, long runSeed, int number,
      ParamValues values, int epochs, EpochCallback callback) {
    P params = experiment.params(values);
    long trialSeed = trialSeed(runSeed, number);
    TrialSettings settings = experiment.training(params);
    NetworkBuilder network = new NetworkBuilder(trialSeed, data.inputShape(settings.encoding()), data.task(),
        data.numClasses());
    experiment.network(params, network);
    return Trainer.trainOnAll(network, data, settings.normalize(), settings.encoding(), settings.loss().hypName(),
        epochs, settings.batch(), trialSeed, callback);
  }

  /**
   * The trained model's loss on validation (the mean over folds for k-fold), which a single-objective
   * study keeps with the trial to break ties ({@link dev.hyp.runtime.trial.BestTrialOrder}); null when
   * not measured.
   */
  public static Double validationLoss(TrainResult result) {
    Double loss = result.validation().get("loss");
    return loss == null || loss.isNaN() ? null : loss;
  }

  /** The early-stopping threshold of a trial's configuration (0 without early stopping). */
  static <P> double minDelta(Experiment<P> experiment, ParamValues values) {
    TrialSettings settings = experiment.training(experiment.params(values));
    return settings.patience() > 0 ? settings.minDelta() : 0;
  }

  /** The trial's model as `best-model.zip` holds it (network, normalizer, labels, trial and parameters). */
  public static byte[] modelZip(int number, double value, TrainResult result, ParamValues params,
      ExperimentData data) throws IOException {
    Path temporary = Files.createTempFile("hyp-model", ".zip");
    try {
      SavedModel.save(temporary, result, data,
          BestModel.modelExtra(number, value, params, result.epochsRun(), result.bestEpoch()));
      return Files.readAllBytes(temporary);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
