package dev.hyp.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hyp.runtime.testing.DevToolsPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** What the browser tests do with a page: wait for a condition, take a screenshot of the whole page. */
final class Pages {
  private Pages() {}

  /** Polls {@code expression} until it gives something other than null or false, for at most 30 s. */
  static JsonNode waitFor(DevToolsPage page, String expression) throws Exception {
    return waitFor(page, expression, 30);
  }

  static JsonNode waitFor(DevToolsPage page, String expression, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    JsonNode value = null;
    while (System.nanoTime() < deadline) {
      value = page.evaluate(expression);
      if (!value.isNull() && !value.isMissingNode() && !(value.isBoolean() && !value.asBoolean())) {
        return value;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("still not true after " + seconds + " s: " + expression + " (last: " + value + ")");
  }

  /** The whole page at 1400 pixels wide, for people to look at (target/ is not committed). */
  static void screenshot(DevToolsPage page, Path file) throws Exception {
    Files.createDirectories(file.getParent());
    page.send("Emulation.setDeviceMetricsOverride", Map.of("width", 1400, "height",
        Math.min(8000, page.evaluate("document.documentElement.scrollHeight").asInt()), "deviceScaleFactor", 1,
        "mobile", false));
    String png = page.send("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
    Files.write(file, Base64.getDecoder().decode(png));
    page.send("Emulation.clearDeviceMetricsOverride", Map.of());
  }
}
