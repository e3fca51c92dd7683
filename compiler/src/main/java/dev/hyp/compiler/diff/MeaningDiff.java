package dev.hyp.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hyp.runtime.version.MeaningDefaults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions of a spec as the checked model sees it, from their meanings
 * (the canonical JSON every build carries): a list of {@link Change}s by section, in the spec's own
 * syntax. Layout, comments, `description` and the order of items are not in a meaning, so an edit
 * of only those gives no change. Whether the study continues is the runtime's
 * {@code EditComparison}'s to say; this says what the edit was.
 */
public final class MeaningDiff {
  private MeaningDiff() {}

  /** The changes from {@code before} to {@code now}, two meaning documents, in the order of the sections. */
  public static List<Change> between(JsonNode before, JsonNode now) {
    JsonNode oldMeaning = MeaningDefaults.filled(before.path("meaning"));
    JsonNode newMeaning = MeaningDefaults.filled(now.path("meaning"));
    JsonNode oldParams = before.path("search").path("params");
    JsonNode newParams = now.path("search").path("params");
    Slots slots = Slots.of(oldMeaning, newMeaning).keepOnly(onlyIn(newParams, oldParams), onlyIn(oldParams, newParams));
    List<Change> changes = new ArrayList<>();
    scalar("experiment", "seed", oldMeaning.path("seed"), newMeaning.path("seed"), changes);
    scalar("experiment", "task", oldMeaning.path("task"), newMeaning.path("task"), changes);
    data(oldMeaning.path("data"), newMeaning.path("data"), changes);
    ParamChanges.describe(oldParams, newParams, slots, changes);
    model(oldMeaning.path("model"), newMeaning.path("model"), slots, changes);
    settings("train", oldMeaning.path("train"), newMeaning.path("train"), slots, changes);
    search(before.path("search"), now.path("search"), changes);
    JsonNode oldObjective = oldMeaning.path("objective");
    JsonNode newObjective = newMeaning.path("objective");
    if (!oldObjective.equals(newObjective)) {
      changes.add(new Change("objective", null, objective(oldObjective) + " -> " + objective(newObjective)));
    }
    budget(before.path("budget"), now.path("budget"), changes);
    changes.sort(Comparator.comparingInt(change -> Change.SECTIONS.indexOf(change.section())));
    return changes;
  }

  private static void data(JsonNode before, JsonNode now, List<Change> out) {
    for (String field : union(before, now)) {
      JsonNode a = before.path(field);
      JsonNode b = now.path(field);
      if (!a.equals(b)) {
        out.add(new Change("data", "`" + field + "`", dataValue(field, a) + " -> " + dataValue(field, b)));
      }
    }
  }

