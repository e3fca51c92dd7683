package dev.hyp.spark;

import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.images.ImageFolderSource;
import dev.hyp.runtime.data.images.ImageSize;
import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.TrainResult;
import dev.hyp.runtime.dl4j.TrainingFailedException;
import dev.hyp.runtime.dl4j.nd4j.Nd4jPatches;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.experiment.ExperimentDefinition;
import dev.hyp.runtime.dl4j.NetworkMeasures;
import dev.hyp.runtime.run.TrialMeasures;
import dev.hyp.runtime.run.TrialTraining;
import dev.hyp.runtime.study.Outcome;
import dev.hyp.runtime.runfolder.TrialSummary;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.BestTrialOrder;
import dev.hyp.runtime.trial.Direction;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkFiles;

/**
 * Trains one trial of a compiled experiment inside a Spark task, exactly as the run's threads
 * would ({@link TrialTraining}): same seed, same network, same values.
 *
 * <p>The experiment and its data are found once per executor JVM and kept for the run's later
 * tasks: in local mode the driver's own (tasks run in the driver's JVM), on a cluster the
 * experiment class from the application's jar and the data files Spark shipped with the job
 * ({@code SparkFiles}), loaded and split with the run's seed, so the split is the driver's.
 *
 * <p>Only a trial that beats the best trial known when it was sent ({@link BestTrialOrder}) returns its
 * model's bytes.
 */
final class Dl4jTrialFunction implements TrialFunction {
  private static final long serialVersionUID = 1L;

  /** Each executor JVM's experiments and data, by run. */
  static final Map<String, Loaded> LOADED = new ConcurrentHashMap<>();

  record Loaded(Experiment<?> experiment, ExperimentData data) {}

  /** What the driver sends back with a trial's value. */
  record Payload(TrialSummary summary, byte[] modelZip) implements Serializable {}

  private final String run;
  private final String experimentClass;
  private final String sourceFile;
  private final String testFile;
  private final long seed;
  private final Integer maxEpochs;
  private final Direction direction;
  private final boolean everyFeasibleModel;

  Dl4jTrialFunction(String run, String experimentClass, String sourceFile, String testFile, long seed,
      Integer maxEpochs, Direction direction) {
    this(run, experimentClass, sourceFile, testFile, seed, maxEpochs, direction, false);
  }

  /**
   * @param run identifies the run (its experiment and data) in executor JVMs
   * @param sourceFile, testFile the names under which Spark ships the data files (test: null when none)
   * @param everyFeasibleModel whether every feasible trial sends its model (the front's models are
   *     kept on the driver), not only one that may beat the best value
   */
  Dl4jTrialFunction(String run, String experimentClass, String sourceFile, String testFile, long seed,
      Integer maxEpochs, Direction direction, boolean everyFeasibleModel) {
    this.run = run;
    this.experimentClass = experimentClass;
    this.sourceFile = sourceFile;
    this.testFile = testFile;
    this.seed = seed;
    this.maxEpochs = maxEpochs;
    this.direction = direction;
    this.everyFeasibleModel = everyFeasibleModel;
  }

  @Override
  public TrialOutcome run(TrialInput input, StepReporter epochs) throws Exception {
    // the executor JVM's entry point for hyp: before the experiment's data loads ND4J (once per JVM)
    Nd4jPatches.install(Nd4jPatches.Options.fromSystemProperties());
    Loaded loaded = LOADED.computeIfAbsent(run, r -> load());
    ParamValues params = input.paramValues();
    ExperimentDefinition.ObjectiveDefinition objective = loaded.experiment().definition().objective();
    TrainResult result;
    try {
      result = TrialTraining.train(loaded.experiment(), loaded.data(), seed, input.number(), params, maxEpochs,
          epochs::report);
    } catch (TrainingFailedException e) {
      // seeded training fails the same way every time: no retry
      return TrialOutcome.failed(e.getMessage(), epochs.values());
    }
    if (result.pruned()) {
      return TrialOutcome.pruned(epochs.values());
    }
    ExperimentDefinition definition = loaded.experiment().definition();
    if (definition.isMultiObjective()) {
      return measured(loaded, input, params, result, epochs);
    }
    double value = result.value(objective.metric(), objective.split());
    Double validationLoss = TrialTraining.validationLoss(result); // the tie-break, as the run's threads keep it
    boolean mayBeBest = !Double.isNaN(value) && new BestTrialOrder(direction)
        .isBetter(new BestTrialOrder.Standing(value, validationLoss, input.number()), input.best());
    byte[] model = mayBeBest ? TrialTraining.modelZip(input.number(), value, result, params, loaded.data()) : null;
    TrialSummary summary = new TrialSummary(Map.copyOf(result.validation()),
        Map.copyOf(result.test()), result.epochsRun(), result.bestEpoch());
    return TrialOutcome.complete(value, validationLoss, epochs.values(), new Payload(summary, model));
  }

