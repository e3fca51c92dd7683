package dev.hyp.cli;

import dev.hyp.runtime.run.ExitCode;
import picocli.CommandLine;

/**
 * A bug in hyp, not in the user's input: say so in one line, and print the stack trace only
 * when HYP_DEBUG is set, so that users see no stack traces for anything they did.
 */
final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine,
      CommandLine.ParseResult parseResult) {
    commandLine.getErr().println("hyp: internal error: " + exception);
    if (System.getenv("HYP_DEBUG") != null) {
      exception.printStackTrace(commandLine.getErr());
    } else {
      commandLine.getErr().println("hyp: this is a bug in hyp; run again with HYP_DEBUG=1 for details and report it");
    }
    return ExitCode.INTERNAL.code();
  }
}
