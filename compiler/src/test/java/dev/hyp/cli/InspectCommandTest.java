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
  void anImageFolderShowsItsClassesAndSizes() throws IOException {
    for (String shape : new String[] {"circle", "square"}) {
      for (int i = 0; i < 2; i++) {
        Path file = Files.createDirectories(dir.resolve("pictures").resolve(shape)).resolve(i + ".png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(6, 4, java.awt.image.BufferedImage.TYPE_INT_RGB),
            "png", file.toFile());
      }
    }
    CliTest.Run text = CliTest.hyp("inspect", dir.resolve("pictures").toString());
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("circle") && text.out().contains("square"), text.out());
    CliTest.Run json = CliTest.hyp("inspect", dir.resolve("pictures").toString(), "--format", "json");
    assertEquals(0, json.exit(), json.err());
    JsonNode summary = new ObjectMapper().readTree(json.out());
    assertEquals(2, summary.get("classes").get(1).get("images").asInt());
    assertEquals(6, summary.get("sizes").get(0).get("width").asInt());
  }

  @Test
  void aDirectoryOrABadFileIsAUsageErrorInOneLine() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliTest.Run folder = CliTest.hyp("inspect", empty.toString());
    assertEquals(2, folder.exit());
    assertTrue(folder.err().startsWith("hyp: " + empty) && folder.err().indexOf('\n') == folder.err().length() - 1,
        folder.err()); // a folder without class subfolders is not an image folder: one line, exit 2
    CliTest.Run missing = CliTest.hyp("inspect", table().toString(), "--label", "y");
    assertEquals(2, missing.exit());
    assertTrue(missing.err().startsWith("hyp: " + dir.resolve("t.csv") + ": row 1, column `y`: no such column"),
        missing.err());
  }
}
