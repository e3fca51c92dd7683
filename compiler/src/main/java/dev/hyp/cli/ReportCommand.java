package dev.hyp.cli;

import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.runfolder.RunInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `hyp report RUN_DIR`: the run's charts and trials as one HTML file that works offline. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write a run's report: optimisation history, parameter importance, parallel coordinates, "
        + "slices, learning curves and a sortable table of trials, in one self-contained HTML file.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write it (default: RUN_DIR/report.html).")
  Path file;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    RunInfo info = RunFolder.info(directory, spec.commandLine().getErr());
    if (info == null) {
      return Main.USAGE;
    }
    Path target = file != null ? file : directory.resolve(HtmlReport.FILE);
    HtmlReport.write(new ReportInput(info.experiment(), info.metric(), info.split(), info.maximize(),
        RunFolder.trials(directory, info), info.params()), target);
    out.println("hyp: report: " + target);
    out.flush();
    return 0;
  }
}
