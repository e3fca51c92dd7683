package dev.hyp.runtime.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hyp.runtime.report.ParamScale;
import dev.hyp.runtime.space.CategoricalDistribution;
import dev.hyp.runtime.space.FloatDistribution;
import dev.hyp.runtime.space.IntDistribution;
import dev.hyp.runtime.space.SearchSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json keeps how the spec declared each parameter, and folders written before that still read. */
class RunInfoTest {
  @TempDir
  Path dir;

  @Test
  void theDeclaredScalesSurviveTheRoundTrip() throws IOException {
    SearchSpace space = SearchSpace.builder()
        .add("lr", FloatDistribution.logUniform(1e-3, 0.5))
        .add("depth", new IntDistribution(1, 3, false, 1))
        .perLayer("units", "depth", 3, CategoricalDistribution.of(16L, 32L))
        .add("act", CategoricalDistribution.of("relu", "tanh"))
        .constant("l2", 1e-4)
        .build();
    List<ParamScale> scales = ParamScale.of(space);
    new RunInfo("iris", true, "accuracy", "validation", "abc", null, scales).write(dir);

    List<ParamScale> read = RunInfo.read(dir).params();
    assertEquals(List.of("lr", "depth", "units[1]", "units[2]", "units[3]", "act"),
        read.stream().map(ParamScale::name).toList(), "constants have nothing to draw");
    assertEquals(List.of("log", "linear", "categorical", "categorical", "categorical", "categorical"),
        read.stream().map(ParamScale::scale).toList());
    assertEquals(List.of("relu", "tanh"), read.get(5).choices());
  }

  @Test
  void aRunFolderFromBeforeTheScalesStillReads() throws IOException {
    Files.writeString(dir.resolve(RunInfo.FILE), """
        {"experiment": "iris", "maximize": true, "metric": "accuracy", "split": "validation",
         "specHash": "abc", "storage": null}
        """);
    RunInfo info = RunInfo.read(dir);
    assertEquals("iris", info.experiment());
    assertNull(info.params());
  }
}
