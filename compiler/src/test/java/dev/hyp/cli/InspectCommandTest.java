package dev.hyp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  @TempDir
  Path dir;

  private Path table() throws IOException {
    StringBuilder csv = new StringBuilder("id,age,plan,notes,churned\n");
    for (int i = 1; i <= 30; i++) {
      csv.append(i).append(',').append(i % 5 == 0 ? "" : 20 + i).append(',').append(i % 3 == 0 ? "pro" : "basic")
          .append(",,").append(i == 7 ? "" : i % 6 == 0 ? "yes" : "no").append('\n');
    }
    Path file = dir.resolve("t.csv");
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void textShowsKindsMissingCellsAndTheClassBalance() throws IOException {
    Path file = table();
    CliTest.Run run = CliTest.hyp("inspect", file.toString(), "--label", "churned");
    assertEquals(0, run.exit(), run.err());
    assertEquals(file + ": 30 rows, 4 columns\n"
        + "column  kind      distinct  missing      most frequent\n"
        + "id      id_like   30        0\n"
        + "age     number    24        6 (20.0%)\n"
        + "plan    category  2         0            basic 20, pro 10\n"
        + "notes   empty     0         30 (100.0%)\n"
        + "label `churned`: 2 classes: no 24 (82.8%), yes 5 (17.2%); 1 rows without a label (a run leaves them out)\n",
        run.out());
  }

  @Test
  void jsonHasTheSameFacts() throws IOException {
    CliTest.Run run = CliTest.hyp("inspect", table().toString(), "--format", "json");
    assertEquals(0, run.exit(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(30, json.get("rows").asInt());
    assertEquals("churned", json.get("columns").get(4).get("name").asText(), "without --label every column is one");
    assertEquals("category", json.get("columns").get(2).get("kind").asText());
    assertEquals(20, json.get("columns").get(2).get("top").get("basic").asInt());
    assertTrue(json.get("label") == null);
  }

  @Test
  void aDirectoryOrABadFileIsAUsageErrorInOneLine() throws IOException {
    CliTest.Run folder = CliTest.hyp("inspect", dir.toString());
    assertEquals(2, folder.exit());
    assertEquals("hyp: " + dir + " is a directory, not a CSV file; name a CSV file\n", folder.err());
    CliTest.Run missing = CliTest.hyp("inspect", table().toString(), "--label", "y");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().startsWith("hyp: " + dir.resolve("t.csv") + ": row 1, column `y`: no such column"),
        missing.err());
  }
}
