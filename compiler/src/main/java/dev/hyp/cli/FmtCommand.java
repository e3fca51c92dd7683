package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `hyp fmt FILE...`: rewrite specs in the canonical layout, keeping comments. */
@Command(name = "fmt", mixinStandardHelpOptions = true,
    description = "Rewrite specs in one canonical layout (comments kept).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done (with --check: every file is already formatted)",
        "1:a file has a syntax error (left untouched), or with --check would change",
        "2:usage error or unreadable file"})
final class FmtCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .hyp files to format.")
  List<Path> files;

  @Option(names = "--check", description = "Change nothing; exit 1 and name the files that would change.")
  boolean check;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Compiler compiler = new Compiler();
    int exit = 0;
    for (Path path : files) {
      SourceFile source = SpecFiles.read(path, err);
      if (source == null) {
        exit = Main.USAGE;
        continue;
      }
      ParseResult parsed = compiler.parse(source);
      if (!parsed.succeeded()) {
        err.print(new DiagnosticRenderer().renderAll(source, parsed.diagnostics()));
        err.println(source.name() + ": not formatted (syntax error)");
        exit = Math.max(exit, 1);
        continue;
      }
      String formatted = Formatter.format(source.text(), parsed.experiment(), parsed.comments());
      if (formatted.equals(source.text())) {
        continue;
      }
      if (check) {
        out.println("would reformat " + source.name());
        exit = Math.max(exit, 1);
      } else if (write(path, formatted, err)) {
        out.println("formatted " + source.name());
      } else {
        exit = Main.USAGE;
      }
    }
    out.flush();
    err.flush();
    return exit;
  }

  /** Writes through a temporary file, so an interrupted run never leaves half a spec. */
  private static boolean write(Path path, String text, java.io.PrintWriter err) {
    try {
      AtomicFiles.write(path, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      err.println("hyp: cannot write " + path + ": " + e.getMessage());
      return false;
    }
  }
}
