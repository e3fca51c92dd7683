package dev.hyp.runtime.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.bench.ScratchFolder;
import dev.hyp.runtime.bench.data.GeneratedData;
import dev.hyp.runtime.dl4j.nd4j.OpenBlasCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * `hyp bench peer`: the same searches in hyp and in Optuna + PyTorch / scikit-learn, side by side
 * in one run, each in child processes as a user starts them (hyp through its launcher, the peer
 * with /usr/bin/python3), one thread each. Per case and repeat, sides alternating:
 *
 * <ul>
 *   <li>{@code one_at_a_time}: `hyp run --parallel 1`, then hyp's trials' configurations (params,
 *       epochs, batch, the same rows) replayed in one PyTorch process;
 *   <li>{@code two_at_a_time} (tabular): `hyp run --parallel 2` against two PyTorch processes
 *       replaying half the configurations each, at once;
 *   <li>{@code search} (tabular, small): hyp's search against Optuna TPE with the peer, at the same budget
 *       (for tabular, hyp's figures are its {@code one_at_a_time} run's: the same search).
 * </ul>
 *
 * Every measurement is a JSON line (wall time, the trials' own seconds, peak resident memory of
 * each process, best validation and test accuracy); a table of hyp-over-peer ratios ends the run.
 */
public final class PeerBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> ONE_THREAD = Map.of("OMP_NUM_THREADS", "1", "MKL_NUM_THREADS", "1",
      "OPENBLAS_NUM_THREADS", "1");
  /**
   * Left out of the peers' environment: the kernels the `hyp` launcher names for ND4J's OpenBLAS (OpenBlasCore).
   * PyTorch's own OpenBLAS picks its kernels itself, as it does for a user.
   */
  private static final Set<String> HYP_ONLY = Set.of(OpenBlasCore.VARIABLE);

  private final PeerOptions options;
  private final PrintWriter out;
  private final Path scratch;
  private final List<Measure> measures = new ArrayList<>();
  private Path script;

  /** One side's figures for one part of a case in one repeat. */
  record Measure(String caseName, String part, String who, int repeat, int processes, double wallSeconds,
      double trialSeconds, int trials, double peakRssMb, double maxProcessRssMb, Double validation, Double test) {}

  /** A case made ready: its data file, spec, split and space on disk. */
  private record Prepared(PeerCase peerCase, Path data, Path spec, Path split, Path space) {}

  private PeerBenchmark(PeerOptions options, PrintWriter out) {
    this.options = options;
    this.out = out;
    this.scratch = options.work().resolve("scratch");
  }

  /** Runs the benchmark; returns 0, or 2 with one line on {@code err} when hyp or the peer cannot run. */
  public static int run(PeerOptions options, PrintWriter out, PrintWriter err) throws IOException {
    return new PeerBenchmark(options, out).run(err);
  }

  private int run(PrintWriter err) throws IOException {
    Files.createDirectories(scratch);
    if (options.python() != null) {
      String missing = PythonPeer.ensure(options.python(), options.install(), out);
      if (missing != null) {
        err.println("hyp bench peer: " + missing);
        return 2;
      }
      script = peerScript("peer_search.py");
    }
    Child.Result version = Child.run(Child.command(options.hyp(), "--version"), ONE_THREAD, scratch);
    if (version.exit() != 0) {
      err.println("hyp bench peer: `" + String.join(" ", options.hyp()) + " --version` failed (exit " + version.exit()
          + "): " + firstLine(version.err()));
      return 2;
    }
    boolean warm = false;
    for (String name : options.cases()) {
      Prepared prepared = prepare(name);
      if (!warm) {
        // the launcher builds itself and records its class archive on a first `run`: not to be timed
        Child.Result first = hypRun(prepared, 1, "warmup", "--trials", "1", "--max-epochs", "1");
        if (first.exit() != 0) {
          err.println("hyp bench peer: the warm-up `hyp run` failed (exit " + first.exit() + "): "
              + firstLine(first.err() + String.join("\n", first.out())));
          return 2;
        }
        warm = true;
      }
      if (name.equals("load")) {
        measureLoad(prepared);
        continue;
      }
      Map<String, Path> configs = new HashMap<>();
      for (int r = 0; r < options.repeats(); r++) {
        boolean hypFirst = r % 2 == 0;
        for (String part : parts(name)) {
          if (part.equals("search") && !name.equals("small")) {
            // hyp's search at this budget is the one_at_a_time run: the peer's search is set beside it
            Measure run = measures.stream().filter(m -> m.caseName().equals(name) && m.who().equals("hyp")
                && m.part().equals("one_at_a_time")).reduce((a, b) -> b).orElseThrow();
            record(new Measure(name, part, "hyp", r, 1, run.wallSeconds(), run.trialSeconds(), run.trials(),
                run.peakRssMb(), run.maxProcessRssMb(), run.validation(), run.test()), 1);
            measurePeer(prepared, part, r, null);
          } else if (hypFirst || !configs.containsKey(part)) {
            configs.put(part, measureHyp(prepared, part, r));
            measurePeer(prepared, part, r, configs.get(part));
          } else {
            measurePeer(prepared, part, r, configs.get(part));
            configs.put(part, measureHyp(prepared, part, r));
          }
        }
      }
    }
    PeerSummary.print(measures, options.python() != null, out);
    return 0;
  }

  private static List<String> parts(String caseName) {
    return switch (caseName) {
      case "tabular" -> List.of("one_at_a_time", "two_at_a_time", "search");
      case "cnn" -> List.of("one_at_a_time");
      default -> List.of("search");
    };
  }

  private Prepared prepare(String name) throws IOException {
    Path folder = options.work().resolve(name);
    Files.createDirectories(folder);
    if (name.equals("small")) {
      Path spec = options.samples().resolve("breast_cancer.hyp");
      Path data = options.samples().resolve("data").resolve("breast_cancer.csv");
      if (!Files.isRegularFile(spec) || !Files.isRegularFile(data)) {
        throw new UncheckedIOException(new IOException("the small case needs " + spec + " and " + data
            + "; name the samples folder with --samples"));
      }
      Path split = write(folder.resolve("split.json"), PeerSplit.holdout(data, 0.2, 0.2, 7).json());
      return new Prepared(PeerCase.small(), data, spec, split, null);
    }
    PeerCase peerCase = switch (name) {
      case "tabular" -> PeerCase.tabular(options.epochs());
      case "cnn" -> PeerCase.cnn(options.cnnEpochs());
      default -> PeerCase.load();
    };
    long rows = switch (name) {
      case "tabular" -> options.rows();
      case "cnn" -> options.images();
      default -> options.loadRows();
    };
    GeneratedData set = peerCase.data();
    Path data = folder.resolve(set.fileName(rows));
    if (!Files.isRegularFile(data)) {
      set.write(data, rows);
    }
    Path spec = write(folder.resolve(name + ".hyp"), peerCase.spec(data.getFileName().toString()));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("bench", "peer_case");
    fields.put("case", name);
    fields.put("data", data.toString());
    fields.put("rows", rows);
    fields.put("bytes", Files.size(data));
    if (name.equals("load")) {
      line(fields);
      return new Prepared(peerCase, data, spec, null, null); // no split or space: one trial, against pandas
    }
    Path split = write(folder.resolve("split.json"), PeerSplit.holdout(data, 0.2, 0.2, peerCase.seed()).json());
    Path space = write(folder.resolve("space.json"), peerCase.space());
    line(fields);
    return new Prepared(peerCase, data, spec, split, space);
  }

  /** Runs hyp's side of a part; returns the file of its trials' configurations for the peer to replay. */
  private Path measureHyp(Prepared p, String part, int repeat) throws IOException {
    String name = p.peerCase().name();
    int parallel = part.equals("two_at_a_time") || name.equals("small") ? 2 : 1;
    int trials = switch (name) {
      case "tabular" -> options.trials();
      case "cnn" -> options.cnnTrials();
      default -> options.smallTrials();
    };
    String runName = part + "-" + repeat;
    Child.Result run = hypRun(p, parallel, runName, "--trials", String.valueOf(trials));
    if (run.exit() != 0) {
      throw new IllegalStateException("`hyp run` failed (exit " + run.exit() + "): " + firstLine(run.err()));
    }
    Path folder = runFolder(p, runName);
    Child.Result listed = Child.run(Child.command(options.hyp(), "trials", folder.toString(), "--format", "json"),
        ONE_THREAD, scratch);
    JsonNode rows = JSON.readTree(String.join("\n", listed.out()));
    JsonNode best = JSON.readTree(folder.resolve("best.json").toFile());
    double trialSeconds = 0;
    ArrayNode configs = JSON.createArrayNode();
    for (JsonNode row : rows) {
      trialSeconds += row.path("seconds").asDouble();
      ObjectNode config = configs.addObject();
      config.put("number", row.get("number").asInt());
      config.set("params", row.get("params"));
      config.put("epochs", row.get("epochs").asInt());
      config.put("batch", row.get("params").has("batch") ? row.get("params").get("batch").asInt()
          : p.peerCase().fixedBatch());
    }
    Path configFile = write(options.work().resolve(name).resolve(runName + "-configs.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(configs));
    record(new Measure(name, part, "hyp", repeat, 1, run.seconds(), trialSeconds, rows.size(), run.peakRssMb(),
        run.maxProcessRssMb(), best.path("value").asDouble(), best.path("test").path("accuracy").asDouble()), parallel);
    return configFile;
  }

  private Child.Result hypRun(Prepared p, int parallel, String runName, String... more) {
    return hypRun(p, parallel, runName, ONE_THREAD, more);
  }

  private Child.Result hypRun(Prepared p, int parallel, String runName, Map<String, String> environment,
      String... more) {
    List<String> command = Child.command(options.hyp(), "run", p.spec().toString(), "--parallel",
        String.valueOf(parallel), "--out", runFolder(p, runName).toString());
    command.addAll(List.of(more));
    return Child.run(command, environment, scratch);
  }

  /**
   * The load case (PeerLoad): `hyp run` of the same command line once as a first start, then {@code repeats}
   * times again, each against pandas; seconds from each process's start to its data.
   */
  private void measureLoad(Prepared p) throws IOException {
    Map<String, String> timeline = new HashMap<>(ONE_THREAD);
    String user = System.getenv("HYP_JAVA_OPTS"); // the other cases' runs get the user's options too
    timeline.put("HYP_JAVA_OPTS", (user == null ? "" : user + " ") + "-Dhyp.start.timeline=true");
    double megabytes = Files.size(p.data()) / 1e6;
    Path loadScript = options.python() == null ? null : peerScript("peer_load.py");
    for (int r = 0; r <= options.repeats(); r++) {
      String part = r == 0 ? "first_start" : "load";
      ScratchFolder.delete(runFolder(p, "load"));
      Child.Result run = hypRun(p, 1, "load", timeline);
      if (run.exit() != 0) {
        throw new IllegalStateException("`hyp run` failed (exit " + run.exit() + "): " + firstLine(run.err()));
      }
      PeerLoad.Timeline marks = PeerLoad.Timeline.of(run.err());
      if (marks == null) {
        throw new IllegalStateException("`hyp run` printed no start timeline (HYP_JAVA_OPTS=-Dhyp.start.timeline=true)");
      }
      record(new Measure("load", part, "hyp", r, 1, run.seconds(), marks.trialsStart(), 1, run.peakRssMb(),
          run.maxProcessRssMb(), null, null), 1);
      double reading = marks.dataRead() - marks.readStarts();
      line(loadLine(part, "hyp", r, megabytes, marks.trialsStart(), Map.of("seconds_to_data_read", marks.dataRead(),
          "mb_per_second_to_data_read", PeerLoad.rate(megabytes, marks.dataRead()), "seconds_reading", round(reading),
          "mb_per_second_reading", PeerLoad.rate(megabytes, reading))));
      if (options.python() == null) {
        continue;
      }
      List<String> command = new ArrayList<>(List.of(options.python().toString(), loadScript.toString(),
          p.data().toString(), PeerLoad.LABEL));
      command.addAll(PeerLoad.DROP);
      Child.Result peer = Child.run(command, ONE_THREAD, HYP_ONLY, scratch);
      JsonNode summary = summary(peer);
      double seconds = summary.path("seconds_to_data").asDouble();
      record(new Measure("load", part, "pandas", r, 1, peer.seconds(), seconds, 1, peer.peakRssMb(),
          peer.maxProcessRssMb(), null, null), 1);
      line(loadLine(part, "pandas", r, megabytes, seconds, Map.of("read_csv_seconds",
          summary.path("read_csv_seconds").asDouble())));
    }
  }

  private static Map<String, Object> loadLine(String part, String who, int repeat, double megabytes, double seconds,
      Map<String, Object> more) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("bench", "peer_load");
    fields.put("part", part);
    fields.put("who", who);
    fields.put("repeat", repeat);
    fields.put("megabytes", round(megabytes));
    fields.put("seconds_to_data", round(seconds));
    fields.put("mb_per_second", PeerLoad.rate(megabytes, seconds));
    fields.putAll(more);
    return fields;
  }

  /** The peer's script {@code name} (a resource beside this class), written into the work folder. */
  private Path peerScript(String name) throws IOException {
    Path file = options.work().resolve(name);
    try (InputStream in = PeerBenchmark.class.getResourceAsStream(name)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  private Path runFolder(Prepared p, String runName) {
    return options.work().resolve(p.peerCase().name()).resolve("runs").resolve(runName);
  }

  private void measurePeer(Prepared p, String part, int repeat, Path configs) throws IOException {
    if (options.python() == null) {
      return;
    }
    PeerCase c = p.peerCase();
    List<String> base = List.of(options.python().toString(), script.toString());
    List<String> data = List.of("--kind", c.kind().equals("cnn") ? "cnn" : "mlp", "--data", p.data().toString(),
        "--label", c.label(), "--split", p.split().toString());
    if (part.equals("search")) {
      List<String> command = new ArrayList<>(base);
      if (c.name().equals("small")) {
        command.addAll(List.of("sklearn", "--trials", String.valueOf(options.smallTrials()), "--epochs", "30",
            "--n-jobs", "2", "--seed", "7", "--startup", "8"));
      } else {
        command.addAll(List.of("search", "--space", p.space().toString(), "--trials", String.valueOf(options.trials()),
            "--epochs", String.valueOf(options.epochs()), "--seed", String.valueOf(c.seed())));
      }
      command.addAll(data);
      Child.Result result = Child.run(command, ONE_THREAD, HYP_ONLY, scratch);
      JsonNode summary = summary(result);
      record(new Measure(c.name(), part, c.name().equals("small") ? "optuna+sklearn" : "optuna+pytorch", repeat, 1,
          result.seconds(), summary.path("trial_seconds").asDouble(), summary.path("trials").asInt(),
          result.peakRssMb(), result.maxProcessRssMb(), summary.path("best_validation_accuracy").asDouble(),
          summary.path("best_test_accuracy").asDouble()), c.name().equals("small") ? 2 : 1);
      return;
    }
    JsonNode all = JSON.readTree(configs.toFile());
    int processes = part.equals("two_at_a_time") ? 2 : 1;
    List<Child> children = new ArrayList<>();
    for (int i = 0; i < processes; i++) {
      StringBuilder only = new StringBuilder();
      for (int t = i; t < all.size(); t += processes) {
        only.append(only.isEmpty() ? "" : ",").append(all.get(t).get("number").asInt());
      }
      List<String> command = new ArrayList<>(base);
      command.addAll(List.of("replay", "--configs", configs.toString(), "--only", only.toString()));
      command.addAll(data);
      children.add(Child.start(command, ONE_THREAD, HYP_ONLY, scratch));
    }
    double wall = 0;
    double trialSeconds = 0;
    double rss = 0;
    double maxRss = 0;
    int trials = 0;
    double bestValidation = -1;
    Double bestTest = null;
    for (Child child : children) {
      Child.Result result = child.await();
      summary(result);
      wall = Math.max(wall, result.seconds());
      rss += result.peakRssMb();
      maxRss = Math.max(maxRss, result.peakRssMb());
      for (String lineText : result.jsonLines()) {
        JsonNode trial = JSON.readTree(lineText);
        if (trial.has("trial")) {
          trials++;
          trialSeconds += trial.get("seconds").asDouble();
          if (trial.get("validation_accuracy").asDouble() > bestValidation) {
            bestValidation = trial.get("validation_accuracy").asDouble();
            bestTest = trial.path("test_accuracy").isNull() ? null : trial.get("test_accuracy").asDouble();
          }
        }
      }
    }
    record(new Measure(c.name(), part, "pytorch", repeat, processes, wall, trialSeconds, trials, rss, maxRss,
        bestValidation, bestTest), processes);
  }

  /** The peer's summary line; a failed peer stops the benchmark with its error's last line. */
  private static JsonNode summary(Child.Result result) throws IOException {
    List<String> lines = result.jsonLines();
    if (result.exit() != 0 || lines.isEmpty()) {
      String[] err = result.err().strip().split("\n");
      throw new IllegalStateException("the peer failed (exit " + result.exit() + "): " + err[err.length - 1]);
    }
    return JSON.readTree(lines.get(lines.size() - 1));
  }

  private void record(Measure m, int parallel) {
    measures.add(m);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("bench", "peer");
    fields.put("case", m.caseName());
    fields.put("part", m.part());
    fields.put("who", m.who());
    fields.put("repeat", m.repeat());
    fields.put("parallel", parallel);
    fields.put("processes", m.processes());
    fields.put("trials", m.trials());
    fields.put("wall_seconds", round(m.wallSeconds()));
    fields.put("trial_seconds", round(m.trialSeconds()));
    fields.put("peak_rss_mb", round(m.peakRssMb()));
    fields.put("max_process_rss_mb", round(m.maxProcessRssMb()));
    fields.put("best_validation_accuracy", m.validation() == null ? null : round4(m.validation()));
    fields.put("best_test_accuracy", m.test() == null ? null : round4(m.test()));
    line(fields);
  }

  private void line(Map<String, ?> fields) {
    try {
      out.println(JSON.writeValueAsString(fields));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text);
    return file;
  }

  private static double round4(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }

  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int end = stripped.indexOf('\n');
    return end < 0 ? stripped : stripped.substring(0, end);
  }
}
