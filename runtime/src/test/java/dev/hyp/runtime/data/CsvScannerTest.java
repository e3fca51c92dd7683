package dev.hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte scanner reads every file as Commons CSV (the loader's reader before it) read it. */
class CsvScannerTest {
  @TempDir
  Path dir;

  private List<List<String>> scanned(Path file, String delimiter) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CsvScanner scanner = new CsvScanner(file, delimiter)) {
      while (scanner.next()) {
        assertEquals(records.size() + 1, scanner.record());
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < scanner.size(); c++) {
          cells.add(scanner.text(c));
          assertEquals(Cells.isMissing(scanner.text(c)), scanner.isMissing(c));
        }
        records.add(cells);
      }
    }
    return records;
  }

  private static List<List<String>> commons(Path file, String delimiter) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true)
        .build();
    List<List<String>> records = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(reader, format)) {
      for (CSVRecord record : parser) {
        records.add(record.toList());
      }
    }
    return records;
  }

  private void same(String text, String delimiter) throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    assertEquals(commons(file, delimiter), scanned(file, delimiter), text);
  }

  @Test
  void handWrittenFiles() throws IOException {
    for (String text : List.of("a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "a,b\n1,2", "a,b\n\n\n1,2\n\n",
        "\n\na,b\n1,2\n", "a,b,\n1,,\n", "a , b \n 1 ,\t2\t\n", "\"a\",\"b\"\n\"1,5\",\"x\"\"y\"\n",
        "\"multi\nline\",b\n1,2\n", "\"q\" ,b\n1,2\n", "\"\",b\n,\n", " \"a\",b\n", "a\"b,c\n", "\uFEFFid,x\n1,2\n",
        "é,ü\nnaïve,日本\n", "a,b\n   \n1,2\n", "x", ",", "\"a\"\"\"", "a,b\n1,2,3\n4\n", "a;b\n1;2,5\n")) {
      same(text, ",");
    }
    same("a;b\n1;2,5\n\"x;y\";z\n", ";");
    same("a\tb\n1\t2\n", "\t");
    same("a::b\n1::2:3\n", "::");
  }

  @Test
  void randomFilesAcrossBufferBoundaries() throws IOException {
    Random random = new Random(11);
    String[] pieces = {"1", "-2.5", "abc", " x ", "\"q,uo\"\"ted\"", "", "NA", "é", "\"line\r\nbreak\"", "null", "1e5"};
    StringBuilder text = new StringBuilder();
    int rows = 0;
    while (text.length() < 2_500_000) { // more than the scanner's first block
      for (int c = 0; c < 4; c++) {
        text.append(c > 0 ? "," : "").append(pieces[random.nextInt(pieces.length)]);
      }
      if (rows == 100) {
        text.append(",\"").append("y".repeat(1_500_000)).append("\""); // a cell longer than a block
      }
      text.append(random.nextInt(7) == 0 ? "\r\n" : random.nextInt(20) == 0 ? "\n\n" : "\n");
      rows++;
    }
    same(text.toString(), ",");
    assertEquals(true, rows > 1000);
  }

  @Test
  void notUtf8AndBrokenQuotesAreReported() throws IOException {
    for (byte[] bad : List.of(new byte[] {'a', ',', (byte) 0xE9, '\n'}, new byte[] {(byte) 0xC0, (byte) 0x80},
        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {'x', (byte) 0xE2, (byte) 0x82})) {
      Path file = dir.resolve("bad.csv");
      Files.write(file, bad);
      assertThrows(CsvScanner.NotUtf8.class, () -> scanned(file, ","));
    }
    for (String text : List.of("a,\"open\n1,2\n", "\"a\"x,b\n")) {
      Path file = dir.resolve("quotes.csv");
      Files.writeString(file, text);
      assertThrows(CsvScanner.Malformed.class, () -> scanned(file, ","));
      assertThrows(Exception.class, () -> commons(file, ",")); // its UncheckedIOException
    }
  }
}
