package dev.hyp.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What happened to the network's layers: a layer added or removed (matched by a longest common
 * subsequence of the layers as written), or an argument of a layer changed in place.
 */
final class LayerChanges {
  private LayerChanges() {}

  static void describe(JsonNode before, JsonNode now, String where, Slots slots, List<Change> out) {
    List<String> old = texts(before);
    List<String> current = texts(now);
    if (old.size() == current.size()) {
      for (int i = 0; i < old.size(); i++) {
        if (!before.get(i).equals(now.get(i))) {
          inPlace(before.get(i), now.get(i), where + "layer " + (i + 1), slots, out);
        }
      }
      return;
    }
    int[][] common = new int[old.size() + 1][current.size() + 1];
    for (int i = old.size() - 1; i >= 0; i--) {
      for (int j = current.size() - 1; j >= 0; j--) {
        common[i][j] = old.get(i).equals(current.get(j)) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < old.size() || j < current.size()) {
      if (i < old.size() && j < current.size() && old.get(i).equals(current.get(j))) {
        i++;
        j++;
      } else if (j < current.size() && (i == old.size() || common[i][j + 1] >= common[i + 1][j])) {
        out.add(new Change("model", where + "layer " + (j + 1), "added, " + current.get(j)));
        j++;
      } else {
        out.add(new Change("model", where + "layer " + (i + 1), "removed (was " + old.get(i) + ")"));
        i++;
      }
    }
  }

  /** One layer changed where it stands: its kind, or its arguments one by one. */
  private static void inPlace(JsonNode old, JsonNode current, String subject, Slots slots, List<Change> out) {
    if (old.has("layer") && current.has("layer") && old.get("layer").equals(current.get("layer"))) {
      JsonNode before = old.get("arguments");
      JsonNode now = current.get("arguments");
      Set<String> names = new TreeSet<>();
      before.fieldNames().forEachRemaining(names::add);
      now.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode a = before.path(name);
        JsonNode b = now.path(name);
        if (!a.equals(b) && !slots.explains(a, b)) {
          out.add(new Change("model", subject + " `" + old.get("layer").asText() + "` `" + name + "`",
              value(a) + " -> " + value(b)));
        }
      }
    } else if (old.has("repeat") && current.has("repeat")) {
      JsonNode before = old.get("repeat");
      JsonNode now = current.get("repeat");
      if (!before.get("from").equals(now.get("from")) || !before.get("to").equals(now.get("to"))) {
        if (!slots.explains(before.get("to"), now.get("to")) || !before.get("from").equals(now.get("from"))) {
          out.add(new Change("model", subject, "loop " + range(before) + " -> " + range(now)));
        }
      }
      describe(before.get("body"), now.get("body"), subject + ", in the loop: ", slots, out);
    } else {
      out.add(new Change("model", subject, text(old) + " -> " + text(current)));
    }
  }

  private static String value(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "unset" : SpecSyntax.value(node);
  }

  private static List<String> texts(JsonNode items) {
    List<String> texts = new ArrayList<>();
    items.forEach(item -> texts.add(text(item)));
    return texts;
  }

  /** A layer as written: `dense(activation = relu, units = 8)`, or a loop with its body. */
  static String text(JsonNode item) {
    if (item.has("layer")) {
      return item.get("layer").asText() + "(" + SpecSyntax.arguments(item.get("arguments")) + ")";
    }
    JsonNode repeat = item.get("repeat");
    List<String> body = texts(repeat.get("body"));
    return "for i in " + range(repeat) + " { " + String.join(" ", body) + " }";
  }

  private static String range(JsonNode repeat) {
    return SpecSyntax.value(repeat.get("from")) + ".." + SpecSyntax.value(repeat.get("to"));
  }
}
