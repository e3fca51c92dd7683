package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.run.ExperimentMain;
import dev.hyp.runtime.run.RunOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `hyp run FILE`: check, compile in memory and run the search in this process. */
@Command(name = "run",
    description = "Check, compile and run a spec's search. Results go to runs/NAME beside the spec.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the search ran", "1:the spec has errors", "2:usage error, unreadable spec, bad data"})
final class RunCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .hyp file.")
  Path file;

  @Mixin
  RunOptions options = new RunOptions();

  @Override
  public Integer call() throws Exception {
    Compiler compiler = new Compiler();
    // under the launcher the search may run in a child JVM with options chosen from its data
    // (ExperimentMain.relaunchForWork), which checks the spec again: its warnings are held until then
    StringWriter held = ExperimentMain.choosesJvm() ? new StringWriter() : null;
    CheckedSpec checked = CheckedSpec.load(compiler, file, held == null ? common.err() : new PrintWriter(held, true));
    if (!checked.ok()) {
      printHeld(held);
      return common.exit(checked.exitCode());
    }
    Experiment<?> experiment = compiler.load(compiler.build(checked.experiment(), checked.source()));
    if (held != null) {
      int child = ExperimentMain.relaunchForWork(experiment, checked.directory(), options);
      if (child >= 0) {
        return child;
      }
      printHeld(held);
    }
    return common.exit(ExperimentMain.run(experiment, checked.directory(), options, common.out(), common.err()));
  }

  private void printHeld(StringWriter held) {
    if (held != null) {
      common.err().print(held);
      common.err().flush();
    }
  }
}
