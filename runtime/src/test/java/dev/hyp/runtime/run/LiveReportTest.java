package dev.hyp.runtime.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.report.HtmlReport;
import dev.hyp.runtime.report.ReportInput;
import dev.hyp.runtime.sampler.Samplers;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.SearchSpace;
import dev.hyp.runtime.study.Study;
import dev.hyp.runtime.study.StudyOptions;
import dev.hyp.runtime.trial.Direction;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html is there while a search runs, rewritten off the trial threads, and whole at the end. */
class LiveReportTest {
  @Test
  void theReportIsWrittenWhileTheSearchRunsAndIsCurrentAtTheEnd(@TempDir Path directory) throws Exception {
    Path file = directory.resolve(HtmlReport.FILE);
    Study study = Study.builder("live", SearchSpace.builder().add("x", FloatDistribution.uniform(0, 1)).build())
        .direction(Direction.MINIMIZE).sampler(Samplers.create("random", Map.of(), 1)).open();
    List<String> threads = new CopyOnWriteArrayList<>();
    StringWriter err = new StringWriter();
    try (LiveReport live = new LiveReport(file, trials -> {
      threads.add(Thread.currentThread().getName());
      return new ReportInput("live", "loss", "validation", false, trials);
    }, new PrintWriter(err, true))) {
      study.addListener(live);
      study.optimize(trial -> {
        if (trial.number() == 3) {
          // the first finished trial had the report written: it appears while trial 3 runs
          long deadline = System.nanoTime() + 30_000_000_000L;
          while (!Files.isRegularFile(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          assertTrue(Files.isRegularFile(file), "no report while the search runs");
        }
        return trial.params().getDouble("x");
      }, StudyOptions.trials(1 + LiveReport.EVERY_TRIALS));
    }
    assertTrue(HtmlReport.isCurrent(file, study.trials()), "the write after the last batch of trials is in");
    assertTrue(threads.stream().allMatch("hyp-live-report"::equals), threads.toString());
    assertEquals(2, threads.size(), "written after the first trial and after the next five: " + threads);
    assertEquals("", err.toString());
    try (var files = Files.list(directory)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left");
    }
  }
}
