package dev.hyp.cli;

import dev.hyp.runtime.run.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The output streams of the command line a command runs in (Main's, or a test's), and the way
 * out, with a code from {@link ExitCode}: what both help mixins give their commands.
 */
public abstract class CommandIo {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec command;

  public PrintWriter out() {
    return command.commandLine().getOut();
  }

  public PrintWriter err() {
    return command.commandLine().getErr();
  }

  /** Flushes what the command printed and gives picocli the code to exit with. */
  public int exit(ExitCode code) {
    out().flush();
    err().flush();
    return code.code();
  }
}
