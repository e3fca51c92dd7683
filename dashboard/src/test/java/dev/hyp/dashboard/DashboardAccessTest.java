package dev.hyp.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.trial.FrozenTrial;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may read the dashboard, and what: off the loopback address only requests with its token; on
 * it only requests that name it as such; never a file outside the run folders; nothing written.
 */
class DashboardAccessTest {
  @TempDir
  static Path root;
  static final String SECRET = "a file beside the runs that no request may read";

  @BeforeAll
  static void aRunAndASecret() throws Exception {
    List<FrozenTrial> trials = RunFixture.trials(6, 3);
    RunFixture.write(root.resolve("runs").resolve("deep"), trials);
    Files.writeString(root.resolve("secret.txt"), SECRET);
  }

  @Test
  void boundToAnotherAddressItAnswersOnlyWithItsToken() throws Exception {
    try (DashboardServer server = DashboardServer.start(root.resolve("runs"), "0.0.0.0", 0)) {
      String token = server.token().orElseThrow(() -> new AssertionError("no token off the loopback address"));
      assertTrue(server.address("127.0.0.1").endsWith("/?token=" + token), server.address("127.0.0.1"));
      int port = server.port();
      for (String path : List.of("/", "/api/runs", "/static/echarts.js", "/api/run?id=deep")) {
        Http.Answer refused = Http.get(port, path);
        assertEquals(403, refused.status(), path);
        assertTrue(refused.body().contains("access token"), refused.body());
        assertEquals(403, Http.get(port, path + (path.contains("?") ? "&" : "?") + "token=" + token + "x").status());
        assertEquals(403, Http.get(port, path, "Cookie: hyp_token=wrong").status());
      }
      Http.Answer page = Http.get(port, "/?token=" + token);
      assertEquals(200, page.status());
      assertTrue(page.head().toLowerCase().contains("set-cookie: hyp_token=" + token), page.head());
      assertEquals(200, Http.get(port, "/api/runs", "Cookie: hyp_token=" + token).status());
      Http.Answer runs = Http.get(port, "/api/runs", "X-Hyp-Token: " + token);
      assertEquals(200, runs.status());
      assertTrue(runs.body().contains("\"id\":\"deep\""), runs.body());
    }
  }

  @Test
  void onTheLoopbackAddressNoTokenIsNeededButOnlyItsOwnNamesAreAnswered() throws Exception {
    try (DashboardServer server = DashboardServer.start(root.resolve("runs"), "127.0.0.1", 0)) {
      assertTrue(server.token().isEmpty());
      assertEquals(200, Http.get(server.port(), "/api/runs").status());
      assertEquals(200, Http.get(server.port(), "/api/runs", "Host: localhost:" + server.port()).status());
      // a page elsewhere that rebinds its own name to 127.0.0.1 sends its name as the Host
      assertEquals(403, Http.get(server.port(), "/api/runs", "Host: attacker.example:" + server.port()).status());
    }
  }

  @Test
  void nothingOutsideTheRunFoldersIsServedAndNothingIsWritten() throws Exception {
    try (DashboardServer server = DashboardServer.start(root.resolve("runs"), "127.0.0.1", 0)) {
      int port = server.port();
      assertEquals(200, Http.get(port, "/api/run?id=deep").status());
      for (String path : List.of("/../secret.txt", "/static/../../secret.txt", "/static/..%2f..%2fsecret.txt",
          "/%2e%2e/%2e%2e/secret.txt", "/api/run?id=..", "/api/run?id=../secret.txt", "/api/run?id=..%2F..%2Fsecret.txt",
          "/api/run?id=" + root.toAbsolutePath(), "/api/run?id=deep/../..", "/api/stamp?id=%2Fetc",
          "/api/run?id=deep&version=..%2F1", "/secret.txt", "/runs/deep/hyp.db", "/deep/run.json")) {
        Http.Answer answer = Http.get(port, path);
        assertTrue(answer.status() == 404, path + " answered " + answer.status() + ": " + answer.body());
        assertFalse(answer.body().contains(SECRET), path);
      }
      for (String method : List.of("POST", "PUT", "DELETE")) {
        assertEquals(405, Http.request(port, method, "/api/runs", "Content-Length: 0").status(), method);
      }
    }
  }

  @Test
  void ctrlCStopsItWithExitZero() throws Exception {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.hyp.cli.Main", "dashboard", root.resolve("runs").toString(),
        "--port", "0").redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String first = out.readLine();
      assertTrue(first != null && first.matches("hyp: dashboard of .* at http://127\\.0\\.0\\.1:\\d+/"), first);
      int port = Integer.parseInt(first.replaceAll(".*:(\\d+)/$", "$1"));
      assertEquals(200, Http.get(port, "/api/runs").status());
      assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor());
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "still running after SIGINT");
      assertEquals(0, process.exitValue(), "exit code after Ctrl-C");
    } finally {
      process.destroyForcibly();
    }
  }
}
