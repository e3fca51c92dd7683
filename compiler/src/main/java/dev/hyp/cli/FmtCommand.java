package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.diag.DiagnosticRenderer;
import dev.hyp.compiler.parse.ParseResult;
import dev.hyp.compiler.print.Formatter;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.io.AtomicFiles;
import dev.hyp.runtime.run.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp fmt FILE...`: rewrite specs in the canonical layout, keeping comments. */
@Command(name = "fmt",
    description = "Rewrite specs in one canonical layout (comments kept).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done (with --check: every file is already formatted)",
        "1:a file has a syntax error (left untouched), or with --check would change",
        "2:usage error or unreadable file"})
final class FmtCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .hyp files to format.")
  List<Path> files;

  @Option(names = "--check", description = "Change nothing; exit 1 and name the files that would change.")
  boolean check;

  @Override
  public Integer call() {
    PrintWriter out = common.out();
    PrintWriter err = common.err();
    Compiler compiler = new Compiler();
    ExitCode exit = ExitCode.OK;
    for (Path path : files) {
      SourceFile source = SpecFiles.read(path, err);
      if (source == null) {
        exit = exit.worse(ExitCode.BAD_INPUT);
        continue;
      }
      ParseResult parsed = compiler.parse(source);
      if (!parsed.succeeded()) {
        err.print(new DiagnosticRenderer().renderAll(source, parsed.diagnostics()));
        err.println(source.name() + ": not formatted (syntax error)");
        exit = exit.worse(ExitCode.ERRORS);
        continue;
      }
      String formatted = Formatter.format(source.text(), parsed.experiment(), parsed.comments());
      if (formatted.equals(source.text())) {
        continue;
      }
      if (check) {
        out.println("would reformat " + source.name());
        exit = exit.worse(ExitCode.ERRORS);
      } else if (write(path, formatted, err)) {
        out.println("formatted " + source.name());
      } else {
        exit = exit.worse(ExitCode.BAD_INPUT);
      }
    }
    return common.exit(exit);
  }

  /** Writes through a temporary file, so an interrupted run never leaves half a spec. */
  private static boolean write(Path path, String text, PrintWriter err) {
    try {
      AtomicFiles.write(path, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      err.println("hyp: cannot write " + path + ": " + e.getMessage());
      return false;
    }
  }
}
