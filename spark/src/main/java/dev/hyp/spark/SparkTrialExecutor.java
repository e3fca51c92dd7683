package dev.hyp.spark;

import dev.hyp.runtime.executor.TrialExecutor;
import dev.hyp.runtime.run.TrialMeasures;
import dev.hyp.runtime.run.TrialTraining;
import dev.hyp.runtime.study.Objective;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.jar.JarFile;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code --spark [MASTER]}: a run's trials as Spark tasks (see {@link SparkTrials}). Starts a
 * Spark context for the run (master from the option, else from Spark's configuration, as
 * spark-submit sets it) and stops it when the run ends.
 *
 * <p>Defaults it sets unless configured: {@code spark.executorEnv.OMP_NUM_THREADS=1} (one trial
 * per core; ND4J's OpenMP would otherwise oversubscribe), {@code spark.log.level=WARN}, and for
 * {@code local} masters the loopback address for the driver.
 */
public final class SparkTrialExecutor implements TrialExecutor {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Session open(Run run) throws Exception {
    SparkConf conf = new SparkConf(); // spark.* system properties: spark-submit's settings
    if (run.target() != null && !run.target().isEmpty()) {
      conf.setMaster(run.target());
    }
    if (!conf.contains("spark.master")) {
      throw new IllegalArgumentException("no Spark master: give one (--spark local[2], --spark spark://HOST:7077) "
          + "or run the jar with spark-submit");
    }
    String name = run.experiment().definition().name();
    conf.setIfMissing("spark.app.name", "hyp " + name);
    conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
    conf.setIfMissing("spark.log.level", "WARN");
    String master = conf.get("spark.master").toLowerCase(Locale.ROOT);
    // local, local[N], local[N,F]: tasks run in this JVM; local-cluster[...] runs executor JVMs on this machine
    boolean local = master.equals("local") || master.startsWith("local[");
    if (master.startsWith("local")) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    Class<?> experimentClass = run.experiment().getClass();
    // before connecting: an experiment compiled in memory cannot reach a cluster's executors
    List<Path> jars = local ? List.of() : jarsOf(experimentClass);
    JavaSparkContext spark = new JavaSparkContext(conf);
    String runId = name + "-" + UUID.randomUUID();
    try {
      String sourceFile = null;
      String testFile = null;
      if (local) {
        // tasks run in this JVM: they use the experiment and data already here
        Dl4jTrialFunction.LOADED.put(runId, new Dl4jTrialFunction.Loaded(run.experiment(), run.data()));
      } else {
        for (Path jar : jars) {
          spark.addJar(jar.toString());
        }
        if (run.images() != null) {
          // an image folder goes as a folder, its class subfolders and files inside
          sourceFile = shipFolder(spark, run.images());
          testFile = run.imageTest() == null ? null : shipFolder(spark, run.imageTest());
        } else {
          sourceFile = ship(spark, run.source().path());
          testFile = run.test() == null ? null : ship(spark, run.test().path());
        }
        if (testFile != null && testFile.equals(sourceFile)) {
          throw new IllegalArgumentException("the data and test " + (run.images() != null ? "folders" : "files")
              + " have the same name (" + testFile + "); Spark ships them by name: rename one");
        }
      }
      TrialFunction function = new Dl4jTrialFunction(runId, experimentClass.getName(), sourceFile, testFile,
          run.seed(), run.maxEpochs(), run.direction(), run.front() != null);
      SparkTrials trials = new SparkTrials(spark, function, measures(run),
          new SparkTrials.Pruning(run.pruner(), run.prunerOptions(), run.direction(), run.trials()),
          (trial, outcome) -> {
            Dl4jTrialFunction.Payload payload = (Dl4jTrialFunction.Payload) outcome.payload();
            if (payload == null || payload.modelZip() == null || outcome.violation() > 0) {
              return; // only a feasible trial's model is kept
            }
            if (run.front() != null) {
              run.front().stage(trial.number(), payload.modelZip());
            } else {
              run.best().stage(trial.number(), outcome.value(), outcome.validationLoss(), payload.summary(),
                  trial.params(), payload.modelZip());
            }
          },
          () -> run.best().standing().orElse(null));
      run.out().println("hyp: training on Spark " + conf.get("spark.master") + " (" + spark.defaultParallelism()
          + " cores), up to " + run.parallel() + " trials at once"
          + (run.pruner().equals("none") ? "" : "; pruner `" + run.pruner() + "` judges each task against the "
          + "trials known when it started"));
      run.out().flush();
      return new Session() {
        @Override
        public Objective objective() {
          return trials;
        }

        @Override
        public void close() {
          Dl4jTrialFunction.LOADED.remove(runId);
          spark.stop();
        }
      };
    } catch (RuntimeException e) {
      Dl4jTrialFunction.LOADED.remove(runId);
      spark.stop();
      throw e;
    }
  }

  /**
   * With several objectives or constraints: a trial over a `params` bound is decided here, on the
   * driver, from the network's configuration (no task is sent); null otherwise.
   */
  private static SparkTrials.Measures measures(Run run) {
    if (!run.experiment().definition().isMultiObjective()) {
      return null;
    }
    TrialMeasures measures = new TrialMeasures(run.experiment().definition());
    return trial -> measures.beforeTraining(TrialTraining.parameters(run.experiment(), run.data(), run.seed(),
        trial.number(), trial.params()));
  }

  static String shipFolder(JavaSparkContext spark, Path folder) {
    spark.addFile(folder.toAbsolutePath().toString(), true);
    return folder.getFileName().toString();
  }

  private static String ship(JavaSparkContext spark, Path file) {
    spark.addFile(file.toAbsolutePath().toString());
    return file.getFileName().toString();
  }

  /**
   * The jars executors need for the experiment: the jar it was loaded from and those its
   * manifest's Class-Path lists (a jar from `hyp compile` run as {@code java -jar}). A jar given
   * to spark-submit is shipped already; adding it again changes nothing.
   */
  static List<Path> jarsOf(Class<?> experimentClass) {
    Path location;
    try {
      var source = experimentClass.getProtectionDomain().getCodeSource();
      location = source == null ? null : Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      location = null;
    }
    if (location == null || !Files.isRegularFile(location)) {
      throw new IllegalArgumentException("the experiment was compiled in memory, so Spark's executors cannot load "
          + "it; on a cluster, run a jar: hyp compile --spark, then spark-submit (docs/spark.md)");
    }
    List<Path> jars = new ArrayList<>(List.of(location));
    try (JarFile jar = new JarFile(location.toFile())) {
      String classPath = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
      if (classPath != null) {
        for (String entry : classPath.trim().split("\\s+")) {
          Path library = location.resolveSibling(entry);
          if (Files.isRegularFile(library)) {
            jars.add(library);
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read " + location + ": " + e.getMessage(), e);
    }
    return jars;
  }
}