  private static String dataValue(String field, JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return "none";
    }
    return switch (field) {
      case "source", "test" -> node.has("images") ? images(node.get("images")) : csv(node);
      case "split" -> node.has("holdout") ? holdout(node.get("holdout"))
          : "kfold(" + node.path("kfold").path("k").asText() + ")";
      case "shape" -> "image(" + node.path("height").asText() + ", " + node.path("width").asText() + ", "
          + node.path("channels").asText() + ")";
      default -> SpecSyntax.value(node);
    };
  }

  private static String holdout(JsonNode holdout) {
    double test = holdout.path("test").asDouble();
    return "holdout(validation = " + option(holdout.path("validation"))
        + (test == 0 ? "" : ", test = " + option(holdout.path("test"))) + ")";
  }

  private static String images(JsonNode folder) {
    StringBuilder text = new StringBuilder("images(\"" + folder.path("path").asText() + "\"");
    JsonNode size = folder.path("size");
    if (size.isObject()) {
      text.append(", size = image(").append(size.path("height").asText()).append(", ")
          .append(size.path("width").asText()).append(", ").append(size.path("channels").asText()).append(')');
    }
    if (folder.path("skip_unreadable").asBoolean(false)) {
      text.append(", skip_unreadable = true");
    }
    return text.append(')').toString();
  }

  private static String csv(JsonNode source) {
    StringBuilder text = new StringBuilder("csv(\"" + source.path("path").asText() + "\"");
    if (!source.path("label").isNull() && !source.path("label").isMissingNode()) {
      text.append(", label = \"").append(source.path("label").asText()).append('"');
    }
    if (!source.path("header").asBoolean(true)) {
      text.append(", header = false");
    }
    if (!",".equals(source.path("delimiter").asText(","))) {
      text.append(", delimiter = \"").append(source.path("delimiter").asText()).append('"');
    }
    return text.append(')').toString();
  }

  private static void model(JsonNode before, JsonNode now, Slots slots, List<Change> out) {
    for (String field : union(before, now)) {
      if (field.equals("layers")) {
        if (!before.path(field).equals(now.path(field))) {
          LayerChanges.describe(before.path(field), now.path(field), "", slots, out);
        }
      } else {
        setting("model", field, before.path(field), now.path(field), slots, out);
      }
    }
  }

  private static void settings(String section, JsonNode before, JsonNode now, Slots slots, List<Change> out) {
    for (String field : union(before, now)) {
      setting(section, field, before.path(field), now.path(field), slots, out);
    }
  }

  /** A setting such as `updater` or `epochs`: its value before and now, unless a new parameter explains it. */
  private static void setting(String section, String field, JsonNode a, JsonNode b, Slots slots, List<Change> out) {
    if (a.equals(b) || slots.explains(a, b)) {
      return;
    }
    if (a.isObject() && b.isObject() && a.has("call") && b.has("call") && a.get("call").equals(b.get("call"))) {
      // the same call with other arguments: say which (`updater` `lr`: 0.01 -> lr)
      for (String argument : union(a.get("arguments"), b.get("arguments"))) {
        JsonNode x = a.get("arguments").path(argument);
        JsonNode y = b.get("arguments").path(argument);
        if (!x.equals(y) && !slots.explains(x, y)) {
          out.add(new Change(section, "`" + field + "` `" + argument + "`", shown(x) + " -> " + shown(y)));
        }
      }
      return;
    }
    out.add(new Change(section, "`" + field + "`", setting(field, a) + " -> " + setting(field, b)));
  }

  private static String shown(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "unset" : SpecSyntax.value(node);
  }

  private static String setting(String field, JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return "none";
    }
    if (field.equals("early_stopping")) {
      double minDelta = node.path("min_delta").asDouble();
      return "patience(" + node.path("patience").asText()
          + (minDelta == 0 ? "" : ", min_delta = " + SpecSyntax.decimal(minDelta, false)) + ")";
    }
    if (field.equals("lr_schedule")) {
      return node.has("step") ? "step(" + options(node.get("step")) + ")" : "cosine";
    }
    return SpecSyntax.value(node);
  }

  private static void search(JsonNode before, JsonNode now, List<Change> out) {
    String oldStrategy = before.path("strategy").asText();
    String newStrategy = now.path("strategy").asText();
    if (!oldStrategy.equals(newStrategy)) {
      out.add(new Change("search", "strategy", oldStrategy + " -> " + newStrategy));
    } else {
      options("search", "", before.path("options"), now.path("options"), out);
    }
    JsonNode oldPruner = before.path("pruner");
    JsonNode newPruner = now.path("pruner");
    if (!oldPruner.path("name").equals(newPruner.path("name"))) {
      out.add(new Change("search", "pruner", pruner(oldPruner) + " -> " + pruner(newPruner)));
    } else {
      options("search", "pruner ", oldPruner.path("options"), newPruner.path("options"), out);
    }
  }

  private static String pruner(JsonNode pruner) {
    String options = options(pruner.path("options"));
    return pruner.path("name").asText() + (options.isEmpty() ? "" : "(" + options + ")");
  }

  private static void options(String section, String prefix, JsonNode before, JsonNode now, List<Change> out) {
    for (String name : union(before, now)) {
      JsonNode a = before.path(name);
      JsonNode b = now.path(name);
      if (!a.equals(b)) {
        out.add(new Change(section, prefix + "`" + name + "`", option(a) + " -> " + option(b)));
      }
    }
  }

  private static void budget(JsonNode before, JsonNode now, List<Change> out) {
    for (String name : union(before, now)) {
      JsonNode a = before.path(name);
      JsonNode b = now.path(name);
      if (!a.equals(b)) {
        boolean duration = name.equals("timeout_seconds");
        out.add(new Change("budget", "`" + (duration ? "timeout" : name) + "`", budgetValue(a, duration) + " -> "
            + budgetValue(b, duration)));
      }
    }
  }

  private static String budgetValue(JsonNode node, boolean duration) {
    if (node.isNull() || node.isMissingNode()) {
      return "unset";
    }
    return duration ? SpecSyntax.duration(node.asLong()) : option(node);
  }

  private static void scalar(String section, String name, JsonNode a, JsonNode b, List<Change> out) {
    if (!a.equals(b)) {
      out.add(new Change(section, "`" + name + "`", option(a) + " -> " + option(b)));
    }
  }

  private static String objective(JsonNode objective) {
    return objective.path("direction").asText() + " " + objective.path("metric").asText() + " on "
        + objective.path("split").asText();
  }

  /** `validation = 0.2, test = 0.1`: an object's fields as named arguments, unset ones left out. */
  private static String options(JsonNode object) {
    List<String> parts = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!object.get(name).isNull()) {
        parts.add(name + " = " + option(object.get(name)));
      }
    }
    return String.join(", ", parts);
  }

  private static String option(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return "unset";
    }
    return node.isTextual() ? node.asText() : SpecSyntax.number(node, false);
  }

  private static Set<String> onlyIn(JsonNode these, JsonNode notThese) {
    Set<String> names = new TreeSet<>();
    these.fieldNames().forEachRemaining(name -> {
      if (!notThese.has(name)) {
        names.add(name);
      }
    });
    return names;
  }

  private static Set<String> union(JsonNode a, JsonNode b) {
    Set<String> names = new TreeSet<>();
    a.fieldNames().forEachRemaining(names::add);
    b.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
