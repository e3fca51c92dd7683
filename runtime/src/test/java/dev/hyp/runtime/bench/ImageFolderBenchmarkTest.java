package dev.hyp.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The image-load benchmark runs, at a small count, and prints what it measured. */
class ImageFolderBenchmarkTest {
  @Test
  void loadsTheFolderItWritesAndPrintsOneJsonLine() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String line = ImageFolderBenchmark.run(60, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(line + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    JsonNode json = new ObjectMapper().readTree(line);
    assertEquals(60, json.path("images").asInt());
    assertTrue(json.path("load_s").asDouble() > 0, line);
    assertTrue(json.path("peak_heap_mb").asDouble() > 0, line);
    assertEquals(60 * 32 * 32 * 3 * 4 / 1e6, json.path("pixels_mb").asDouble(), 0.05, line);
  }
}
