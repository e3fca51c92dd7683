package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `hyp completion`: the script knows every subcommand and its options, and bash accepts it. */
class CompletionCommandTest {
  @TempDir
  Path dir;

  @Test
  void bashScriptNamesEverySubcommandAndItsOptions() {
    CliTest.Run run = CliTest.hyp("completion", "bash");
    assertEquals(0, run.exit(), run.err());
    CommandLine hyp = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    for (Map.Entry<String, CommandLine> sub : hyp.getSubcommands().entrySet()) {
      assertTrue(run.out().contains(sub.getKey()), "no subcommand " + sub.getKey());
      for (CommandLine.Model.OptionSpec option : sub.getValue().getCommandSpec().options()) {
        assertTrue(run.out().contains(option.longestName()), sub.getKey() + " lacks " + option.longestName());
      }
    }
    // one function per subcommand, so `hyp check --<TAB>` offers check's own options
    assertTrue(run.out().contains("_picocli_hyp_check()"), run.out());
    assertTrue(run.out().contains("--format"));
    assertTrue(run.out().contains("--trials"));
  }

  @Test
  void bashAcceptsTheScript() throws IOException, InterruptedException {
    Path script = dir.resolve("hyp-completion.bash");
    Files.writeString(script, CliTest.hyp("completion", "bash").out(), StandardCharsets.UTF_8);
    Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, bash.waitFor(), output);
  }

  @Test
  void bashCompletesASubcommandsOptions() throws IOException, InterruptedException {
    Path script = dir.resolve("hyp-completion.bash");
    Files.writeString(script, CliTest.hyp("completion", "bash").out(), StandardCharsets.UTF_8);
    // what bash does on `hyp check --fo<TAB>`
    // compopt works only inside a completion bash itself started: a no-op here
    String complete = "source " + script + "; compopt() { :; }; COMP_WORDS=(hyp check --fo); COMP_CWORD=2; COMP_LINE='hyp check --fo';"
        + " COMP_POINT=${#COMP_LINE}; _complete_hyp; printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process bash = new ProcessBuilder("bash", "-c", complete).redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, bash.waitFor(), output);
    assertEquals("--format", output.strip());
  }

  @Test
  void zshGetsTheScriptThatLoadsBashcompinit() {
    CliTest.Run run = CliTest.hyp("completion", "zsh");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("bashcompinit"), run.out());
    assertTrue(run.out().contains("_picocli_hyp_check()"));
  }

  @Test
  void anotherShellIsAUsageError() {
    CliTest.Run run = CliTest.hyp("completion", "fish");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("bash, zsh"), run.err());
  }
}
