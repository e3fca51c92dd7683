package dev.hyp.lsp;

import dev.hyp.cli.CommonOptions;
import dev.hyp.cli.ToolCommand;
import dev.hyp.runtime.run.ExitCode;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `hyp lsp`: the language server, speaking the Language Server Protocol over standard input and output. */
@Command(name = "lsp",
    description = "Run the language server (LSP over standard input/output) for editors.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the editor shut the server down", "1:the editor left without shutting it down"})
public final class LspCommand implements Callable<Integer>, ToolCommand {
  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    InputStream in = System.in;
    PrintStream protocol = System.out;
    // standard output carries the protocol alone: anything else printed there would corrupt it
    System.setOut(System.err);
    try {
      boolean shutDown = HypLanguageServer.serve(in, protocol);
      return common.exit(shutDown ? ExitCode.OK : ExitCode.ERRORS);
    } finally {
      System.setOut(protocol);
    }
  }
}
