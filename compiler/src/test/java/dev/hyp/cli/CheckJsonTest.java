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

/** `hyp check --format json`: what a CI job that reads only standard output sees. */
class CheckJsonTest {
  @TempDir
  Path dir;

  @Test
  void anUnreadableFileIsAnErrorObjectNamingIt() throws IOException {
    Path missing = dir.resolve("missing.hyp");
    CliTest.Run run = CliTest.hyp("check", "--format", "json", missing.toString());
    assertEquals(2, run.exit());
    JsonNode all = new ObjectMapper().readTree(run.out());
    assertEquals(1, all.size(), run.out());
    JsonNode error = all.get(0);
    assertEquals(missing.toString(), error.get("file").asText());
    assertEquals("error", error.get("severity").asText());
    assertTrue(error.get("code").isNull());
    assertTrue(error.get("line").isNull());
    assertEquals("cannot read " + missing + ": no such file", error.get("message").asText());
    assertTrue(run.err().contains("cannot read " + missing), run.err());
  }

  @Test
  void aFileThatIsNotUtf8IsNamedBesideTheOthersDiagnostics() throws IOException {
    Path bad = dir.resolve("latin1.hyp");
    Files.write(bad, new byte[] {'e', 'x', (byte) 0xE9, '\n'});
    Path broken = dir.resolve("broken.hyp");
    Files.writeString(broken, "experiment t {\n  data {\n");
    CliTest.Run run = CliTest.hyp("check", "--format", "json", bad.toString(), broken.toString());
    assertEquals(2, run.exit());
    JsonNode all = new ObjectMapper().readTree(run.out());
    assertEquals(2, all.size(), run.out());
    assertEquals(bad.toString(), all.get(0).get("file").asText());
    assertTrue(all.get(0).get("message").asText().endsWith("not valid UTF-8 text"));
    assertEquals("HYP006", all.get(1).get("code").asText());
  }
}
