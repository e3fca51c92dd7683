package dev.hyp.runtime.bench.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.bench.data.GeneratedData;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Split;
import dev.hyp.runtime.data.Splitter;
import dev.hyp.runtime.data.Task;
import dev.hyp.runtime.dl4j.ExperimentData;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer trains, validates and tests on the rows a run of hyp loads: the same split, row for row. */
class PeerSplitTest {
  @TempDir
  Path dir;

  @Test
  void theGeneratedTableSplitsAsARunSplitsIt() throws Exception {
    Path csv = dir.resolve("t.csv");
    GeneratedData.TABULAR.write(csv, 503);
    ExperimentData data = ExperimentData.load(CsvSource.of(csv, "class"), null, Task.CLASSIFICATION,
        new Split.Holdout(0.2, 0.2), null, 11, DataPlan.DEFAULT);
    same(data.parts().get(0), PeerSplit.holdout(csv, 0.2, 0.2, 11));
  }

  @Test
  void theGlyphImagesSplitAsARunSplitsThem() throws Exception {
    Path csv = dir.resolve("g.csv");
    GeneratedData.GLYPHS.write(csv, 97);
    ExperimentData data = ExperimentData.load(CsvSource.of(csv, "glyph"), null, Task.CLASSIFICATION,
        new Split.Holdout(0.2, 0.2), new int[] {28, 28, 1}, 13, DataPlan.DEFAULT);
    same(data.parts().get(0), PeerSplit.holdout(csv, 0.2, 0.2, 13));
  }

  @Test
  void classesAreTakenInSortedOrderAndPartsKeepTheirShares() {
    List<String> labels = List.of("b", "a", "b", "b", "a", "b", "b", "a", "b", "b");
    PeerSplit.Parts parts = PeerSplit.holdout(labels, 0.2, 0.2, 3);
    assertEquals(6, parts.train().length);
    assertEquals(2, parts.validation().length);
    assertEquals(2, parts.test().length);
  }

  private static void same(Splitter.Parts hyp, PeerSplit.Parts peer) {
    assertArrayEquals(hyp.train(), peer.train());
    assertArrayEquals(hyp.validation(), peer.validation());
    assertArrayEquals(hyp.test(), peer.test());
  }
}