  /**
   * Every objective's value and the bounds' verdict, measured here as the run's threads do
   * ({@link TrialMeasures}: `latency` timed on this executor); a feasible trial's model comes back
   * when it may be the best, or always when the driver keeps the front's models.
   */
  private TrialOutcome measured(Loaded loaded, TrialInput input, ParamValues params, TrainResult result,
      StepReporter epochs) throws java.io.IOException {
    long weights = TrialTraining.parameters(loaded.experiment(), loaded.data(), seed, input.number(), params);
    Outcome outcome = new TrialMeasures(loaded.experiment().definition()).afterTraining(result, weights,
        () -> NetworkMeasures.latencyMillis(result.network(), loaded.data().inputShape()));
    double first = outcome.first();
    Double best = input.bestValue();
    boolean feasible = outcome.violation() <= 0 && !Double.isNaN(first);
    boolean send = feasible && (everyFeasibleModel || best == null || direction.isBetter(first, best));
    byte[] model = send ? TrialTraining.modelZip(input.number(), first, result, params, loaded.data()) : null;
    TrialSummary summary = new TrialSummary(Map.copyOf(result.validation()),
        Map.copyOf(result.test()), result.epochsRun(), result.bestEpoch());
    double[] values = outcome.values().stream().mapToDouble(Double::doubleValue).toArray();
    return TrialOutcome.measured(values, outcome.violation(), outcome.reason(), epochs.values(),
        new Payload(summary, model));
  }

  private Loaded load() {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Experiment<?> experiment = (Experiment<?>) Class.forName(experimentClass, true, loader)
          .getConstructor().newInstance();
      return new Loaded(experiment, shippedData(experiment.definition(), sourceFile, testFile, seed));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the experiment " + experimentClass + " on this executor: " + e, e);
    }
  }

  /**
   * The run's data from the files (or image folders) Spark shipped under {@code sourceName} and
   * {@code testName}, read and split with the run's seed as the driver did.
   */
  static ExperimentData shippedData(ExperimentDefinition definition, String sourceName, String testName, long seed) {
    ExperimentDefinition.DataDefinition data = definition.data();
    if (data.images() != null) {
      return ExperimentData.loadImages(shipped(data.images(), sourceName),
          data.imageTest() == null ? null : shipped(data.imageTest(), testName), data.split(), seed);
    }
    CsvSource source = shipped(data.source(), sourceName);
    CsvSource test = data.test() == null ? null : shipped(data.test(), testName);
    return ExperimentData.load(source, test, definition.task(), data.split(), data.image(), seed, data.plan());
  }

  private static ImageFolderSource shipped(ExperimentDefinition.ImageFolder folder, String name) {
    int[] size = folder.size();
    return new ImageFolderSource(Path.of(SparkFiles.get(name)),
        size == null ? null : new ImageSize(size[0], size[1], size[2]), folder.skipUnreadable());
  }

  private static CsvSource shipped(ExperimentDefinition.CsvFile file, String name) {
    return new CsvSource(Path.of(SparkFiles.get(name)), file.label(), file.header(), file.delimiter());
  }
}
