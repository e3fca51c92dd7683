package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.check.CheckResult;
import dev.hyp.compiler.source.SourceFile;
import dev.hyp.compiler.testing.TestFiles;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.run.ExperimentMain;
import dev.hyp.runtime.run.RunOptions;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * `hyp run` decides on a relaunch from the checked spec, before javac compiles it: what it decides from
 * (the data's bytes, the trials at once, table or images) is what the compiled experiment says, for every
 * sample and with `--parallel` and `--data-dir`; so is whether the data is a table, from which ND4J's start (begun
 * before javac) chooses its native build.
 */
class RelaunchWorkTest {
  @Test
  void theCheckedSpecGivesTheCompiledExperimentsWork() throws Exception {
    Compiler compiler = new Compiler();
    Set<Boolean> kinds = new HashSet<>();
    for (Path sample : TestFiles.samples()) {
      SourceFile source = TestFiles.sample(sample);
      CheckResult checked = compiler.check(source);
      assertFalse(checked.hasErrors(), sample + ": " + checked.diagnostics());
      Experiment<?> experiment = compiler.load(compiler.build(checked.experiment(), source));
      Path directory = sample.getParent();
      for (String[] args : new String[][] {{}, {"--parallel", "3"}, {"--data-dir", directory.getParent().toString()},
          {"--data-dir", directory.toString(), "--parallel", "1"}}) {
        RunOptions options = new RunOptions();
        new CommandLine(options).parseArgs(args);
        ExperimentMain.Work compiled = ExperimentMain.work(experiment, directory, options);
        assertEquals(compiled, RunCommand.work(checked.experiment(), directory, options),
            sample + " " + String.join(" ", args));
        // and ND4J's start, begun before javac, loads the native build the compiled experiment would choose
        assertEquals(compiled.tabular(), RunCommand.tabular(checked.experiment().data()), sample.toString());
        kinds.add(compiled.tabular());
        if (args.length == 0) {
          assertTrue(compiled.dataBytes() > 0, sample + ": its data is found");
        }
      }
    }
    assertEquals(Set.of(true, false), kinds, "the samples have tables and images");
  }
}
