package dev.hyp.cli;

import dev.hyp.runtime.run.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every `hyp` command shares, as a picocli mixin: -h and -V, the output streams of the
 * command line it runs in (Main's, or a test's), and the way out, with a code from {@link ExitCode}.
 */
@Command(mixinStandardHelpOptions = true)
final class CommonOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  PrintWriter out() {
    return command.commandLine().getOut();
  }

  PrintWriter err() {
    return command.commandLine().getErr();
  }

  /** Flushes what the command printed and gives picocli the code to exit with. */
  int exit(ExitCode code) {
    out().flush();
    err().flush();
    return code.code();
  }
}
