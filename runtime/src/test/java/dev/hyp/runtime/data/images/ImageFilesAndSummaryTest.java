package dev.hyp.runtime.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.data.CellException;
import dev.hyp.runtime.data.RowEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesAndSummaryTest {
  @TempDir
  Path dir;

  @Test
  void anImageRowEncodesAFileAsTheLoaderReadsItAndKeepsItsKindInJson() throws IOException {
    Path train = dir.resolve("train");
    TestImages.grayRamp(train.resolve("a/1.png"), 6, 5);
    TestImages.solid(train.resolve("b/1.jpg"), 7, 3, 0x808000);
    ImageSize size = new ImageSize(4, 3, 3);
    LoadedImages loaded = ImageFolderLoader.load(new ImageFolderSource(train, size, false));

    ObjectMapper json = new ObjectMapper();
    String written = json.writeValueAsString(new ImageFiles(size));
    assertEquals("{\"kind\":\"image\",\"size\":{\"height\":4,\"width\":3,\"channels\":3}}",
        json.writeValueAsString(json.readValue(written, RowEncoding.class)).replace("\n", ""));
    RowEncoding encoding = json.readValue(written, RowEncoding.class);
    assertEquals(List.of("image"), encoding.columns());
    assertEquals(36, encoding.width());
    for (int i = 0; i < loaded.files().size(); i++) {
      double[] out = new double[encoding.width()];
      encoding.encode(new String[] {loaded.files().get(i).toString()}, out);
      float[] expected = loaded.table().features()[i];
      for (int j = 0; j < out.length; j++) {
        assertEquals(expected[j], out[j], 0.0);
      }
    }
    CellException e = assertThrows(CellException.class,
        () -> encoding.encode(new String[] {dir.resolve("nope.png").toString()}, new double[36]));
    assertEquals("image", e.column());
    assertTrue(e.problem().startsWith(dir.resolve("nope.png") + " cannot be read as an image"), e.problem());
  }

  @Test
  void theSummaryCountsClassesSizesFormatsAndUnreadableFiles() throws IOException {
    Path folder = dir.resolve("photos");
    TestImages.solid(folder.resolve("cat/1.png"), 4, 3, 0x112233);
    TestImages.solid(folder.resolve("cat/2.png"), 4, 3, 0x112233);
    TestImages.grayRamp(folder.resolve("dog/1.png"), 5, 5);
    TestImages.solid(folder.resolve("dog/2.jpg"), 4, 3, 0);
    Path broken = TestImages.corrupt(folder.resolve("dog/3.png"));
    Files.createDirectories(folder.resolve("owl"));
    Files.writeString(folder.resolve("owl/readme.txt"), "x");
    TestImages.solid(folder.resolve("stray.bmp"), 2, 2, 0);

    ImageFolderSummary summary = ImageFolderSummary.of(folder);
    assertEquals(List.of(new ImageFolderSummary.ClassCount("cat", 2), new ImageFolderSummary.ClassCount("dog", 3),
        new ImageFolderSummary.ClassCount("owl", 0)), summary.classes());
    assertEquals(List.of(new ImageFolderSummary.SizeCount(3, 4, 3), new ImageFolderSummary.SizeCount(5, 5, 1)),
        summary.sizes());
    assertEquals(java.util.Map.of("png", 3, "jpeg", 1), summary.formats());
    assertEquals(1, summary.grayscale());
    assertEquals(broken.toString(), summary.unreadable().get(0).file());
    assertEquals(1, summary.outsideClasses());
    assertEquals(1, summary.ignored());

    List<String> lines = summary.lines();
    assertEquals(folder + ": an image folder, 5 images in 3 classes", lines.get(0));
    assertEquals("  cat       2   40.0%", lines.get(1));
    assertTrue(lines.contains("formats: jpeg 1, png 3; 1 grayscale, 3 colour"), lines.toString());
    assertTrue(lines.contains("empty class folder: `owl` (a run refuses it)"), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("  " + broken + ": ")), lines.toString());

    JsonNode json = new ObjectMapper().valueToTree(summary);
    assertEquals("dog", json.path("classes").path(1).path("name").asText());
    assertEquals(4, json.path("sizes").path(0).path("width").asInt());
    assertArrayEquals(new String[] {"folder", "classes", "sizes", "formats", "grayscale", "unreadable",
        "outsideClasses", "ignored"}, iterable(json.fieldNames()));
  }

  private static String[] iterable(java.util.Iterator<String> names) {
    List<String> all = new java.util.ArrayList<>();
    names.forEachRemaining(all::add);
    return all.toArray(new String[0]);
  }
}
