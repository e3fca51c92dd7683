package dev.hyp.cli;

import dev.hyp.compiler.build.ExperimentBuild;
import dev.hyp.compiler.build.InMemoryClassLoader;
import dev.hyp.compiler.build.ProcessClasspath;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.run.ExperimentMain;
import dev.hyp.runtime.run.RunOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `hyp run FILE`: check, compile in memory and run the search in this process. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Check, compile and run a spec's search. Results go to runs/NAME beside the spec.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the search ran", "1:the spec has errors", "2:usage error, unreadable spec, bad data"})
final class RunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .hyp file.")
  java.nio.file.Path file;

  @Mixin
  RunOptions options = new RunOptions();

  @Override
  public Integer call() throws Exception {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    CheckedSpec checked = CheckedSpec.load(file, err);
    if (!checked.ok()) {
      return checked.exitCode();
    }
    ExperimentBuild.Compiled compiled = new ExperimentBuild().build(checked.experiment(), checked.source(),
        ProcessClasspath.entries());
    ClassLoader loader = new InMemoryClassLoader(compiled.entries(), RunCommand.class.getClassLoader());
    Experiment<?> experiment = (Experiment<?>) loader.loadClass(compiled.mainClass()).getConstructor().newInstance();
    return ExperimentMain.run(experiment, checked.directory(), options, out, err);
  }
}
