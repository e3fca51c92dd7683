package dev.hyp.cli;

import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ParamScale;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.run.ExitCode;
import dev.hyp.runtime.runfolder.RunInfo;
import dev.hyp.runtime.trial.FrozenTrial;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `hyp report RUN_DIR`: the run's charts and trials as one HTML file that works offline. */
@Command(name = "report",
    description = "Write a run's report: optimisation history, parameter importance, parallel coordinates, "
        + "slices, learning curves and a sortable table of trials, in one self-contained HTML file.")
final class ReportCommand implements Callable<Integer> {
  @Mixin
  VersionedCommonOptions common;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, such as samples/runs/iris.")
  Path directory;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE",
      description = "Where to write it (default: RUN_DIR/report.html).")
  Path file;

  @Option(names = "--version", paramLabel = "N",
      description = "Which version of the spec: a number, or `all` for every version's trials on one timeline "
          + "(default: the current one).")
  String version;

  @Override
  public Integer call() throws IOException {
    List<RunFolder.Selected> versions = RunFolder.select(directory, version, true, common.err());
    if (versions == null) {
      return common.exit(ExitCode.BAD_INPUT);
    }
    Path target = file != null ? file : directory.resolve(HtmlReport.FILE);
    RunInfo info = versions.get(versions.size() - 1).info();
    List<FrozenTrial> trials = RunFolder.ALL.equals(version) ? timeline(versions)
        : RunFolder.trials(directory, info);
    HtmlReport.write(new ReportInput(info.experiment(), info.metric(), info.split(), info.maximize(), trials,
        RunFolder.ALL.equals(version) ? scales(versions) : info.params(),
        // the front is one version's: versions may differ in their objectives
        RunFolder.ALL.equals(version) ? List.of() : BestFront.objectives(directory, versions.get(versions.size() - 1))),
        target);
    common.out().println("hyp: report: " + target);
    return common.exit(ExitCode.OK);
  }

  /**
   * Every version's trials as one history: each trial once, where it ran (carried copies are
   * left out), numbered in the order the versions ran them.
   */
  private List<FrozenTrial> timeline(List<RunFolder.Selected> versions) {
    List<FrozenTrial> trials = new ArrayList<>();
    for (RunFolder.Selected selected : versions) {
      for (FrozenTrial trial : RunFolder.trials(directory, selected.info())) {
        if (!trial.isCarried()) {
          trials.add(new FrozenTrial(trials.size(), trial.state(), trial.params(), trial.value(), trial.reason(),
              trial.intermediate(), trial.owner(), trial.startedAt(), trial.finishedAt(), null, List.of(), null,
              trial.validationLoss()));
        }
      }
    }
    return trials;
  }

  /** Each parameter drawn as the latest version that declared it did. */
  private static List<ParamScale> scales(List<RunFolder.Selected> versions) {
    Map<String, ParamScale> byName = new LinkedHashMap<>();
    for (RunFolder.Selected selected : versions) {
      if (selected.info().params() != null) {
        selected.info().params().forEach(scale -> byName.put(scale.name(), scale));
      }
    }
    return new ArrayList<>(byName.values());
  }
}
