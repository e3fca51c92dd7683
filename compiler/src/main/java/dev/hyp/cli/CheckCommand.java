package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.run.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp check FILE...`: parse and check specs without running anything. */
@Command(name = "check",
    description = "Check specs for mistakes before any compute is spent.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file is clean (warnings allowed)", "1:some file has an error",
        "2:usage error, unreadable file, or a data file that is missing or lacks its label column"})
final class CheckCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .hyp files to check.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", converter = OutputFormat.TextOrJson.class,
      completionCandidates = OutputFormat.TextOrJson.class,
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() {
    PrintWriter out = common.out();
    PrintWriter err = common.err();
    Compiler compiler = new Compiler();
    DiagnosticRenderer renderer = new DiagnosticRenderer();
    List<JsonDiagnostics.Entry> all = new ArrayList<>();
    ExitCode exit = ExitCode.OK;
    for (Path path : files) {
      SourceFile source = SpecFiles.read(path, reason -> {
        err.println("hyp: " + reason);
        all.add(new JsonDiagnostics.Unreadable(path, reason)); // a CI job reading only stdout sees it too
      });
      if (source == null) {
        exit = exit.worse(ExitCode.BAD_INPUT);
        continue;
      }
      CheckResult result = compiler.check(source);
      exit = exit.worse(exitCode(result));
      if (format == OutputFormat.json) {
        result.diagnostics().forEach(d -> all.add(new JsonDiagnostics.Located(source, d)));
        continue;
      }
      err.print(renderer.renderAll(source, result.diagnostics()));
      String summary = summary(result.diagnostics());
      (result.hasErrors() ? err : out).println(source.name() + ": " + summary);
    }
    if (format == OutputFormat.json) {
      out.println(JsonDiagnostics.toJson(all));
    }
    return common.exit(exit);
  }

  /** Clean, errors in the spec, or bad input when a data file it names is missing or lacks the label (as in `run`). */
  static ExitCode exitCode(CheckResult result) {
    if (result.hasDataFileErrors()) {
      return ExitCode.BAD_INPUT;
    }
    return result.hasErrors() ? ExitCode.ERRORS : ExitCode.OK;
  }

  static String summary(List<Diagnostic> diagnostics) {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    List<String> parts = new ArrayList<>();
    if (errors > 0) {
      parts.add(errors + (errors == 1 ? " error" : " errors"));
    } else {
      parts.add("ok");
    }
    if (warnings > 0) {
      parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
    }
    return String.join(", ", parts);
  }
}
