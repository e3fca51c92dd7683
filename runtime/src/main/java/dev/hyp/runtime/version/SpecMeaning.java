package dev.hyp.runtime.version;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.ObjectiveName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a spec means, as the compiler writes it beside every build (`META-INF/hyp/meaning.json`):
 * the checked experiment as canonical JSON in three parts. {@code meaning} (data, model, training,
 * objective, seed: what makes two trials' values comparable), {@code search} (strategy, pruner,
 * parameters: which trials are wanted) and {@code budget} (how many, how fast: never the study's
 * identity). Comments, layout, `description` and the order of items are not in it.
 */
public record SpecMeaning(JsonNode root) {
  // doubles in their shortest text on every JDK (JDK 17's own writer prints 2e23 long), as the compiler writes them
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .build();

  public static SpecMeaning parse(String json) {
    try {
      return new SpecMeaning(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a spec's meaning: " + e.getOriginalMessage(), e);
    }
  }

  public JsonNode meaning() {
    return root.path("meaning");
  }

  /**
   * Every objective in the spec's order: `objectives` when the spec has several, else the one
   * `objective`.
   */
  public List<ObjectiveName> objectives() {
    JsonNode several = meaning().path("objectives");
    List<ObjectiveName> out = new ArrayList<>();
    for (JsonNode o : several.isArray() && several.size() > 0 ? several : JSON.createArrayNode().add(
        meaning().path("objective"))) {
      out.add(new ObjectiveName(o.path("metric").asText(),
          o.path("split").isTextual() ? o.path("split").asText() : null,
          "maximize".equals(o.path("direction").asText()) ? Direction.MAXIMIZE
              : Direction.MINIMIZE));
    }
    return out;
  }

  public JsonNode search() {
    return root.path("search");
  }

  public JsonNode budget() {
    return root.path("budget");
  }

  /** The study's identity: SHA-256 of {@code meaning} and {@code search}, keys sorted; the budget is left out. */
  public String fingerprint() {
    ObjectNode identity = JSON.createObjectNode();
    identity.set("meaning", sorted(meaning()));
    identity.set("search", sorted(search()));
    try {
      byte[] bytes = JSON.writeValueAsString(identity).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document as JSON text, as kept in a run folder's versions. */
  public String toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy with every object's fields in key order (arrays keep theirs: layers are ordered). */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      java.util.List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      java.util.Collections.sort(names);
      for (String name : names) {
        copy.set(name, sorted(node.get(name)));
      }
      return copy;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }
}
