package dev.hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * A file read in two parts at once gives exactly the table the sequential read gives: the same
 * codes in the same order of first appearance, counts, rows, first text cells and messages; a
 * file the split cannot be trusted on (a quoted cell before it) or with bad data after it is read
 * on by the first part, so its result and its message are the sequential read's.
 */
class ParallelReadTest {
  @TempDir
  Path dir;

  private static final DataPlan PLAN = new DataPlan(null, List.of(), Missing.MEDIAN, true, 20,
      Map.of("code", new DataPlan.ColumnPlan(ColumnKind.CATEGORY, null, null)), ClassWeights.NONE);

  @Test
  void twoPartsEqualOneOnRandomFiles() throws IOException {
    int before = TableReader.PARTS_TAKEN.get();
    for (int seed = 0; seed < 24; seed++) {
      Random random = new Random(seed);
      boolean quotesFirst = seed % 6 == 5;
      boolean textThenMany = seed % 5 == 3; // a text cell first, many numbers later: the codes cannot be joined
      Path file = write(random, 3000 + random.nextInt(3000), seed % 2 == 1, quotesFirst, seed % 4 == 2,
          textThenMany);
      RawTable one = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, PLAN, Long.MAX_VALUE);
      RawTable two = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, PLAN, 0);
      assertSame(one, two, "seed " + seed);
    }
    if (Runtime.getRuntime().availableProcessors() > 1) { // most in two parts; the others read on by the first
      int taken = TableReader.PARTS_TAKEN.get() - before;
      assertTrue(taken >= 10 && taken < 24, taken + " of 24 in two parts");
    }
  }

  @Test
  void aQuotedCellAcrossTheMiddleIsNotSplit() throws IOException {
    StringBuilder csv = new StringBuilder("a,b,target\n");
    for (int i = 0; i < 2000; i++) {
      csv.append(i % 7).append(",c").append(i % 5).append(',').append(i % 3).append(".5\n");
      if (i == 1000) { // lines that read as rows, inside quotes, across the file's middle
        csv.append("1,\"").append("2,c9,0.5\n".repeat(20_000)).append("\",0.5\n");
      }
    }
    Path file = dir.resolve("q.csv");
    Files.writeString(file, csv);
    int before = TableReader.PARTS_TAKEN.get();
    RawTable one = TableReader.read(CsvSource.of(file, "target"), Task.REGRESSION, DataPlan.DEFAULT, Long.MAX_VALUE);
    RawTable two = TableReader.read(CsvSource.of(file, "target"), Task.REGRESSION, DataPlan.DEFAULT, 0);
    assertSame(one, two, "quoted");
    assertEquals(2001, two.size());
    assertEquals(before, TableReader.PARTS_TAKEN.get(), "read by the first part alone");
  }

  @Test
  void regressionLabelsAndDroppedRows() throws IOException {
    StringBuilder csv = new StringBuilder("x,y,target\n");
    Random random = new Random(3);
    for (int i = 0; i < 4000; i++) {
      csv.append(random.nextInt(20) == 0 ? "" : random.nextInt(50)).append(',')
          .append(random.nextInt(30) == 0 ? "" : String.format(Locale.ROOT, "%.3f", random.nextGaussian())).append(',')
          .append(random.nextInt(25) == 0 ? "" : String.format(Locale.ROOT, "%.2f", random.nextDouble())).append('\n');
    }
    Path file = dir.resolve("r.csv");
    Files.writeString(file, csv);
    DataPlan drop = new DataPlan(null, List.of(), Missing.MEDIAN, true, 20,
        Map.of("y", new DataPlan.ColumnPlan(null, Missing.DROP, null)), ClassWeights.NONE);
    RawTable one = TableReader.read(CsvSource.of(file, "target"), Task.REGRESSION, drop, Long.MAX_VALUE);
    RawTable two = TableReader.read(CsvSource.of(file, "target"), Task.REGRESSION, drop, 0);
    assertSame(one, two, "regression");
  }

  /**
   * The second part's cells joined at once (numbers copied, codes mapped) keep what the first part
   * reading them one by one keeps: a column increasing in each part but not across, whole numbers
   * only in the first part, levels new only in the second, two parts of few distinct numbers that
   * together pass 1,000, missing cells.
   */
  @Test
  void aPartJoinedAtOnceKeepsWhatCellByCellKeeps() throws IOException {
    int rows = 6000;
    String header = "up,whole,few,city,label\n";
    int length = 25; // every row's bytes: the second part starts at the line after the file's middle byte
    int split = ((header.length() + rows * length) / 2 - header.length()) / length + 1;
    for (int variant = 0; variant < 4; variant++) {
      StringBuilder csv = new StringBuilder(header);
      Random random = new Random(variant);
      for (int i = 0; i < rows; i++) {
        boolean first = i < split;
        // increasing in each part; across them too in variants 1 and 3, else starting again from 0
        csv.append(String.format(Locale.ROOT, "%07d", first || variant % 2 == 1 ? i : i - split)).append(',');
        csv.append(random.nextInt(40) == 0 ? "   NA" : String.format(Locale.ROOT, "%03d.%d", random.nextInt(100),
            first || variant >= 2 ? 0 : 5)).append(',');
        csv.append(String.format(Locale.ROOT, "%04d", first ? random.nextInt(700)
            : 700 + random.nextInt(variant == 3 ? 200 : 700))).append(',');
        csv.append(random.nextInt(30) == 0 ? "NA " : String.format(Locale.ROOT, "c%02d",
            first ? random.nextInt(20) : random.nextInt(45))).append(',');
        csv.append(random.nextBoolean() ? "a" : "b").append('\n');
      }
      Path file = dir.resolve("joined.csv");
      Files.writeString(file, csv);
      int before = TableReader.PARTS_TAKEN.get();
      RawTable one = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, DataPlan.DEFAULT,
          Long.MAX_VALUE);
      RawTable two = TableReader.read(CsvSource.of(file, "label"), Task.CLASSIFICATION, DataPlan.DEFAULT, 0);
      assertSame(one, two, "variant " + variant);
      assertEquals(variant % 2 == 1, one.column("up").increasing(), "variant " + variant);
      assertEquals(variant >= 2, one.column("whole").integers(), "variant " + variant);
      if (Runtime.getRuntime().availableProcessors() > 1) {
        assertEquals(before + 1, TableReader.PARTS_TAKEN.get(), "variant " + variant + " in two parts");
      }
    }
  }

  @Test
  void badDataInTheSecondPartGivesTheSameMessage() throws IOException {
    String[] bad = {"1,2,3,4\n", "1,c1,seven\n", "\"open,1,a\n"}; // ragged, a label not a number, quotes
    for (String line : bad) {
      StringBuilder csv = new StringBuilder("a,b,target\n");
      for (int i = 0; i < 3000; i++) {
        csv.append(i % 7).append(",c").append(i % 5).append(',').append(i % 3).append(".5\n");
        if (i == 2500) {
          csv.append(line);
        }
      }
      Path file = dir.resolve("bad.csv");
      Files.writeString(file, csv);
      CsvSource source = CsvSource.of(file, "target");
      String one = assertThrows(DataException.class,
          () -> TableReader.read(source, Task.REGRESSION, DataPlan.DEFAULT, Long.MAX_VALUE)).getMessage();
      String two = assertThrows(DataException.class,
          () -> TableReader.read(source, Task.REGRESSION, DataPlan.DEFAULT, 0))
          .getMessage();
      assertEquals(one, two, line);
      assertTrue(one.contains("row 2503"), one); // the bad row: after the header and 2,501 rows
    }
  }

  /** A mixed file: numbers, categories, a column of many distinct numbers, one turning to text late, labels. */
  private Path write(Random random, int rows, boolean crlf, boolean quotesFirst, boolean blankLines,
      boolean textThenMany) throws IOException {
    String end = crlf ? "\r\n" : "\n";
    StringBuilder csv = new StringBuilder("id,x,city,many,late,code,then,label" + end);
    int textAt = random.nextInt(rows);
    int manyTextAt = random.nextBoolean() ? random.nextInt(rows) : -1;
    for (int i = 0; i < rows; i++) {
      boolean firstHalf = i < rows / 2;
      csv.append(i + 1).append(',');
      csv.append(random.nextInt(12) == 0 ? "" : String.format(Locale.ROOT, "%.2f", random.nextGaussian())).append(',');
      String city = "c" + (firstHalf ? random.nextInt(30) : random.nextInt(60)); // new levels in the second half
      if (random.nextInt(50) == 0 && (quotesFirst || i > rows * 3 / 4)) { // after the split, or before it
        city = "\"" + city + ",\n \"\"x\"\"\"";
      }
      csv.append(random.nextInt(15) == 0 ? "NA" : city).append(',');
      // more than 1,000 distinct only later, and perhaps one text cell
      csv.append(i == manyTextAt ? "n/a?" : Integer.toString(random.nextInt(firstHalf ? 400 : 3000))).append(',');
      csv.append(i == textAt ? "oops" : Integer.toString(random.nextInt(9))).append(',');
      csv.append(random.nextInt(1500)).append(',');
      csv.append(textThenMany && i == 10 ? "text" : Integer.toString(random.nextInt(firstHalf ? 10 : 5000))).append(',');
      csv.append(random.nextInt(40) == 0 ? "" : random.nextInt(5) == 0 ? "rare" : random.nextBoolean() ? "b" : "a");
      csv.append(end);
      if (blankLines && random.nextInt(100) == 0) {
        csv.append(end);
      }
    }
    Path file = dir.resolve("mixed.csv");
    Files.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
    return file;
  }

  static void assertSame(RawTable one, RawTable two, String what) {
    assertEquals(one.labelName(), two.labelName(), what);
    assertArrayEquals(one.labels(), two.labels(), what);
    assertEquals(one.classes(), two.classes(), what);
    assertArrayEquals(one.rows(), two.rows(), what);
    assertEquals(one.droppedNoLabel(), two.droppedNoLabel(), what);
    assertEquals(one.droppedMissing(), two.droppedMissing(), what);
    assertEquals(one.columns().size(), two.columns().size(), what);
    for (int j = 0; j < one.columns().size(); j++) {
      RawColumn a = one.columns().get(j);
      RawColumn b = two.columns().get(j);
      String column = what + " column " + a.name();
      assertEquals(a.name(), b.name(), column);
      assertEquals(a.size(), b.size(), column);
      assertEquals(a.missing(), b.missing(), column);
      assertEquals(a.isNumeric(), b.isNumeric(), column);
      assertEquals(a.hasLevels(), b.hasLevels(), column);
      assertEquals(a.distinct(), b.distinct(), column);
      assertEquals(a.textRow(), b.textRow(), column);
      assertEquals(a.text(), b.text(), column);
      assertEquals(a.lostLevelsRow(), b.lostLevelsRow(), column);
      assertEquals(a.numericCells(), b.numericCells(), column);
      assertEquals(a.integers(), b.integers(), column);
      assertEquals(a.increasing(), b.increasing(), column);
      if (a.hasLevels()) {
        assertEquals(a.levels(), b.levels(), column);
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.isNumeric() || a.hasLevels()) {
          assertEquals(a.isMissing(i), b.isMissing(i), column);
        }
        if (a.isNumeric()) {
          assertEquals(Float.floatToRawIntBits(a.number(i)), Float.floatToRawIntBits(b.number(i)), column + " " + i);
        }
        if (a.hasLevels()) {
          assertEquals(a.code(i), b.code(i), column + " " + i);
        }
      }
      if (a.hasLevels()) {
        for (int code = 0; code < a.levels().size(); code++) {
          assertEquals(a.count(code), b.count(code), column + " count " + code);
        }
      }
    }
  }
}
