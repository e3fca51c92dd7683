package dev.hyp.runtime.bench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The generated data sets are the same bytes on every run (pinned by a digest at a small size),
 * the first N rows of a larger file are the N-row file, and each has the columns it promises.
 */
class GeneratedDataTest {
  @TempDir
  Path dir;

  /** SHA-256 of each data set at {@link #SMALL} rows: a change to a generator must change these on purpose. */
  private static String pinned(GeneratedData data) {
    return switch (data) {
      case TABULAR -> "4dbafd63581fd38086baae911efd1f4bf12404d3f66b3cb2d7fbc52ce39ff750";
      case GLYPHS -> "98c1c8b6f21de6c3da9d80134292f5c506241a3f46d738e7c25862bc3da2c4bf";
      case MIXED -> "1a3814ca47e07218cdcaf8630b1e9bbc80cc576d42622f2aec40db32e17e56dc";
    };
  }

  private static final int SMALL = 60;

  @ParameterizedTest
  @EnumSource(GeneratedData.class)
  void writesTheSameBytesEveryTime(GeneratedData data) throws IOException {
    Path first = dir.resolve("a.csv");
    Path second = dir.resolve("b.csv");
    data.write(first, SMALL);
    data.write(second, SMALL);
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    assertEquals(pinned(data), sha256(first), data + " at " + SMALL + " rows");
  }

  @ParameterizedTest
  @EnumSource(GeneratedData.class)
  void aSmallerFileIsTheStartOfALargerOne(GeneratedData data) throws IOException {
    data.write(dir.resolve("small.csv"), 30);
    data.write(dir.resolve("large.csv"), 90);
    List<String> small = Files.readAllLines(dir.resolve("small.csv"));
    List<String> large = Files.readAllLines(dir.resolve("large.csv"));
    assertEquals(31, small.size());
    assertEquals(91, large.size());
    assertEquals(small, large.subList(0, 31));
  }

  @Test
  void theTableHas40FeaturesAndFourBalancedClasses() throws IOException {
    Path file = dir.resolve("t.csv");
    TabularData.write(file, 4000, TabularData.SEED);
    List<String> lines = Files.readAllLines(file);
    assertEquals(41, lines.get(0).split(",").length);
    assertTrue(lines.get(0).endsWith(",class"));
    int[] counts = new int[4];
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      assertEquals(41, cells.length, line);
      counts[Integer.parseInt(cells[40].substring(1))]++;
    }
    for (int c : counts) {
      assertTrue(c > 700 && c < 1300, Arrays.toString(counts)); // about a quarter each
    }
  }

  @Test
  void everyTenGlyphsHoldEachClassOnce() throws IOException {
    Path file = dir.resolve("g.csv");
    GlyphImages.write(file, 40, GlyphImages.SEED);
    List<String> lines = Files.readAllLines(file);
    assertEquals(28 * 28 + 1, lines.get(0).split(",").length);
    for (int block = 0; block < 4; block++) {
      Set<String> labels = new HashSet<>();
      for (String line : lines.subList(1 + block * 10, 11 + block * 10)) {
        String[] cells = line.split(",");
        assertEquals(28 * 28 + 1, cells.length);
        labels.add(cells[cells.length - 1]);
        double ink = 0;
        for (int p = 0; p < 28 * 28; p++) {
          double v = Double.parseDouble(cells[p]);
          assertTrue(v >= 0 && v <= 1, cells[p]);
          ink += v;
        }
        assertTrue(ink > 20, "an image with almost no ink: " + ink);
      }
      assertEquals(10, labels.size(), labels.toString());
    }
  }

  @Test
  void theMixedTableHas21ColumnsAndAbout185BytesARow() throws IOException {
    Path file = dir.resolve("m.csv");
    long bytes = MixedTable.write(file, 2000, MixedTable.SEED);
    List<String> lines = Files.readAllLines(file);
    for (String line : lines) {
      assertEquals(21, line.split(",", -1).length, line);
    }
    double perRow = bytes / 2000.0;
    assertTrue(perRow > 170 && perRow < 200, "bytes a row: " + perRow);
    assertTrue(lines.stream().anyMatch(l -> l.contains(",,")), "no empty cells");
  }

  @Test
  void decimalsAreFixedAndNeverNegativeZero() {
    assertEquals("0", format(0.0, 3));
    assertEquals("0", format(-0.0001, 3));
    assertEquals("1.500", format(1.5, 3));
    assertEquals("-2.0500", format(-2.05, 4));
    assertEquals("12.346", format(12.3456, 3));
    assertEquals("0.007", format(0.0071, 3));
    assertEquals("-0.030", format(-0.03, 3));
    assertEquals("7", format(7.2, 0));
  }

  private static String format(double value, int decimals) {
    StringBuilder out = new StringBuilder();
    FixedDecimals.append(out, value, decimals);
    return out.toString();
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
