package dev.hyp.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The places of the model, training and data where a parameter stands on one side of an edit and a
 * plain value on the other: `dense(units = 8)` became `dense(units = units)`. What a value that
 * became a parameter (or back) was, so that the params section can say so.
 */
final class Slots {
  /** A new parameter's name to the value its places held before. */
  final Map<String, JsonNode> becameParams = new HashMap<>();
  /** An old parameter's name to the value its places hold now. */
  final Map<String, JsonNode> becameValues = new HashMap<>();

  static Slots of(JsonNode before, JsonNode now) {
    Slots slots = new Slots();
    slots.walk(before, now);
    return slots;
  }

  private void walk(JsonNode before, JsonNode now) {
    if (before == null || now == null || before.equals(now)) {
      return;
    }
    if (isParam(now) && isLiteral(before)) {
      becameParams.putIfAbsent(now.get("param").asText(), before);
    } else if (isParam(before) && isLiteral(now)) {
      becameValues.putIfAbsent(before.get("param").asText(), now);
    } else if (before.isObject() && now.isObject()) {
      for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        walk(before.get(field), now.get(field));
      }
    } else if (before.isArray() && now.isArray() && before.size() == now.size()) {
      for (int i = 0; i < before.size(); i++) {
        walk(before.get(i), now.get(i));
      }
    }
  }

  /** Only parameters that are new (or gone) explain their places; a place of a parameter on both sides is a change. */
  Slots keepOnly(Set<String> added, Set<String> removed) {
    becameParams.keySet().retainAll(added);
    becameValues.keySet().retainAll(removed);
    return this;
  }

  static boolean isParam(JsonNode node) {
    return node.isObject() && node.size() == 1 && node.has("param");
  }

  /** A place that says which is shown elsewhere: a parameter on one side and a plain value on the other. */
  boolean explains(JsonNode before, JsonNode now) {
    return isParam(now) && isLiteral(before) && becameParams.containsKey(now.get("param").asText())
        || isParam(before) && isLiteral(now) && becameValues.containsKey(before.get("param").asText());
  }

  static boolean isLiteral(JsonNode node) {
    if (!node.isObject() || node.size() != 1) {
      return false;
    }
    return Set.of("int", "number", "string", "bool", "symbol").contains(node.fieldNames().next());
  }
}
