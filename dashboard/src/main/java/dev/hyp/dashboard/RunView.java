package dev.hyp.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.runfolder.Versions;
import dev.hyp.runtime.storage.Storages;
import dev.hyp.runtime.trial.BestTrialOrder;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dashboard's pages read, as JSON: the runs under its folder grouped by experiment with
 * their versions, and one version of one run as the report's data plus when and where each trial ran.
 */
final class RunView {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunView() {}

  /** Every run, each with its experiment, objective, versions and, for its current version, counts and the best value. */
  static String runs(RunFolders folders) throws IOException {
    ArrayNode runs = JSON.createArrayNode();
    for (Map.Entry<String, Path> entry : folders.all().entrySet()) {
      RunInfo info;
      try {
        info = RunInfo.read(entry.getValue());
      } catch (IOException e) {
        continue; // a run.json being written, or not a run after all
      }
      ObjectNode run = runs.addObject();
      run.put("id", entry.getKey());
      run.put("experiment", info.experiment());
      run.put("metric", info.metric());
      run.put("split", info.split());
      run.put("maximize", info.maximize());
      run.put("version", info.versionNumber());
      ArrayNode versions = run.putArray("versions");
      for (Versions.Version version : Versions.all(entry.getValue())) {
        ObjectNode v = versions.addObject();
        v.put("number", version.number());
        v.put("edit", version.edit());
        v.put("reason", version.reason());
        v.put("createdAt", version.createdAt());
        v.put("carried", version.carried());
      }
      counts(run, trials(entry.getValue(), info), info.maximize());
    }
    return JSON.writeValueAsString(runs);
  }

  /** One version of a run (its current one when {@code version} is empty): the report's data, the trials' times and a stamp. */
  static String run(String id, Path folder, Optional<Integer> version) throws IOException {
    RunInfo current = RunInfo.read(folder);
    int number = version.orElse(current.versionNumber());
    RunInfo info = number == current.versionNumber() ? current : RunFolders.info(folder, number);
    List<FrozenTrial> trials = trials(folder, info);
    ObjectNode root = JSON.createObjectNode();
    root.put("id", id);
    root.put("version", number);
    root.put("stamp", stamp(folder, info));
    root.put("current", current.versionNumber());
    ArrayNode versions = root.putArray("versions");
    for (Versions.Version v : Versions.all(folder)) {
      versions.addObject().put("number", v.number()).put("edit", v.edit()).put("reason", v.reason());
    }
    root.set("report", JSON.readTree(HtmlReport.data(new ReportInput(info.experiment(), info.metric(), info.split(),
        info.maximize(), trials, info.params()))));
    ArrayNode times = root.putArray("times");
    for (FrozenTrial trial : trials) {
      ObjectNode time = times.addObject();
      time.put("number", trial.number());
      time.put("owner", trial.owner());
      time.put("start", trial.startedAt() == null ? null : trial.startedAt().toEpochMilli());
      time.put("end", trial.finishedAt() == null ? null : trial.finishedAt().toEpochMilli());
    }
    counts(root, trials, info.maximize());
    return JSON.writeValueAsString(root);
  }

  /**
   * What changes whenever a trial starts, reports or finishes, read from the files' sizes and
   * times alone (no query): the database and its write-ahead log, and run.json (a new version).
   */
  static String stamp(Path folder, RunInfo info) throws IOException {
    StringBuilder stamp = new StringBuilder(String.valueOf(info.versionNumber()));
    List<Path> files = info.storage() == null
        ? List.of(folder.resolve(RunInfo.FILE), folder.resolve(Storages.DEFAULT_FILE),
            folder.resolve(Storages.DEFAULT_FILE + "-wal"))
        : List.of(folder.resolve(RunInfo.FILE));
    for (Path file : files) {
      if (Files.isRegularFile(file)) {
        stamp.append(':').append(Files.size(file)).append('@').append(Files.getLastModifiedTime(file).toMillis());
      }
    }
    if (info.storage() != null) {
      List<FrozenTrial> trials = trials(folder, info); // a database elsewhere: count what it holds
      stamp.append(':').append(trials.size()).append('/')
          .append(trials.stream().filter(t -> t.state() != TrialState.RUNNING).count());
    }
    return stamp.toString();
  }

  static String stamp(Path folder, Optional<Integer> version) throws IOException {
    RunInfo current = RunInfo.read(folder);
    int number = version.orElse(current.versionNumber());
    return stamp(folder, number == current.versionNumber() ? current : RunFolders.info(folder, number));
  }

  private static List<FrozenTrial> trials(Path folder, RunInfo info) {
    return Storages.trialsOf(folder, info.storage(), info.studyName());
  }

  private static void counts(ObjectNode node, List<FrozenTrial> trials, boolean maximize) {
    ObjectNode counts = node.putObject("counts");
    for (TrialState state : TrialState.values()) {
      counts.put(state.name().toLowerCase(java.util.Locale.ROOT), trials.stream().filter(t -> t.state() == state).count());
    }
    Direction direction = maximize ? Direction.MAXIMIZE : Direction.MINIMIZE;
    new BestTrialOrder(direction).best(trials) // as the study and best-model.zip decide it
        .ifPresent(best -> node.putObject("best").put("number", best.number()).put("value", best.value()));
  }
}
