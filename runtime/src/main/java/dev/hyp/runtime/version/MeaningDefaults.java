package dev.hyp.runtime.version;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.vocab.Option;
import dev.hyp.runtime.vocab.Updater;
import dev.hyp.runtime.vocab.WeightInit;

/**
 * The model settings a spec may leave out, filled in with what the network then gets, before two
 * meanings are compared: `weight_init = xavier` written out and left out build the same network,
 * so the edit between them changes nothing. The meaning itself keeps them out (null), as it always
 * has, so no stored study's fingerprint moves; the checker already fills in the other defaults
 * (`epochs`, `batch`, `normalize`, an updater's arguments).
 */
public final class MeaningDefaults {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private MeaningDefaults() {}

  /** A copy of {@code meaning} (a document's `meaning`) with the left-out model settings filled in. */
  public static JsonNode filled(JsonNode meaning) {
    if (!meaning.path("model").isObject()) {
      return meaning;
    }
    JsonNode copy = meaning.deepCopy();
    ObjectNode model = (ObjectNode) copy.get("model");
    if (model.path("weight_init").isNull()) {
      model.set("weight_init", JSON.objectNode().put("symbol", WeightInit.DEFAULT.hypName()));
    }
    if (model.path("updater").isNull()) {
      model.set("updater", defaultUpdater());
    }
    return copy;
  }

  /** `updater = adam` as the checker writes it: the call with every argument that has a default. */
  static ObjectNode defaultUpdater() {
    ObjectNode arguments = JSON.objectNode();
    for (Option argument : Updater.DEFAULT.arguments()) {
      if (argument.defaultValue() != null) {
        arguments.set(argument.name(), argument.kind() == Option.Kind.INT
            ? JSON.objectNode().put("int", argument.defaultValue().longValue())
            : JSON.objectNode().put("number", argument.defaultValue().doubleValue()));
      }
    }
    ObjectNode call = JSON.objectNode();
    call.set("arguments", arguments);
    call.set("call", JSON.objectNode().put("symbol", Updater.DEFAULT.hypName()));
    return call;
  }
}
