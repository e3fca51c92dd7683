package dev.hyp.runtime.version;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two versions of a spec through their meanings (see docs/language.md, "Editing a
 * spec"). The model and training sections are compared place by place: where both hold the same
 * thing, nothing changed; where a parameter stands on one side (`dropout(rate = 0.2)` became
 * `dropout(rate = rate)`), the place is a {@link Edit.Slot} that earlier trials may satisfy; any
 * other difference changes what the values mean.
 */
public final class EditComparison {
  private static final Map<String, String> SECTIONS = Map.of("task", "the task", "seed", "the seed", "data",
      "the data", "model", "the model's structure", "train", "the training settings", "objective", "the objective",
      "objectives", "the objectives", "constraints", "the constraints");

  private EditComparison() {}

  public static Edit compare(SpecMeaning before, SpecMeaning now) {
    List<Edit.Slot> slots = new ArrayList<>();
    Set<String> changedSections = new TreeSet<>();
    JsonNode oldMeaning = MeaningDefaults.filled(before.meaning());
    JsonNode newMeaning = MeaningDefaults.filled(now.meaning());
    for (String section : union(oldMeaning, newMeaning)) {
      if (!walk(oldMeaning.path(section), newMeaning.path(section), slots)) {
        changedSections.add(section);
      }
    }
    if (!changedSections.isEmpty()) {
      List<String> words = changedSections.stream().map(s -> SECTIONS.getOrDefault(s, "`" + s + "`")).toList();
      return new Edit(Edit.Kind.MEANING, join(words) + " changed", List.of());
    }
    List<String> searchChanges = searchChanges(before.search(), now.search(), slots);
    if (!searchChanges.isEmpty()) {
      return new Edit(Edit.Kind.SEARCH, "the search changed: " + join(searchChanges), slots);
    }
    if (!before.budget().equals(now.budget())) {
      return new Edit(Edit.Kind.BUDGET, "only the budget changed: " + join(changedKeys(before.budget(), now.budget())),
          List.of());
    }
    return new Edit(Edit.Kind.SAME, "", List.of());
  }

  /**
   * Walks both trees in step, collecting slots; false when they differ anywhere else. A slot needs
   * a parameter on one side: `{"param": name}`.
   */
  private static boolean walk(JsonNode before, JsonNode now, List<Edit.Slot> slots) {
    if (before.equals(now)) {
      return true;
    }
    if (isParam(before) || isParam(now)) {
      if (isScalar(before) && isScalar(now)) {
        slots.add(new Edit.Slot(before, now));
        return true;
      }
      return false;
    }
    if (before.isObject() && now.isObject()) {
      if (!fields(before).equals(fields(now))) {
        return false;
      }
      boolean same = true;
      for (String field : fields(before)) {
        same &= walk(before.get(field), now.get(field), slots);
      }
      return same;
    }
    if (before.isArray() && now.isArray() && before.size() == now.size()) {
      boolean same = true;
      for (int i = 0; i < before.size(); i++) {
        same &= walk(before.get(i), now.get(i), slots);
      }
      return same;
    }
    return false;
  }

  /** The parameters, strategy and pruner that changed, in words; parameters met in slots count too. */
  private static List<String> searchChanges(JsonNode before, JsonNode now, List<Edit.Slot> slots) {
    Set<String> params = new TreeSet<>();
    JsonNode oldParams = before.path("params");
    JsonNode newParams = now.path("params");
    for (String name : union(oldParams, newParams)) {
      if (!oldParams.path(name).equals(newParams.path(name))) {
        params.add(name);
      }
    }
    for (Edit.Slot slot : slots) {
      params.addAll(paramNames(slot.before()));
      params.addAll(paramNames(slot.now()));
    }
    List<String> changes = new ArrayList<>(params.stream().map(p -> "`" + p + "`").toList());
    if (!before.path("strategy").equals(now.path("strategy")) || !before.path("options").equals(now.path("options"))) {
      changes.add("the strategy");
    }
    if (!before.path("pruner").equals(now.path("pruner"))) {
      changes.add("the pruner");
    }
    return changes;
  }

  static boolean isParam(JsonNode node) {
    return node.isObject() && node.size() == 1 && node.has("param");
  }

  /** A parameter or a plain value: what a slot may hold on either side. */
  private static boolean isScalar(JsonNode node) {
    if (isParam(node)) {
      return true;
    }
    if (!node.isObject() || node.size() != 1) {
      return false;
    }
    String kind = node.fieldNames().next();
    return Set.of("int", "number", "string", "bool", "symbol").contains(kind);
  }

  private static Set<String> paramNames(JsonNode node) {
    return isParam(node) ? Set.of(node.get("param").asText()) : Set.of();
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> union(JsonNode a, JsonNode b) {
    Set<String> names = new TreeSet<>(fields(a));
    names.addAll(fields(b));
    return names;
  }

  private static List<String> changedKeys(JsonNode a, JsonNode b) {
    return union(a, b).stream().filter(k -> !a.path(k).equals(b.path(k))).map(k -> "`" + k + "`").toList();
  }

  private static String join(List<String> words) {
    if (words.size() <= 1) {
      return String.join("", words);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
  }
}
