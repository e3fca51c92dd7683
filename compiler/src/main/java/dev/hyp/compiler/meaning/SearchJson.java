package dev.hyp.compiler.meaning;

import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.ParamCondition;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.model.SearchSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The search as a {@link Json} tree: strategy, pruner and the parameters by name; no budget. */
final class SearchJson {
  private SearchJson() {}

  static Map<String, Object> of(SearchSpec search, List<ParamSpec> params) {
    return Json.object(
        "strategy", search.strategy(),
        "options", Json.plainObject(search.options()),
        "pruner", Json.object("name", search.pruner().name(), "options", Json.plainObject(search.pruner().options())),
        "params", params(params));
  }

  private static Map<String, Object> params(List<ParamSpec> params) {
    Map<String, Object> byName = new TreeMap<>();
    for (ParamSpec param : params) {
      byName.put(param.name(), Json.object(
          "distribution", distribution(param.distribution()),
          "condition", param.condition() == null ? null : condition(param.condition()),
          "per_layer", param.isPerLayer() ? Json.object("bound", param.layerBound(), "max", (long) param.maxLayers())
              : null));
    }
    return byName;
  }

  static Map<String, Object> distribution(Distribution distribution) {
    if (distribution instanceof Distribution.FloatRange f) {
      return Json.object("float", Json.object("lo", f.lo(), "hi", f.hi(), "log", f.log(), "step", f.step()));
    } else if (distribution instanceof Distribution.IntRange i) {
      return Json.object("int", Json.object("lo", i.lo(), "hi", i.hi(), "log", i.log(), "step", i.step()));
    } else if (distribution instanceof Distribution.Choice c) {
      // in the order written: a grid walks them in that order
      List<Object> values = c.values().stream().map(Json::plain).toList();
      return Json.object("choice", Json.object("values", values, "symbols", c.symbols()));
    }
    Distribution.Constant constant = (Distribution.Constant) distribution;
    return Json.object("constant", Json.object("value", Json.plain(constant.value()), "symbol", constant.symbol()));
  }

  static Map<String, Object> condition(ParamCondition condition) {
    if (condition instanceof ParamCondition.Compare c) {
      return Json.object("compare", Json.object("param", c.parameter(), "op", c.operator(),
          "value", Json.plain(c.value())));
    } else if (condition instanceof ParamCondition.And a) {
      return Json.object("and", List.of(condition(a.left()), condition(a.right())));
    } else if (condition instanceof ParamCondition.Or o) {
      return Json.object("or", List.of(condition(o.left()), condition(o.right())));
    }
    return Json.object("not", condition(((ParamCondition.Not) condition).operand()));
  }
}
