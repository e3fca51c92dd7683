package dev.hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnNamesTest {

  @Test
  void aShortHeaderIsListedInFull() {
    assertEquals("[a, b, c]", ColumnNames.listed(List.of("a", "b", "c")));
    List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "c" + i).toList();
    assertEquals(twenty.toString(), ColumnNames.listed(twenty));
  }

  @Test
  void aWideHeaderShowsItsEndsAndItsCount() {
    List<String> names = new ArrayList<>(IntStream.range(0, 784).mapToObj(i -> "p" + i).toList());
    names.add("glyph");
    assertEquals("[p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, ... 770 more ..., p780, p781, p782, p783, glyph]"
        + " (785 columns)", ColumnNames.listed(names));
  }

  @Test
  void aMissingLabelInAWideFileGetsOneShortLine(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("wide.csv");
    String header = String.join(",", IntStream.range(0, 784).mapToObj(i -> "p" + i).toList()) + ",glyph";
    String row = String.join(",", IntStream.range(0, 785).mapToObj(i -> "0").toList());
    Files.writeString(csv, header + "\n" + row + "\n" + row + "\n");
    DataException e = assertThrows(DataException.class, () -> CsvLoader.load(CsvSource.of(csv, "label"), Task.CLASSIFICATION));
    assertTrue(e.getMessage().contains("... 770 more ..., p780, p781, p782, p783, glyph] (785 columns)"), e.getMessage());
    assertTrue(e.getMessage().length() < 300, e.getMessage());
  }
}
