package dev.hyp.compiler.meaning;

import dev.hyp.compiler.model.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checked {@link Value} as a {@link Json} tree, without its span. A loop variable becomes the
 * nesting depth of the loop that binds it (0 for the outermost), so renaming `i` to `j` keeps
 * the meaning.
 */
final class ValueJson {
  private ValueJson() {}

  /** A value outside any loop, or null for a setting left unset. */
  static Object of(Value value) {
    return of(value, List.of());
  }

  /** @param loops the variables of the enclosing loops, outermost first */
  static Object of(Value value, List<String> loops) {
    if (value == null) {
      return null;
    } else if (value instanceof Value.IntLiteral i) {
      return Json.object("int", i.value());
    } else if (value instanceof Value.NumberLiteral n) {
      return Json.object("number", n.value());
    } else if (value instanceof Value.StringLiteral s) {
      return Json.object("string", s.value());
    } else if (value instanceof Value.BooleanLiteral b) {
      return Json.object("bool", b.value());
    } else if (value instanceof Value.DurationLiteral d) {
      return Json.object("duration", d.seconds());
    } else if (value instanceof Value.Symbol s) {
      return Json.object("symbol", s.name());
    } else if (value instanceof Value.ParamRef p) {
      return Json.object("param", p.name());
    } else if (value instanceof Value.LayerParamRef l) {
      return Json.object("layer_param", l.name(), "index", of(l.index(), loops));
    } else if (value instanceof Value.IfPresent i) {
      return Json.object("if_present", of(i.value(), loops), "otherwise", of(i.otherwise(), loops));
    } else if (value instanceof Value.LoopVariable v) {
      return Json.object("loop", depth(v.name(), loops));
    } else if (value instanceof Value.Arithmetic a) {
      return Json.object("arithmetic", String.valueOf(a.operator()), "left", of(a.left(), loops),
          "right", of(a.right(), loops));
    } else if (value instanceof Value.Negation n) {
      return Json.object("negate", of(n.operand(), loops));
    }
    Value.Invocation call = (Value.Invocation) value;
    return Json.object("call", of(call.callee(), loops), "arguments", arguments(call.arguments(), loops));
  }

  /** Arguments by name, sorted: the order they were written in means nothing. */
  static Map<String, Object> arguments(Map<String, Value> arguments, List<String> loops) {
    Map<String, Object> object = new TreeMap<>();
    arguments.forEach((name, value) -> object.put(name, of(value, loops)));
    return object;
  }

  /** The innermost loop of that name binds it, as in the language. */
  private static long depth(String variable, List<String> loops) {
    int depth = loops.lastIndexOf(variable);
    if (depth < 0) {
      throw new IllegalArgumentException("loop variable `" + variable + "` outside its loop");
    }
    return depth;
  }
}
