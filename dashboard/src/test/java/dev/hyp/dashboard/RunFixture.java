package dev.hyp.dashboard;

import dev.hyp.runtime.report.ParamScale;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.storage.Storage;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A search as a new user runs one, without training: hundreds of trials of a deep space (a
 * log-scale learning rate, per-layer units and dropout, eight activations, a conditional momentum
 * and a conditional log-scale decay that one complete trial has), mostly complete at 0.95 to 0.99,
 * pruned ones low, a few failed; written through the storage API into a real run folder.
 */
final class RunFixture {
  static final String EXPERIMENT = "deep";
  static final List<String> ACTIVATIONS = List.of("relu", "tanh", "elu", "selu", "gelu", "swish", "sigmoid",
      "leakyrelu");
  /** The one trial whose optimizer is sgd, so the one with a `decay`; it completes. */
  static final int SGD_TRIAL = 7;
  static final List<ParamScale> SCALES = List.of(
      new ParamScale("lr", ParamScale.LOG, List.of()),
      new ParamScale("depth", ParamScale.LINEAR, List.of()),
      new ParamScale("units[1]", ParamScale.CATEGORICAL, List.of(16, 32, 64, 128)),
      new ParamScale("units[2]", ParamScale.CATEGORICAL, List.of(16, 32, 64, 128)),
      new ParamScale("units[3]", ParamScale.CATEGORICAL, List.of(16, 32, 64, 128)),
      new ParamScale("dropout[1]", ParamScale.LINEAR, List.of()),
      new ParamScale("dropout[2]", ParamScale.LINEAR, List.of()),
      new ParamScale("dropout[3]", ParamScale.LINEAR, List.of()),
      new ParamScale("activation", ParamScale.CATEGORICAL, new ArrayList<>(ACTIVATIONS)),
      new ParamScale("optimizer", ParamScale.CATEGORICAL, List.of("adam", "nesterovs", "sgd")),
      new ParamScale("momentum", ParamScale.LINEAR, List.of()),
      new ParamScale("decay", ParamScale.LOG, List.of()));

  private RunFixture() {}

  /** {@code count} trials, the same for the same seed. */
  static List<FrozenTrial> trials(int count, long seed) {
    Random random = new Random(seed);
    List<FrozenTrial> trials = new ArrayList<>();
    Instant[] workers = {Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:00:01Z")};
    for (int n = 0; n < count; n++) {
      Map<String, Object> params = new LinkedHashMap<>();
      double lr = Math.pow(10, -4 + 3 * random.nextDouble());
      int depth = 1 + random.nextInt(3);
      params.put("lr", lr);
      params.put("depth", depth);
      for (int i = 1; i <= depth; i++) {
        params.put("units[" + i + "]", List.of(16, 32, 64, 128).get(random.nextInt(4)));
      }
      for (int i = 1; i <= depth; i++) {
        params.put("dropout[" + i + "]", 0.5 * random.nextDouble());
      }
      params.put("activation", ACTIVATIONS.get(random.nextInt(ACTIVATIONS.size())));
      String optimizer = n == SGD_TRIAL ? "sgd" : random.nextBoolean() ? "adam" : "nesterovs";
      params.put("optimizer", optimizer);
      if (optimizer.equals("nesterovs")) {
        params.put("momentum", 0.5 + 0.49 * random.nextDouble());
      }
      if (optimizer.equals("sgd")) {
        params.put("decay", 3e-4);
      }
      double draw = random.nextDouble();
      TrialState state = n == SGD_TRIAL ? TrialState.COMPLETE
          : draw < 0.08 ? TrialState.FAILED : draw < 0.4 ? TrialState.PRUNED : TrialState.COMPLETE;
      double quality = 0.95 + 0.04 * Math.exp(-Math.pow(Math.log10(lr) + 2.5, 2)) * (0.7 + 0.3 * random.nextDouble());
      int epochs = state == TrialState.COMPLETE ? 10 : 1 + random.nextInt(3);
      TreeMap<Integer, Double> curve = new TreeMap<>();
      for (int e = 1; e <= epochs; e++) {
        double ceiling = state == TrialState.PRUNED ? 0.2 + 0.4 * random.nextDouble() : quality;
        curve.put(e, ceiling * (1 - Math.exp(-0.6 * e)) + 0.002 * random.nextGaussian());
      }
      Double value = state == TrialState.COMPLETE ? curve.lastEntry().getValue()
          : state == TrialState.PRUNED ? curve.lastEntry().getValue() : null;
      int worker = n % workers.length;
      Instant start = workers[worker];
      Instant end = start.plusMillis(300 + 200L * epochs + random.nextInt(200));
      workers[worker] = end;
      trials.add(new FrozenTrial(n, state, ParamValues.of(params), value,
          state == TrialState.FAILED ? "the loss became NaN in epoch " + epochs : null, curve,
          "fixture|1|0", start, end));
    }
    return trials;
  }

  /** Writes {@code trials} as a run folder at {@code directory}: run.json and hyp.db, as `hyp run` leaves them. */
  static Path write(Path directory, List<FrozenTrial> trials) throws IOException {
    Files.createDirectories(directory);
    new RunInfo(EXPERIMENT, true, "accuracy", "validation", "fixture", null, SCALES, 1, EXPERIMENT).write(directory);
    try (Storage storage = Storages.inOutputDirectory(directory)) {
      long study = storage.openStudy(EXPERIMENT, Direction.MAXIMIZE, "fixture").id();
      for (FrozenTrial trial : trials) {
        int number = storage.createTrial(study, trial.params(), trial.owner(), trial.startedAt(), Integer.MAX_VALUE)
            .orElseThrow();
        trial.intermediate().forEach((step, value) -> storage.reportIntermediate(study, number, step, value));
        storage.finishTrial(study, number, trial.state(), trial.value(), trial.reason(), trial.finishedAt());
      }
    }
    return directory;
  }
}
