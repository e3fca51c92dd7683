package dev.hyp.cli;

import dev.hyp.compiler.Compiler;
import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.runtime.experiment.Experiment;
import dev.hyp.runtime.run.ExperimentMain;
import dev.hyp.runtime.run.RunOptions;
import dev.hyp.runtime.run.StartTimeline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `hyp run FILE`: check, compile in memory and run the search in this process. */
@Command(name = "run",
    description = "Check, compile and run a spec's search. Results go to runs/NAME beside the spec.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the search ran", "1:the spec has errors", "2:usage error, unreadable spec, bad data"})
final class RunCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .hyp file.")
  Path file;

  @Mixin
  RunOptions options = new RunOptions();

  @Override
  public Integer call() throws Exception {
    StartTimeline.mark("hyp run starts");
    Compiler compiler = new Compiler(compiledClasses());
    // under the launcher the search may run in a child JVM with options chosen from its data
    // (ExperimentMain.relaunchForWork), which checks the spec again: its warnings are held until then
    StringWriter held = ExperimentMain.choosesJvm() ? new StringWriter() : null;
    CheckedSpec checked = CheckedSpec.load(compiler, file, held == null ? common.err() : new PrintWriter(held, true));
    if (!checked.ok()) {
      printHeld(held);
      return common.exit(checked.exitCode());
    }
    StartTimeline.mark("checked");
    if (held != null) {
      // decided from the checked spec, before javac: the JVM that runs the search compiles it, this one need not
      int child = ExperimentMain.relaunchForWork(work(checked.experiment(), checked.directory(), options));
      if (child >= 0) {
        return child;
      }
      printHeld(held);
    }
    // this JVM runs the search: ND4J's native start (about a second, whatever the data) on its own thread while
    // javac compiles the spec; the build is chosen from the same answer the compiled experiment gives
    ExperimentMain.startNd4j(tabular(checked.experiment().data()));
    ExperimentMain.startStorage(); // SQLite's driver and native library, for the study opened after the read
    StartTimeline.mark("runs here");
    Experiment<?> experiment = compiler.load(compiler.build(checked.experiment(), checked.source()));
    StartTimeline.mark("compiled and loaded");
    return common.exit(ExperimentMain.run(experiment, checked.directory(), options, common.out(), common.err()));
  }

  /**
   * What the search's JVM options are chosen from, as the checked spec says it: the same as {@link
   * ExperimentMain#work(Experiment, Path, RunOptions)} gives for the compiled experiment (RelaunchWorkTest).
   */
  static ExperimentMain.Work work(CheckedExperiment spec, Path specDirectory, RunOptions options) {
    DataSpec data = spec.data();
    List<String> files = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    if (data != null) {
      if (data.source() != null) {
        files.add(data.source().path());
      }
      if (data.test() != null) {
        files.add(data.test().path());
      }
      if (data.images() != null) {
        folders.add(data.images().path());
      }
      if (data.imageTest() != null) {
        folders.add(data.imageTest().path());
      }
    }
    return ExperimentMain.work(specDirectory, files, folders, (int) spec.search().parallel(), tabular(data), options);
  }

  /** A table: a CSV without `shape = image(...)` (an image folder's size is its shape too); as ExperimentMain's. */
  static boolean tabular(DataSpec data) {
    return data != null && data.images() == null && data.shape() == null;
  }

  /**
   * The folder of javac's output kept between runs ({@value #COMPILED_CLASSES}, which the launcher sets to one in
   * its build's target folder); null without it: javac every time.
   */
  static Path compiledClasses() {
    String folder = System.getProperty(COMPILED_CLASSES);
    return folder == null || folder.isBlank() ? null : Path.of(folder);
  }

  /** The system property naming {@link #compiledClasses}'s folder. */
  static final String COMPILED_CLASSES = "hyp.compiled.classes";

  private void printHeld(StringWriter held) {
    if (held != null) {
      common.err().print(held);
      common.err().flush();
    }
  }
}
