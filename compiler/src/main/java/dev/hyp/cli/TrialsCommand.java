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

  @Override
  public Integer call() {
    List<RunFolder.Selected> versions = RunFolder.select(directory, version, true, common.err());
    if (versions == null) {
      return common.exit(ExitCode.BAD_INPUT);
    }
    TrialTable table = RunFolder.ALL.equals(version) ? everyVersion(versions)
        : new TrialTable(RunFolder.trials(directory, versions.get(0).info()), versions.get(0).info().metric())
            .withObjectives(objectives(versions.get(0)));
    common.out().print(switch (format) {
      case csv -> table.csv();
      case json -> table.json();
      case table -> table.table();
      case text -> throw new IllegalStateException("--format text, which TableCsvOrJson turns away");
    });
    return common.exit(ExitCode.OK);
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
