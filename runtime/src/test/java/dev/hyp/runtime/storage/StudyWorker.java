package dev.hyp.runtime.storage;

import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A separate JVM running a study on an SQLite file, for the multi-process tests.
 *
 * <p>Arguments: database, study name, trial budget, number of the first trial that hangs (it
 * sleeps until the process is killed), parallel, seed, milliseconds each other trial takes, and
 * optionally a directory where it announces {@code ready-<seed>} and then waits for {@code go},
 * so that several workers start their trials together.
 */
public final class StudyWorker {
  static final SearchSpace SPACE = SearchSpace.builder()
      .add("x", FloatDistribution.uniform(-1, 1))
      .add("n", IntDistribution.uniform(1, 5))
      .build();

  private StudyWorker() {}

  public static void main(String[] args) throws Exception {
    Path db = Path.of(args[0]);
    String name = args[1];
    int trials = Integer.parseInt(args[2]);
    int hangFrom = Integer.parseInt(args[3]);
    int parallel = Integer.parseInt(args[4]);
    long seed = Long.parseLong(args[5]);
    long millis = Long.parseLong(args[6]);
    try (Storage storage = SqliteStorage.open(db)) {
      Study study = Study.builder(name, SPACE).storage(storage).specHash("worker")
          .sampler(Samplers.create("tpe", Map.of("startup", 4), seed)).open();
      if (args.length > 7) {
        Path signals = Path.of(args[7]);
        Files.createFile(signals.resolve("ready-" + seed));
        while (!Files.exists(signals.resolve("go"))) {
          Thread.sleep(10);
        }
      }
      study.optimize(t -> {
        Thread.sleep(t.number() >= hangFrom ? 600_000 : millis);
        return objective(t.params().getDouble("x"), t.params().getLong("n"));
      }, StudyOptions.trials(trials).withParallel(parallel));
    }
  }

  static double objective(double x, long n) {
    return x * x + n;
  }
}
