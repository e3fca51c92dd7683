package dev.hyp.cli;

import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.run.PredictCommand;
import java.io.PrintWriter;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * `hyp`: the command line. Subcommands are thin adapters over the compiler and runtime facades;
 * their exit codes come from {@link ExitCode}, set here once for picocli's own outcomes as well.
 */
@Command(
    name = "hyp",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Declarative hyperparameter search for Deeplearning4j.",
    subcommands = {CheckCommand.class, FmtCommand.class, CompileCommand.class, RunCommand.class,
        TrialsCommand.class, BestCommand.class, ReportCommand.class, HistoryCommand.class, DiffCommand.class,
        RefitCommand.class, FreezeCommand.class, PredictCommand.class, InspectCommand.class,
        BenchCommand.class, CompletionCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command with the given output streams and returns its exit code (for tests). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    for (ToolCommand tool : ServiceLoader.load(ToolCommand.class)) {
      commandLine.addSubcommand(tool);
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    ExitCode.install(commandLine);
    commandLine.setExecutionExceptionHandler(new InternalErrorHandler());
    return commandLine;
  }
}
