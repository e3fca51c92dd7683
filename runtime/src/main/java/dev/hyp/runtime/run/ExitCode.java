package dev.hyp.runtime.run;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The exit codes of both of hyp's command lines, `hyp` and a compiled experiment's jar (README
 * "Exit codes"; each command's --help lists those it uses). Nothing else chooses a number.
 */
public enum ExitCode {
  /** Done as asked; a check that found only warnings is done too. */
  OK(0),
  /**
   * The command worked and found the input wanting: errors in a spec, a file `fmt --check` would
   * change, no completed trial for `hyp best`.
   */
  ERRORS(1),
  /** Usage errors, unreadable files, bad data, unusable options, a study that belongs to another spec. */
  BAD_INPUT(2),
  /** An exception nobody expected: a bug in hyp, and the handler says so. 70 is sysexits' EX_SOFTWARE. */
  INTERNAL(70),
  /** A search stopped by SIGINT (Ctrl-C) after it wound down (128 + 2, as shells report it). */
  INTERRUPTED(130),
  /** A search stopped by SIGTERM after it wound down (128 + 15). */
  TERMINATED(143);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The more serious of the two: a command over several files exits with the worst of them. */
  public ExitCode worse(ExitCode other) {
    return other.code > code ? other : this;
  }

  /**
   * Makes picocli's own outcomes exit with these codes on every command of the tree: help and
   * version are {@link #OK}, a usage error is {@link #BAD_INPUT} with one line, an exception
   * {@link #INTERNAL}.
   */
  public static CommandLine install(CommandLine commandLine) {
    commandLine.setParameterExceptionHandler(ExitCode::usageError);
    CommandSpec spec = commandLine.getCommandSpec();
    spec.exitCodeOnSuccess(OK.code)
        .exitCodeOnUsageHelp(OK.code)
        .exitCodeOnVersionHelp(OK.code)
        .exitCodeOnInvalidInput(BAD_INPUT.code)
        .exitCodeOnExecutionException(INTERNAL.code);
    commandLine.getSubcommands().values().forEach(ExitCode::install);
    return commandLine;
  }

  /**
   * A bad option or argument: picocli's message and where help is, on one line (picocli's own handler
   * follows the message with the whole usage, which buries it).
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println(e.getMessage() + " (see `" + command.getCommandSpec().qualifiedName() + " --help`)");
    command.getErr().flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }
}
