package dev.hyp.compiler.meaning;

import dev.hyp.compiler.model.LayerItem;
import dev.hyp.compiler.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The network as a {@link Json} tree; layers keep their order, which is the network's structure. */
final class ModelJson {
  private ModelJson() {}

  static Map<String, Object> of(ModelSpec model) {
    return Json.object(
        "updater", ValueJson.of(model.updater()),
        "weight_init", ValueJson.of(model.weightInit()),
        "l1", ValueJson.of(model.l1()),
        "l2", ValueJson.of(model.l2()),
        "gradient_clip", ValueJson.of(model.gradientClip()),
        "layers", items(model.layers(), List.of()));
  }

  private static List<Object> items(List<LayerItem> items, List<String> loops) {
    List<Object> out = new ArrayList<>();
    for (LayerItem item : items) {
      if (item instanceof LayerItem.Layer layer) {
        out.add(Json.object("layer", layer.kind(), "arguments", ValueJson.arguments(layer.arguments(), loops)));
      } else {
        LayerItem.Repeat repeat = (LayerItem.Repeat) item;
        List<String> inner = new ArrayList<>(loops);
        inner.add(repeat.variable());
        out.add(Json.object("repeat", Json.object(
            "from", ValueJson.of(repeat.from(), loops),
            "to", ValueJson.of(repeat.to(), loops),
            "body", items(repeat.body(), inner))));
      }
    }
    return out;
  }
}
