package dev.hyp.runtime.run;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** What a user may override when running an experiment; unset options keep the spec's values. */
public final class RunOptions {
  @Option(names = "--trials", paramLabel = "N", description = "Trial budget (default: the spec's `trials`).")
  Integer trials;

  @Option(names = "--parallel", paramLabel = "N", description = "Trials run at once (default: the spec's `parallel`).")
  Integer parallel;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of splits, weights and sampling (default: the spec's `seed`).")
  Long seed;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Start no trial after this long, e.g. 30s, 10m, 2h (default: the spec's `timeout`).")
  Long timeoutSeconds;

  @Option(names = "--max-epochs", paramLabel = "N",
      description = "Train each trial for at most N epochs, whatever the spec says (for quick smoke runs).")
  Integer maxEpochs;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where results go (default: runs/NAME).")
  Path out;

  @Option(names = "--resume", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Continue the study kept in the output folder (default; an edited spec continues it or "
          + "starts a new version, see docs/language.md); --no-resume starts a new version with nothing carried, "
          + "earlier versions staying readable.")
  boolean resume = true;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder that the spec's data paths are relative to (default: the spec's folder).")
  Path dataDirectory;

  @Option(names = "--storage", paramLabel = "URL",
      description = "Where the study lives: a JDBC URL such as jdbc:sqlite:study.db (default: DIR/hyp.db).")
  String storage;

  @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
      description = "Train the trials as Apache Spark tasks: local[N], spark://HOST:PORT, yarn, k8s://URL; "
          + "without MASTER, Spark's own configuration (spark-submit's). Needs hyp's spark module (docs/spark.md).")
  String spark;

  @Option(names = "--keep", paramLabel = "MODELS",
      description = "With several objectives, `front`: keep every Pareto-front trial's model as models/trial-N.zip"
          + " (a spec's `pick` rule keeps them anyway; default: best-model.zip only).")
  String keep;

  /** What is wrong with the options, as one line naming the option, or empty. */
  public Optional<String> problem() {
    if (keep != null && !keep.equals("front")) {
      return Optional.of("--keep takes `front` (every Pareto-front trial's model), not `" + keep + "`");
    }
    return Stream.of(atLeastOne("--trials", trials), atLeastOne("--parallel", parallel),
        atLeastOne("--max-epochs", maxEpochs)).flatMap(Optional::stream).findFirst();
  }

  private static Optional<String> atLeastOne(String option, Integer value) {
    return value != null && value < 1 ? Optional.of(option + " must be at least 1, not " + value) : Optional.empty();
  }

  /** `--keep front`: every front trial's model is kept. */
  public boolean keepFront() {
    return "front".equals(keep);
  }

  public Integer trials() {
    return trials;
  }

  public Integer parallel() {
    return parallel;
  }

  public Long seed() {
    return seed;
  }

  public Long timeoutSeconds() {
    return timeoutSeconds;
  }

  public Integer maxEpochs() {
    return maxEpochs;
  }

  public Path out() {
    return out;
  }

  public boolean resume() {
    return resume;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public String storage() {
    return storage;
  }

  /** The Spark master to train on, "" for Spark's configured one, or null to train on this process's threads. */
  public String spark() {
    return spark;
  }
}
