package dev.hyp.cli;

import dev.hyp.runtime.report.TrialTable;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.trial.FrozenTrial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp trials RUN_DIR`: every trial of a run, as a table, CSV or JSON. */
@Command(name = "trials",
    description = "List every trial of a run: number, state, value, parameters, epochs, time and reason.")
final class TrialsCommand implements Callable<Integer> {
  @Mixin
  VersionedCommonOptions common;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = "--format", defaultValue = "table", converter = OutputFormat.TableCsvOrJson.class,
      completionCandidates = OutputFormat.TableCsvOrJson.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--version", paramLabel = "N",
      description = "Which version of the spec: a number, or `all` with a version column (default: the current one).")
  String version;

  @Option(names = "--state", paramLabel = "STATES",
      description = "Only trials in these states: complete, pruned, failed, running (several with commas).")
  String state;

  @Option(names = "--sort", paramLabel = "KEY",
      description = "Order by number, value (best first), state, epochs, seconds or a parameter; -KEY reverses.")
  String sort;

  @Option(names = "--top", paramLabel = "N", description = "Only the first N trials (the N best unless --sort says otherwise).")
  Integer top;

  @Option(names = "--columns", paramLabel = "NAMES", split = ",",
      description = "The table's columns after trial, state and value: parameters, epochs, time, reason (with commas).")
  List<String> columns;

  @Override
  public Integer call() {
    List<RunFolder.Selected> versions = RunFolder.select(directory, version, true, common.err());
    if (versions == null) {
      return common.exit(ExitCode.BAD_INPUT);
    }
    TrialTable table = RunFolder.ALL.equals(version) ? everyVersion(versions)
        : new TrialTable(RunFolder.trials(directory, versions.get(0).info()), versions.get(0).info().metric())
            .withObjectives(objectives(versions.get(0)));
    if (state != null || sort != null || top != null || columns != null) {
      table = select(table, versions);
      if (table == null) {
        return common.exit(ExitCode.BAD_INPUT);
      }
    }
    TrialTable shown = table;
    common.out().print(switch (format) {
      case csv -> shown.csv();
      case json -> shown.json();
      case table -> TerminalWidth.columns().map(shown::table).orElseGet(shown::table);
      case text -> throw new IllegalStateException("--format text, which TableCsvOrJson turns away");
    });
    StaleReport.refresh(directory, common.err());
    return common.exit(ExitCode.OK);
  }

  /** The table's trials as --state, --sort and --top select them, with the --columns asked for; null after saying why not. */
  private TrialTable select(TrialTable table, List<RunFolder.Selected> versions) {
    boolean all = RunFolder.ALL.equals(version);
    List<TrialTable.Row> rows = new ArrayList<>();
    for (RunFolder.Selected selected : versions) {
      for (FrozenTrial trial : RunFolder.trials(directory, selected.info())) {
        rows.add(new TrialTable.Row(all ? selected.number() : null, trial));
      }
    }
    List<String> optional = table.optionalColumns();
    List<String> parameters = optional.subList(0, optional.size() - 3);
    TrialSelection selection = TrialSelection.of(state, sort, top, versions.get(versions.size() - 1).info().maximize(),
        parameters, common.err());
    if (selection == null) {
      return null;
    }
    String metric = all ? metricOf(versions) : versions.get(0).info().metric();
    TrialTable selected = TrialTable.of(selection.apply(rows), metric, all);
    if (!all) {
      selected.withObjectives(objectives(versions.get(0)));
    }
    if (columns == null) {
      return selected;
    }
    List<String> unknown = columns.stream().filter(c -> !optional.contains(c)).toList();
    if (!unknown.isEmpty()) {
      common.err().println("hyp: --columns has no column `" + unknown.get(0) + "`; the columns are "
          + String.join(", ", optional));
      return null;
    }
    return selected.withColumns(columns);
  }

  private static String metricOf(List<RunFolder.Selected> versions) {
    long metrics = versions.stream().map(selected -> selected.info().metric()).distinct().count();
    return metrics == 1 ? versions.get(0).info().metric() : "value";
  }

  /** The version's objectives (a column each with several), or none when its meaning cannot be read. */
  private List<dev.hyp.runtime.trial.ObjectiveName> objectives(RunFolder.Selected selected) {
    try {
      List<dev.hyp.runtime.trial.ObjectiveName> objectives = BestFront.objectives(directory, selected);
      return objectives.size() > 1 ? objectives : List.of();
    } catch (java.io.IOException e) {
      return List.of();
    }
  }

  /** Every version's trials in order; the metric heads its column when every version has the same one. */
  private TrialTable everyVersion(List<RunFolder.Selected> versions) {
    List<TrialTable.Row> rows = new ArrayList<>();
    for (RunFolder.Selected selected : versions) {
      for (FrozenTrial trial : RunFolder.trials(directory, selected.info())) {
        rows.add(new TrialTable.Row(selected.number(), trial));
      }
    }
    long metrics = versions.stream().map(selected -> selected.info().metric()).distinct().count();
    return TrialTable.ofVersions(rows, metrics == 1 ? versions.get(0).info().metric() : "value");
  }
}
