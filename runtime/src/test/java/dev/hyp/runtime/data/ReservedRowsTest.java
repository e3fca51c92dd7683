package dev.hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large file's columns get room for the rows its size promises, estimated from the rows read so
 * far (issue 19: one copy of each array, not one per growth by half): the table is the one read
 * without an estimate (a sample of every row), and what is held is about what the rows need, even
 * when the first rows are shorter or longer than the rest.
 */
class ReservedRowsTest {
  @TempDir
  Path dir;

  private static final int ROWS = 30_000;
  private static final DataPlan PLAN = new DataPlan(null, List.of(), Missing.MEDIAN, true, 20, Map.of(),
      ClassWeights.NONE);

  @Test
  void aFileOfEvenRowsIsHeldInArraysSizedToIt() throws IOException {
    Path file = write(new Random(1), i -> 6);
    for (long parallelFrom : new long[] {Long.MAX_VALUE, 0}) { // one part, then two
      RawTable table = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, PLAN, parallelFrom);
      ParallelReadTest.assertSame(withoutEstimate(file), table, "parts from " + parallelFrom);
      for (RawColumn column : table.columns()) {
        // growing by half from 256 would leave room for 37,328
        assertTrue(column.capacity() >= ROWS && column.capacity() <= ROWS * 1.04 + 512,
            column.name() + ": room for " + column.capacity() + " of " + ROWS + " rows");
      }
    }
  }

  /** Rows that grow longer or shorter down the file: the estimate falls short or too high, and is made again. */
  @Test
  void unevenRowsAreReadAsTheyAreAndHeldWithLittleRoomToSpare() throws IOException {
    Path longer = write(new Random(2), i -> 1 + i / 1500); // the first rows much shorter than the last
    Path shorter = write(new Random(3), i -> 1 + (ROWS - i) / 1500);
    for (Path file : List.of(longer, shorter)) {
      RawTable table = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, PLAN, Long.MAX_VALUE);
      ParallelReadTest.assertSame(withoutEstimate(file), table, file.toString());
      for (RawColumn column : table.columns()) {
        assertTrue(column.capacity() >= ROWS && column.capacity() <= ROWS * 1.125 + 256,
            file.getFileName() + " " + column.name() + ": room for " + column.capacity() + " of " + ROWS + " rows");
      }
    }
  }

  /** `hyp check`'s sample reads on one thread and estimates nothing: every row of the file, as it is. */
  private static RawTable withoutEstimate(Path file) {
    return TableReader.sample(CsvSource.of(file, "label"), Task.CLASSIFICATION, PLAN, Integer.MAX_VALUE - 1);
  }

  /** A number (with {@code digits} decimals in row i), a text column, a label; 3% empty numbers. */
  private Path write(Random random, java.util.function.IntUnaryOperator digits) throws IOException {
    StringBuilder csv = new StringBuilder("x,city,label\n");
    for (int i = 0; i < ROWS; i++) {
      if (random.nextInt(33) != 0) {
        csv.append(String.format(Locale.ROOT, "%." + digits.applyAsInt(i) + "f", random.nextGaussian()));
      }
      csv.append(",c").append(random.nextInt(40)).append(',').append(random.nextInt(3) == 0 ? "yes" : "no")
          .append('\n');
    }
    Path file = dir.resolve("rows" + Files.list(dir).count() + ".csv");
    Files.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
