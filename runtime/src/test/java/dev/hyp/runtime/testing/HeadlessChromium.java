package dev.hyp.runtime.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Debian's chromium, headless, with a fresh profile and the DevTools protocol on a free port;
 * {@link #page()} connects to its blank page. Closing it ends the browser and deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {
  public static final Path BINARY = Path.of(System.getenv().getOrDefault("HYP_CHROMIUM", "/usr/bin/chromium"));
  private static final Duration START = Duration.ofSeconds(20);

  private final Process process;
  private final Path profile;
  private final int port;

  private HeadlessChromium(Process process, Path profile, int port) {
    this.process = process;
    this.profile = profile;
    this.port = port;
  }

  /** Starts the browser; fails the test (never skips it) when chromium is not installed. */
  public static HeadlessChromium start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      fail("the report test needs Chromium at " + BINARY + ": install it with `apt-get install -y chromium` "
          + "(.ci/run does), or point HYP_CHROMIUM at a Chrome or Chromium binary");
    }
    Path profile = Files.createTempDirectory("hyp-chromium");
    Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", "--remote-debugging-port=0", "--remote-allow-origins=*",
        "--user-data-dir=" + profile, "--window-size=1400,1000", "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
    // Chromium writes the port it chose to this file once DevTools listens
    Path activePort = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + START.toNanos();
    while (!Files.isRegularFile(activePort) || Files.readAllLines(activePort).isEmpty()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String log = Files.readString(profile.resolve("chromium.log"));
        process.destroyForcibly();
        fail("chromium did not start its DevTools server: " + log);
      }
      Thread.sleep(50);
    }
    return new HeadlessChromium(process, profile, Integer.parseInt(Files.readAllLines(activePort).get(0).trim()));
  }

  /** A DevTools connection to the browser's page. */
  public DevToolsPage page() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
        .build(), HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : new ObjectMapper().readTree(list.body())) {
      if (target.path("type").asText().equals("page")) {
        return DevToolsPage.connect(http, URI.create(target.get("webSocketDebuggerUrl").asText()));
      }
    }
    throw new IllegalStateException("chromium has no page: " + list.body());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // chromium may still be writing its profile; a temp folder left behind harms nothing
    }
  }
}
