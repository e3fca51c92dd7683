package dev.hyp.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hyp.runtime.report.HtmlReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's web server (the JDK's own): one page, its scripts (the report's chart library
 * and script among them, from the runtime's jar) and three JSON answers over the run folders.
 * Read-only: GET and HEAD only. Every path it answers is one of a fixed few; a run is looked up
 * by name among the run folders found, so nothing outside them can be read.
 */
final class DashboardServer implements AutoCloseable {
  private static final Pattern MAIN = Pattern.compile("<main>(.*)</main>", Pattern.DOTALL);

  private final HttpServer server;
  private final ExecutorService threads;
  private final RunFolders folders;
  private final Access access;
  private final Map<String, Asset> assets = new HashMap<>();

  private record Asset(String type, byte[] bytes) {}

  private DashboardServer(HttpServer server, ExecutorService threads, RunFolders folders, Access access) {
    this.server = server;
    this.threads = threads;
    this.folders = folders;
    this.access = access;
    assets.put("/", new Asset("text/html; charset=utf-8", page()));
    assets.put("/static/echarts.js", new Asset("text/javascript; charset=utf-8", bytes(HtmlReport.chartLibrary())));
    assets.put("/static/report.js", new Asset("text/javascript; charset=utf-8", bytes(HtmlReport.page("report.js"))));
    assets.put("/static/dashboard.js", new Asset("text/javascript; charset=utf-8", bytes(resource("dashboard.js"))));
  }

  /**
   * Starts serving the run folders under {@code root} on {@code host} and {@code port} (0: any free port).
   *
   * @throws IOException when the address cannot be bound (in use, or not this machine's)
   */
  static DashboardServer start(Path root, String host, int port) throws IOException {
    InetAddress address = InetAddress.getByName(host);
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
    ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
      Thread thread = new Thread(r, "hyp-dashboard");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    DashboardServer dashboard = new DashboardServer(server, threads, new RunFolders(root),
        Access.forAddress(address, server.getAddress().getPort()));
    server.createContext("/", dashboard::handle);
    server.start();
    return dashboard;
  }

  int port() {
    return server.getAddress().getPort();
  }

  Optional<String> token() {
    return access.token();
  }

  /** Where to open it: with the token when one is needed. */
  String address(String host) {
    String shown = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + shown + ":" + port() + "/" + access.token().map(t -> "?token=" + t).orElse("");
  }

  private void handle(HttpExchange exchange) {
    try {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      Optional<String> refused = access.refusal(exchange, query.get("token"));
      if (refused.isPresent()) {
        send(exchange, 403, "text/plain; charset=utf-8", bytes("forbidden: " + refused.get() + "\n"));
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", bytes("the dashboard is read-only\n"));
        return;
      }
      if (query.containsKey("token") && access.token().isPresent()) {
        exchange.getResponseHeaders().add("Set-Cookie", access.cookieHeader());
      }
      String path = exchange.getRequestURI().getRawPath();
      Asset asset = assets.get(path);
      if (asset != null) {
        send(exchange, 200, asset.type(), asset.bytes());
      } else if (path.equals("/api/runs")) {
        json(exchange, RunView.runs(folders));
      } else if (path.equals("/api/run") || path.equals("/api/stamp")) {
        Optional<Path> run = folders.find(query.get("id"));
        Optional<Integer> version = version(query.get("version"));
        if (run.isEmpty() || version == null) {
          send(exchange, 404, "text/plain; charset=utf-8", bytes("no such run\n"));
        } else if (path.equals("/api/run")) {
          json(exchange, RunView.run(query.get("id"), run.get(), version));
        } else {
          json(exchange, "{\"stamp\":" + new com.fasterxml.jackson.databind.ObjectMapper()
              .writeValueAsString(RunView.stamp(run.get(), version)) + "}");
        }
      } else {
        send(exchange, 404, "text/plain; charset=utf-8", bytes("not found\n"));
      }
    } catch (IOException | RuntimeException e) {
      // a run folder half-written or a database busy: the page keeps what it has and asks again
      try {
        send(exchange, 503, "text/plain; charset=utf-8", bytes("cannot read the run now: " + e.getMessage() + "\n"));
      } catch (IOException | RuntimeException ignored) {
        // the answer had already begun, or the browser went away
      }
    } finally {
      exchange.close();
    }
  }

  private static Optional<Integer> version(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    return text.matches("[0-9]{1,6}") ? Optional.of(Integer.parseInt(text)) : null;
  }

  private static void json(HttpExchange exchange, String body) throws IOException {
    send(exchange, 200, "application/json; charset=utf-8", bytes(body));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    // nothing from the network: every script, style and request is the dashboard's own
    exchange.getResponseHeaders().set("Content-Security-Policy",
        "default-src 'self' 'unsafe-inline' 'unsafe-eval'; img-src 'self' data:");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        query.putIfAbsent(key, value);
      }
    }
    return query;
  }

  /** The page, with the report's style and the report's sections (its charts' places) in it. */
  private static byte[] page() {
    Matcher main = MAIN.matcher(HtmlReport.page("report.html"));
    if (!main.find()) {
      throw new IllegalStateException("the report's template has no <main>");
    }
    return bytes(resource("dashboard.html")
        .replace("{{reportStyle}}", HtmlReport.page("report.css"))
        .replace("{{dashboardStyle}}", resource("dashboard.css"))
        .replace("{{report}}", main.group(1)));
  }

  private static String resource(String name) {
    try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
