package dev.hyp.cli;

import dev.hyp.runtime.report.TrialTable;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.runfolder.RunInfo;
import java.nio.file.Path;
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
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = "--format", defaultValue = "table", converter = OutputFormat.TableCsvOrJson.class,
      completionCandidates = OutputFormat.TableCsvOrJson.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    RunInfo info = RunFolder.info(directory, common.err());
    if (info == null) {
      return common.exit(ExitCode.BAD_INPUT);
    }
    TrialTable table = new TrialTable(RunFolder.trials(directory, info), info.metric());
    common.out().print(switch (format) {
      case csv -> table.csv();
      case json -> table.json();
      case table -> table.table();
      case text -> throw new IllegalStateException("--format text, which TableCsvOrJson turns away");
    });
    return common.exit(ExitCode.OK);
  }
}
