package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.run.Refit;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.runfolder.Versions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `hyp refit RUN_DIR [--trial N]`: the chosen trial's configuration trained again on the training
 * and validation rows, from the spec the run folder keeps for its current version (its data paths
 * relative to the folder the run read its data from).
 */
@Command(name = "refit",
    description = {"Train the best trial's configuration (or trial N's) again on the training and validation rows "
        + "(every fold's rows for kfold), for the epochs at which it was best, with its seed; evaluate it on the "
        + "test rows; write final-model.zip and final.json into the run folder.",
        "Exit 1 when no trial has completed, 2 when trial N is not complete or the data is gone."})
final class RefitCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = "--trial", paramLabel = "N", description = "A complete trial's number (default: the best).")
  Integer trial;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder that the spec's data paths are relative to (default: the one the run used).")
  Path dataDirectory;

  @Override
  public Integer call() throws IOException, ReflectiveOperationException {
    PrintWriter err = common.err();
    RunInfo info = RunFolder.info(directory, err);
    if (info == null) {
      return common.exit(ExitCode.BAD_INPUT);
    }
    int version = info.versionNumber();
    Optional<String> text = RunFolder.currentSpec(directory, info);
    if (text.isEmpty()) {
      err.println("hyp: " + directory + " kept no spec for its version " + version + "; refit with the jar "
          + "compiled from it (`java -jar NAME.jar refit`)");
      return common.exit(ExitCode.BAD_INPUT);
    }
    Optional<Path> data = dataDirectory != null ? Optional.of(dataDirectory) : Refit.dataDirectory(info, directory);
    if (data.isEmpty()) {
      err.println("hyp: " + directory + " does not say where its data is (it was made by an older hyp); "
          + "give the spec's folder with --data-dir");
      return common.exit(ExitCode.BAD_INPUT);
    }
    // checked as if it were where the run read it from, so that its data paths resolve as they did
    SourceFile source = new SourceFile(Versions.folder(directory, version).resolve(Versions.SPEC).toString(),
        data.get().resolve(info.experiment() + ".hyp"), text.get());
    Compiler compiler = new Compiler();
    CheckResult result = compiler.check(source);
    err.print(new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    if (result.hasErrors()) {
      err.println(source.name() + ": " + CheckCommand.summary(result.diagnostics()) + "; nothing was refitted");
      return common.exit(CheckCommand.exitCode(result));
    }
    Experiment<?> experiment = compiler.load(compiler.build(result.experiment(), source));
    return common.exit(Refit.run(experiment, directory, trial, data.get(), common.out(), err));
  }
}
