package dev.hyp.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What happened to each parameter: added, removed, its range narrowed or widened, its choices, its condition. */
final class ParamChanges {
  private ParamChanges() {}

  static void describe(JsonNode before, JsonNode now, Slots slots, List<Change> out) {
    Set<String> names = new java.util.TreeSet<>();
    before.fieldNames().forEachRemaining(names::add);
    now.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode old = before.get(name);
      JsonNode current = now.get(name);
      String text;
      if (old == null) {
        text = added(current, slots.becameParams.get(name));
      } else if (current == null) {
        text = removed(old, slots.becameValues.get(name));
      } else if (old.equals(current)) {
        continue;
      } else {
        text = changed(old, current);
      }
      out.add(new Change("params", "`" + name + "`", text));
    }
  }

  private static String added(JsonNode param, JsonNode was) {
    String declared = SpecSyntax.distribution(param.get("distribution")) + perLayer(param) + condition(param);
    return was != null ? "a parameter now (was " + SpecSyntax.value(was) + "), " + declared : "added, " + declared;
  }

  private static String removed(JsonNode param, JsonNode now) {
    String declared = SpecSyntax.distribution(param.get("distribution"));
    return now != null ? "a value now (" + SpecSyntax.value(now) + "), was " + declared
        : "removed (was " + declared + ")";
  }

  private static String changed(JsonNode old, JsonNode current) {
    List<String> parts = new ArrayList<>();
    if (!old.get("distribution").equals(current.get("distribution"))) {
      parts.add(distribution(old.get("distribution"), current.get("distribution")));
    }
    if (!old.path("condition").equals(current.path("condition"))) {
      parts.add(conditionChange(old.path("condition"), current.path("condition")));
    }
    if (!old.path("per_layer").equals(current.path("per_layer"))) {
      parts.add(perLayerChange(old.path("per_layer"), current.path("per_layer")));
    }
    return String.join("; ", parts);
  }

  private static String distribution(JsonNode old, JsonNode current) {
    String from = SpecSyntax.distribution(old);
    String to = SpecSyntax.distribution(current);
    if (old.has("constant") && !current.has("constant")) {
      return "a parameter now (was " + from + "), " + to;
    }
    if (!old.has("constant") && current.has("constant")) {
      return "a value now (" + to + "), was " + from;
    }
    if (old.has("choice") && current.has("choice")) {
      return choices(old.get("choice"), current.get("choice"));
    }
    String kind = old.fieldNames().next();
    if (!kind.equals(current.fieldNames().next())) {
      return from + " -> " + to;
    }
    List<String> words = range(old.get(kind), current.get(kind));
    return from + " -> " + to + (words.isEmpty() ? "" : ", " + String.join(", ", words));
  }

  /** How a range moved: made log or linear, given a step or not, narrowed, widened or moved. */
  private static List<String> range(JsonNode old, JsonNode current) {
    List<String> words = new ArrayList<>();
    boolean wasLog = old.path("log").asBoolean();
    boolean isLog = current.path("log").asBoolean();
    if (wasLog != isLog) {
      words.add(isLog ? "made log" : "made linear");
    }
    boolean hadStep = !old.path("step").isNull() && !old.path("step").isMissingNode();
    boolean hasStep = !current.path("step").isNull() && !current.path("step").isMissingNode();
    if (hadStep != hasStep) {
      words.add(hasStep ? "given a step" : "its step removed");
    } else if (hadStep && !old.get("step").equals(current.get("step"))) {
      words.add("its step changed");
    }
    double lo = old.get("lo").asDouble();
    double hi = old.get("hi").asDouble();
    double newLo = current.get("lo").asDouble();
    double newHi = current.get("hi").asDouble();
    if (lo != newLo || hi != newHi) {
      if (newLo >= lo && newHi <= hi) {
        words.add("narrowed");
      } else if (newLo <= lo && newHi >= hi) {
        words.add("widened");
      } else {
        words.add("moved");
      }
    }
    return words;
  }

  private static String choices(JsonNode old, JsonNode current) {
    Set<String> before = values(old);
    Set<String> now = values(current);
    List<String> gained = now.stream().filter(v -> !before.contains(v)).map(v -> "`" + v + "`").toList();
    List<String> lost = before.stream().filter(v -> !now.contains(v)).map(v -> "`" + v + "`").toList();
    if (gained.isEmpty() && lost.isEmpty()) {
      return "choice reordered: " + SpecSyntax.distribution(jsonChoice(current));
    }
    List<String> parts = new ArrayList<>();
    if (!gained.isEmpty()) {
      parts.add("gained " + String.join(", ", gained));
    }
    if (!lost.isEmpty()) {
      parts.add("lost " + String.join(", ", lost));
    }
    return "choice " + String.join(", ", parts);
  }

  private static JsonNode jsonChoice(JsonNode choice) {
    return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().set("choice", choice);
  }

  private static Set<String> values(JsonNode choice) {
    Set<String> values = new LinkedHashSet<>();
    boolean symbols = choice.path("symbols").asBoolean();
    choice.get("values").forEach(v -> values.add(SpecSyntax.plain(v, symbols)));
    return values;
  }

  private static String conditionChange(JsonNode old, JsonNode current) {
    if (old.isNull() || old.isMissingNode()) {
      return "now only if `" + SpecSyntax.condition(current) + "`";
    }
    if (current.isNull() || current.isMissingNode()) {
      return "no longer conditional (was if `" + SpecSyntax.condition(old) + "`)";
    }
    return "condition `" + SpecSyntax.condition(old) + "` -> `" + SpecSyntax.condition(current) + "`";
  }

  private static String condition(JsonNode param) {
    JsonNode condition = param.path("condition");
    return condition.isNull() || condition.isMissingNode() ? "" : " if " + SpecSyntax.condition(condition);
  }

  private static String perLayer(JsonNode param) {
    JsonNode perLayer = param.path("per_layer");
    return perLayer.isNull() || perLayer.isMissingNode() ? "" : ", per layer up to `" + perLayer.get("bound").asText()
        + "`";
  }

  private static String perLayerChange(JsonNode old, JsonNode current) {
    if (old.isNull() || old.isMissingNode()) {
      return "now per layer up to `" + current.get("bound").asText() + "`";
    }
    if (current.isNull() || current.isMissingNode()) {
      return "no longer per layer (was up to `" + old.get("bound").asText() + "`)";
    }
    return "per layer up to `" + old.get("bound").asText() + "` -> up to `" + current.get("bound").asText() + "`";
  }
}
