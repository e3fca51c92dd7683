package dev.hyp.cli;

import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.run.PredictCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
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
    description = "Declarative hyperparameter search for Deeplearning4j.")
public final class Main implements Runnable {
  /** hyp's own subcommands, in the order `hyp --help` lists them; then `help` and the tools (ToolCommand). */
  private static final List<Class<?>> COMMANDS = List.of(CheckCommand.class, FmtCommand.class, CompileCommand.class,
      RunCommand.class, TrialsCommand.class, BestCommand.class, ReportCommand.class, HistoryCommand.class,
      DiffCommand.class, RefitCommand.class, FreezeCommand.class, PredictCommand.class, InspectCommand.class,
      BenchCommand.class, CompletionCommand.class);

  /**
   * The subcommands that need none of their siblings (not `completion`, which lists them all, nor `help`): `hyp run
   * FILE` builds run's model alone. picocli builds every added subcommand's model from its annotations, about 0.1 s
   * of each start before a command runs (docs/performance.md, "What `hyp run` does before its first trial").
   */
  private static final Map<String, Class<?>> ON_THEIR_OWN = COMMANDS.stream()
      .filter(c -> c != CompletionCommand.class)
      .collect(Collectors.toUnmodifiableMap(c -> c.getAnnotation(Command.class).name(), c -> c));

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
    Class<?> only = args.length > 0 ? ON_THEIR_OWN.get(args[0]) : null;
    return (only != null ? commandLine(List.of(only), false, out, err) : commandLine(out, err)).execute(args);
  }

  /** The whole command line: every subcommand and tool. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(COMMANDS, true, out, err);
  }

  private static CommandLine commandLine(List<Class<?>> commands, boolean everything, PrintWriter out,
      PrintWriter err) {
    CommandLine commandLine = new CommandLine(new Main());
    for (Class<?> command : commands) {
      commandLine.addSubcommand(command);
    }
    if (everything) {
      commandLine.addSubcommand(CommandLine.HelpCommand.class);
      for (ToolCommand tool : ServiceLoader.load(ToolCommand.class)) {
        commandLine.addSubcommand(tool);
      }
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    ExitCode.install(commandLine);
    commandLine.setExecutionExceptionHandler(new InternalErrorHandler());
    return commandLine;
  }
}
