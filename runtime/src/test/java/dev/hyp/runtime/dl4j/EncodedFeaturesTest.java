package dev.hyp.runtime.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.ClassWeights;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Missing;
import dev.hyp.runtime.data.RawTable;
import dev.hyp.runtime.data.TableEncoding;
import dev.hyp.runtime.data.TableLayout;
import dev.hyp.runtime.data.TableReader;
import dev.hyp.runtime.data.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Features encoded block by block into the native array equal the rows encoded one by one (the old copies). */
class EncodedFeaturesTest {
  @TempDir
  Path dir;

  @Test
  void blocksEqualRows() throws IOException {
    Random random = new Random(5);
    StringBuilder csv = new StringBuilder("x,city,y,label\n");
    int n = 2 * TableEncoding.BLOCK_ROWS + 123;
    for (int i = 0; i < n; i++) {
      csv.append(random.nextInt(9) == 0 ? "" : String.format(Locale.ROOT, "%.3f", random.nextGaussian())).append(',')
          .append(random.nextInt(15) == 0 ? "" : "c" + random.nextInt(40)).append(',').append(random.nextInt(100))
          .append(',').append(random.nextBoolean() ? "a" : "b").append('\n');
    }
    Path file = dir.resolve("t.csv");
    Files.writeString(file, csv);
    DataPlan plan = new DataPlan(null, List.of(), Missing.MEDIAN, true, 20, Map.of(), ClassWeights.NONE);
    RawTable raw = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, plan);
    int[] rows = new int[n - 1000];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (i * 7919) % n; // any order, as a fold's parts are
    }
    for (CategoryEncoding encoding : CategoryEncoding.values()) {
      TableLayout layout = TableLayout.of(raw, plan, rows, encoding);
      TableEncoding fitted = layout.fit(raw, rows);
      INDArray blocks = ExperimentData.encoded(fitted, raw, rows);
      float[][] old = fitted.encode(raw, rows);
      assertEquals(rows.length, blocks.size(0));
      assertArrayEquals(ExperimentData.features(old, InputShape.flat(fitted.width())).toFloatMatrix(),
          blocks.toFloatMatrix(), encoding.toString());
    }
  }
}
