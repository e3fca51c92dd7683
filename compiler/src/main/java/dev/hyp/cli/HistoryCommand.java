package dev.hyp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.runfolder.Versions;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp history RUN_DIR`: the versions of the spec that ran in a run folder, one line each. */
@Command(name = "history",
    description = "List the versions of a run's spec: when each started, its fingerprint, git commit, what changed, "
        + "trials run and carried, and the best value.")
final class HistoryCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = "--format", defaultValue = "table", converter = OutputFormat.TableOrJson.class,
      completionCandidates = OutputFormat.TableOrJson.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  /** One version as the history shows it. */
  record Entry(int version, String createdAt, String fingerprint, String commit, Boolean dirty, String edit,
      String change, int trials, int carried, String metric, Double best) {}

  @Override
  public Integer call() throws IOException {
    List<RunFolder.Selected> selected = RunFolder.select(directory, RunFolder.ALL, true, common.err());
    if (selected == null) {
      return common.exit(ExitCode.BAD_INPUT);
    }
    List<Entry> entries = new ArrayList<>();
    Map<Integer, Versions.Version> versions = new LinkedHashMap<>();
    Versions.all(directory).forEach(v -> versions.put(v.number(), v));
    for (RunFolder.Selected one : selected) {
      entries.add(entry(versions.get(one.number()), one));
    }
    common.out().print(format == OutputFormat.json
        ? new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).writeValueAsString(entries) + "\n"
        : table(entries));
    return common.exit(ExitCode.OK);
  }

  private Entry entry(Versions.Version version, RunFolder.Selected selected) {
    List<FrozenTrial> trials = RunFolder.trials(directory, selected.info());
    Direction direction = selected.info().maximize() ? Direction.MAXIMIZE : Direction.MINIMIZE;
    Double best = null;
    for (FrozenTrial trial : trials) {
      if (trial.state() == TrialState.COMPLETE && trial.value() != null
          && (best == null || direction.isBetter(trial.value(), best))) {
        best = trial.value();
      }
    }
    int run = (int) trials.stream().filter(t -> !t.isCarried() && t.state() != TrialState.RUNNING).count();
    int carried = (int) trials.stream().filter(FrozenTrial::isCarried).count();
    return new Entry(version.number(), version.createdAt(), version.specHash(), version.commit(), version.dirty(),
        version.edit(), change(version), run, carried, selected.info().metric(), best);
  }

  /** The change from the version before in a few words. */
  private static String change(Versions.Version version) {
    if (version.number() == 1 || "first".equals(version.edit())) {
      return "first";
    }
    if ("no-resume".equals(version.edit())) {
      return "--no-resume";
    }
    return version.reason() == null || version.reason().isEmpty() ? version.edit() : version.reason();
  }

  private static String table(List<Entry> entries) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("version", "when", "fingerprint", "commit", "trials", "carried", "best", "change"));
    for (Entry entry : entries) {
      rows.add(List.of(String.valueOf(entry.version()),
          entry.createdAt() == null ? "-" : WHEN.format(Instant.parse(entry.createdAt())),
          entry.fingerprint() == null ? "-" : shortened(entry.fingerprint(), 12),
          commit(entry), String.valueOf(entry.trials()), String.valueOf(entry.carried()),
          entry.best() == null ? "-" : String.format(Locale.ROOT, "%s %.4f", entry.metric(), entry.best()),
          entry.change()));
    }
    int[] widths = new int[rows.get(0).size()];
    rows.forEach(row -> {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    });
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        line.append(c == 0 ? "" : "  ").append(String.format("%-" + widths[c] + "s", row.get(c)));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /** The short commit, `dirty` when its work tree had changes, `-` outside a repository. */
  private static String commit(Entry entry) {
    if (entry.commit() == null) {
      return "-";
    }
    String commit = shortened(entry.commit(), 7);
    return Boolean.TRUE.equals(entry.dirty()) ? commit + " dirty" : commit;
  }

  private static String shortened(String hex, int length) {
    return hex.substring(0, Math.min(length, hex.length()));
  }
}
