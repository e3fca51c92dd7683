package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.run.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads and checks a spec for the commands that go on to compile or run it. */
record CheckedSpec(SourceFile source, CheckedExperiment experiment, ExitCode exitCode) {

  /** The checked spec, or an exit code after printing why there is none (errors, or an unreadable spec or data). */
  static CheckedSpec load(Compiler compiler, Path path, PrintWriter err) {
    SourceFile source = SpecFiles.read(path, err);
    if (source == null) {
      return new CheckedSpec(null, null, ExitCode.BAD_INPUT);
    }
    CheckResult result = compiler.check(source);
    err.print(new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    if (result.hasErrors()) {
      err.println(source.name() + ": " + CheckCommand.summary(result.diagnostics()) + "; nothing was run");
      return new CheckedSpec(source, null, CheckCommand.exitCode(result));
    }
    return new CheckedSpec(source, result.experiment(), ExitCode.OK);
  }

  boolean ok() {
    return experiment != null;
  }

  Path directory() {
    return source.path().toAbsolutePath().getParent();
  }
}
