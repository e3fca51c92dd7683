package dev.hyp.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page of a browser driven through the Chrome DevTools Protocol over the JDK's WebSocket:
 * commands with their replies, and every event kept, so a test can read what the page logged.
 */
public final class DevToolsPage implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  public static DevToolsPage connect(HttpClient http, URI uri) {
    DevToolsPage page = new DevToolsPage();
    page.socket = http.newWebSocketBuilder().buildAsync(uri, page).join();
    return page;
  }

  /** Sends a command and waits for its result; a protocol error fails. */
  public JsonNode send(String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(message), true).join();
    JsonNode answer = reply.get(20, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.get("result");
  }

  /** Evaluates a JavaScript expression in the page and returns its value, as JSON. */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("page threw on `" + expression + "`: " + result.get("exceptionDetails"));
    }
    return result.get("result").path("value");
  }

  public List<JsonNode> events(String method) {
    return events.stream().filter(e -> e.path("method").asText().equals(method)).toList();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        JsonNode message = JSON.readTree(partial.toString());
        if (message.has("id")) {
          CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
          if (reply != null) {
            reply.complete(message);
          }
        } else {
          events.add(message);
        }
      } catch (Exception e) {
        events.add(JSON.createObjectNode().put("method", "test.unreadable").put("text", e.toString()));
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }
}
