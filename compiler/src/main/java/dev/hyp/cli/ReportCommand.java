package dev.hyp.cli;

import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.runfolder.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp report RUN_DIR`: the run's charts and trials as one HTML file that works offline. */
@Command(name = "report",
    description = "Write a run's report: optimisation history, parameter importance, parallel coordinates, "
        + "slices, learning curves and a sortable table of trials, in one self-contained HTML file.")
final class ReportCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Where to write it (default: RUN_DIR/report.html).")
  Path file;

  @Override
  public Integer call() throws IOException {
    RunInfo info = RunFolder.info(directory, common.err());
    if (info == null) {
      return common.exit(ExitCode.BAD_INPUT);
    }
    Path target = file != null ? file : directory.resolve(HtmlReport.FILE);
    HtmlReport.write(new ReportInput(info.experiment(), info.metric(), info.split(), info.maximize(),
        RunFolder.trials(directory, info), info.params()), target);
    common.out().println("hyp: report: " + target);
    return common.exit(ExitCode.OK);
  }
}
