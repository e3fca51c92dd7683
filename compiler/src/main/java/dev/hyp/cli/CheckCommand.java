package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `hyp check FILE...`: parse and check specs without running anything. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check specs for mistakes before any compute is spent.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every file is clean (warnings allowed)", "1:some file has an error",
        "2:usage error, unreadable file, or a data file that is missing or lacks its label column"})
final class CheckCommand implements Callable<Integer> {
  enum Format { text, json }

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .hyp files to check.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Compiler compiler = new Compiler();
    DiagnosticRenderer renderer = new DiagnosticRenderer();
    List<JsonDiagnostics.Located> all = new ArrayList<>();
    int exit = 0;
    for (Path path : files) {
      SourceFile source = SpecFiles.read(path, err);
      if (source == null) {
        exit = Main.USAGE;
        continue;
      }
      CheckResult result = compiler.check(source);
      exit = Math.max(exit, exitCode(result));
      if (format == Format.json) {
        result.diagnostics().forEach(d -> all.add(new JsonDiagnostics.Located(source, d)));
        continue;
      }
      err.print(renderer.renderAll(source, result.diagnostics()));
      String summary = summary(result.diagnostics());
      (result.hasErrors() ? err : out).println(source.name() + ": " + summary);
    }
    if (format == Format.json) {
      out.println(JsonDiagnostics.toJson(all));
    }
    out.flush();
    err.flush();
    return exit;
  }

  /** 0 clean, 1 errors in the spec, 2 when a data file it names is missing or lacks the label (bad data, as in `run`). */
  static int exitCode(CheckResult result) {
    if (result.hasDataFileErrors()) {
      return Main.USAGE;
    }
    return result.hasErrors() ? 1 : 0;
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
