package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.run.ExperimentMain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every exit code of `hyp` and of a compiled jar comes from {@link ExitCode}, and none is chosen elsewhere. */
class ExitCodesTest {
  @TempDir
  Path dir;

  @Test
  void everyCommandExitsWithTheOwnersCodesForWhatPicocliDecides() {
    List<CommandLine> commands = new ArrayList<>();
    collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), commands);
    assertTrue(commands.size() > 10, "the root, every subcommand and the benchmarks: " + commands.size());
    for (CommandLine command : commands) {
      CommandSpec spec = command.getCommandSpec();
      String name = spec.qualifiedName();
      assertEquals(ExitCode.OK.code(), spec.exitCodeOnSuccess(), name);
      assertEquals(ExitCode.OK.code(), spec.exitCodeOnUsageHelp(), name);
      assertEquals(ExitCode.OK.code(), spec.exitCodeOnVersionHelp(), name);
      assertEquals(ExitCode.BAD_INPUT.code(), spec.exitCodeOnInvalidInput(), name);
      // picocli's own default is 1, which would read as "the spec has errors"
      assertEquals(ExitCode.INTERNAL.code(), spec.exitCodeOnExecutionException(), name);
    }
  }

  private static void collect(CommandLine command, List<CommandLine> into) {
    into.add(command);
    command.getSubcommands().values().forEach(sub -> collect(sub, into));
  }

  @Test
  void everyCommandTurnsAnUnknownOptionIntoBadInput() {
    List<CommandLine> commands = new ArrayList<>();
    collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), commands);
    // picocli's own `help` reads any word as the name of a command to explain
    commands.removeIf(command -> command.getCommandSpec().userObject() instanceof CommandLine.HelpCommand);
    for (CommandLine command : commands) {
      List<String> args = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
      args.remove(0); // the root's own name, `hyp`
      args.add("--no-such-option");
      CliTest.Run run = CliTest.hyp(args.toArray(String[]::new));
      assertEquals(ExitCode.BAD_INPUT.code(), run.exit(), String.join(" ", args) + ": " + run.err());
    }
  }

  @Test
  void anExceptionInACommandIsAnInternalErrorThatSaysItIsABugInHyp() {
    StringWriter err = new StringWriter();
    CommandLine hyp = Main.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    hyp.addSubcommand(new Boom());
    hyp.setErr(new PrintWriter(err, true)); // again: setErr reaches only the subcommands it finds
    assertEquals(ExitCode.INTERNAL.code(), hyp.execute("boom"));
    assertEquals(70, ExitCode.INTERNAL.code(), "README and scripts know this number");
    assertTrue(err.toString().startsWith("hyp: internal error: java.lang.IllegalStateException: boom"), err.toString());
    assertTrue(err.toString().contains("this is a bug in hyp"), err.toString());
  }

  @CommandLine.Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void aBadOptionValueIsOneLineThatSaysWhereHelpIs() {
    CliTest.Run run = CliTest.hyp("run", "x.hyp", "--parallel", "zero");
    assertEquals(ExitCode.BAD_INPUT.code(), run.exit());
    assertEquals("Invalid value for option '--parallel': 'zero' is not an int (see `hyp run --help`)",
        run.err().strip());
  }

  @Test
  void eachFormatOptionAcceptsOnlyItsOwnFormatsAndNamesThem() {
    CliTest.Run check = CliTest.hyp("check", "--format", "csv", "x.hyp");
    assertEquals(ExitCode.BAD_INPUT.code(), check.exit());
    assertTrue(check.err().startsWith("Invalid value for option '--format': "
        + "expected one of [text, json] (case-sensitive) but was 'csv'"), check.err());
    CliTest.Run trials = CliTest.hyp("trials", "--format", "text", dir.toString());
    assertEquals(ExitCode.BAD_INPUT.code(), trials.exit());
    assertTrue(trials.err().contains("expected one of [table, csv, json] (case-sensitive) but was 'text'"),
        trials.err());
    CliTest.Run best = CliTest.hyp("best", "--format", "table", dir.toString());
    assertEquals(ExitCode.BAD_INPUT.code(), best.exit());
    assertTrue(best.err().contains("expected one of [text, json] (case-sensitive) but was 'table'"), best.err());
    assertTrue(CliTest.hyp("trials", "--help").out().contains("table, csv, json (default: table)."));
  }

  @Test
  void aCompiledJarsCommandLineTakesItsCodesFromTheSameOwner() throws Exception {
    StringBuilder csv = new StringBuilder("a,y\n");
    for (int i = 0; i < 20; i++) {
      csv.append(i).append(',').append(i % 2 == 0 ? "x" : "z").append('\n');
    }
    Files.writeString(dir.resolve("t.csv"), csv);
    Path spec = Files.writeString(dir.resolve("tiny.hyp"), """
        experiment tiny {
          data {
            source = csv("t.csv", label = "y")
          }
          model {
            dense(units = 2)
            output(activation = softmax, loss = mcxent)
          }
          objective = maximize accuracy on validation
        }
        """);
    SourceFile source = SourceFile.read(spec);
    Compiler compiler = new Compiler();
    CheckResult checked = compiler.check(source);
    assertFalse(checked.hasErrors(), checked.diagnostics().toString());
    Experiment<?> experiment = compiler.load(compiler.build(checked.experiment(), source));

    StringWriter err = new StringWriter();
    assertEquals(ExitCode.BAD_INPUT.code(), jar(experiment, err, "--trials", "many"));
    assertTrue(err.toString().contains("Invalid value for option '--trials'"), err.toString());

    Files.writeString(dir.resolve("a-file"), "");
    err = new StringWriter();
    int exit = jar(experiment, err, "--trials", "1", "--out", dir.resolve("a-file/run").toString());
    assertEquals(ExitCode.BAD_INPUT.code(), exit, "an unusable folder is the environment's: " + err);

    err = new StringWriter();
    exit = jar(broken(experiment), err, "--trials", "1", "--out", dir.resolve("run").toString());
    assertEquals(ExitCode.INTERNAL.code(), exit, err.toString());
    assertTrue(err.toString().startsWith("hyp: tiny failed: "), err.toString());
  }

  /** Generated code with a bug in it: its search space cannot be built. */
  @SuppressWarnings("unchecked")
  private static Experiment<Object> broken(Experiment<?> working) {
    Experiment<Object> experiment = (Experiment<Object>) working;
    return new Experiment<>() {
      @Override
      public dev.hyp.runtime.experiment.ExperimentDefinition definition() {
        return experiment.definition();
      }

      @Override
      public dev.hyp.runtime.space.SearchSpace searchSpace() {
        throw new IllegalStateException("a bug in generated code");
      }

      @Override
      public Object params(dev.hyp.runtime.space.ParamValues values) {
        return experiment.params(values);
      }

      @Override
      public void network(Object params, dev.hyp.runtime.dl4j.NetworkBuilder network) {
        experiment.network(params, network);
      }

      @Override
      public dev.hyp.runtime.experiment.TrialSettings training(Object params) {
        return experiment.training(params);
      }
    };
  }

  private int jar(Experiment<?> experiment, StringWriter err, String... args) {
    PrintWriter out = new PrintWriter(new StringWriter(), true);
    return ExperimentMain.run(experiment, dir, args, out, new PrintWriter(err, true));
  }

  /** A number in a command would be a second owner: `return 1;`, `exit = 2`, `System.exit(70)`. */
  @Test
  void noCommandChoosesANumberOfItsOwn() throws IOException {
    Pattern literal = Pattern.compile("return\\s+-?\\d+\\s*;|System\\.exit\\(\\s*-?\\d|\\bexit\\s*=\\s*-?\\d"
        + "|Math\\.max\\(\\s*exit");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/hyp/cli"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher matcher = literal.matcher(lines.get(i));
          if (matcher.find()) {
            found.add(file.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertTrue(found.isEmpty(), "exit codes belong to ExitCode:\n" + String.join("\n", found));
  }
}
