package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Reads and checks a spec for the commands that go on to compile or run it. */
record CheckedSpec(SourceFile source, CheckedExperiment experiment, int exitCode) {

  /** The checked spec, or an exit code after printing why there is none (1: errors, 2: unreadable spec or data). */
  static CheckedSpec load(Path path, PrintWriter err) {
    SourceFile source = SpecFiles.read(path, err);
    if (source == null) {
      return new CheckedSpec(null, null, Main.USAGE);
    }
    CheckResult result = new Compiler().check(source);
    err.print(new DiagnosticRenderer().renderAll(source, result.diagnostics()));
    if (result.hasErrors()) {
      err.println(source.name() + ": " + CheckCommand.summary(result.diagnostics()) + "; nothing was run");
      return new CheckedSpec(source, null, CheckCommand.exitCode(result));
    }
    return new CheckedSpec(source, result.experiment(), 0);
  }

  boolean ok() {
    return experiment != null;
  }

  Path directory() {
    return source.path().toAbsolutePath().getParent();
  }
}
