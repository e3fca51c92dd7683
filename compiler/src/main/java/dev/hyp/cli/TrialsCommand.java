package dev.hyp.cli;

import dev.hyp.runtime.report.TrialTable;
import dev.hyp.runtime.runfolder.RunInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `hyp trials RUN_DIR`: every trial of a run, as a table, CSV or JSON. */
@Command(name = "trials", mixinStandardHelpOptions = true,
    description = "List every trial of a run: number, state, value, parameters, epochs, time and reason.")
final class TrialsCommand implements Callable<Integer> {
  enum Format { table, csv, json }

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = "--format", defaultValue = "table", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    RunInfo info = RunFolder.info(directory, spec.commandLine().getErr());
    if (info == null) {
      return Main.USAGE;
    }
    TrialTable table = new TrialTable(RunFolder.trials(directory, info), info.metric());
    out.print(switch (format) {
      case csv -> table.csv();
      case json -> table.json();
      case table -> table.table();
    });
    out.flush();
    return 0;
  }
}
