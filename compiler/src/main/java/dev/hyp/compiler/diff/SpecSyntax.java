package dev.hyp.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parts of a spec's meaning (the canonical JSON of the checked model) written back in the spec's
 * own syntax: distributions as `loguniform(1e-4, 1e-1)`, values as `adam(lr = lr)`, conditions as
 * `opt == nesterovs`, for `hyp diff` to say what changed.
 */
final class SpecSyntax {
  private static final String LOOP_VARIABLES = "ijklmnpq";

  private SpecSyntax() {}

  /** A parameter's distribution as declared: `uniform(0.0, 0.5, step = 0.05)`, `choice(relu, tanh)`, `3`. */
  static String distribution(JsonNode distribution) {
    if (distribution.has("float")) {
      JsonNode f = distribution.get("float");
      boolean log = f.path("log").asBoolean();
      return (log ? "loguniform(" : "uniform(") + number(f.get("lo"), log) + ", " + number(f.get("hi"), log)
          + step(f) + ")";
    }
    if (distribution.has("int")) {
      JsonNode i = distribution.get("int");
      return (i.path("log").asBoolean() ? "logint(" : "int(") + i.get("lo").asText() + ", " + i.get("hi").asText()
          + step(i) + ")";
    }
    if (distribution.has("choice")) {
      JsonNode c = distribution.get("choice");
      List<String> values = new ArrayList<>();
      c.get("values").forEach(v -> values.add(plain(v, c.path("symbols").asBoolean())));
      return "choice(" + String.join(", ", values) + ")";
    }
    JsonNode constant = distribution.get("constant");
    return plain(constant.get("value"), constant.path("symbol").asBoolean());
  }

  private static String step(JsonNode range) {
    JsonNode step = range.get("step");
    return step == null || step.isNull() ? "" : ", step = " + number(step, false);
  }

  /** A choice's value or a constant: a name bare, a string quoted, a number as written. */
  static String plain(JsonNode value, boolean symbol) {
    if (value == null || value.isNull()) {
      return "none";
    }
    if (value.isTextual()) {
      return symbol ? value.asText() : "\"" + value.asText() + "\"";
    }
    return number(value, false);
  }

  /** A number as a spec writes it: whole numbers bare, `0.5`, and powers of ten such as `1e-4` on log scales. */
  static String number(JsonNode node, boolean log) {
    if (!node.isNumber()) {
      return node.asText();
    }
    if (node.isIntegralNumber()) {
      return node.asText();
    }
    return decimal(node.asDouble(), log);
  }

  static String decimal(double value, boolean log) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return String.valueOf(value);
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int digits = decimal.precision();
    int exponent = digits - decimal.scale() - 1;
    boolean oneDigit = decimal.unscaledValue().abs().toString().length() == 1;
    boolean one = decimal.unscaledValue().abs().intValue() == 1;
    if ((oneDigit && exponent <= -3) || (log && one && exponent < 0) || exponent < -4 || exponent > 6) {
      String unscaled = decimal.unscaledValue().abs().toString();
      String mantissa = unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
      return (decimal.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
    String plain = decimal.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** A value of the model, training or data: `adam(lr = lr)`, `units[i] * 2`, `relu`, `"x"`. */
  static String value(JsonNode node) {
    return value(node, 0);
  }

  private static String value(JsonNode node, int depth) {
    if (node == null || node.isNull()) {
      return "unset";
    }
    if (!node.isObject()) {
      return plain(node, true);
    }
    if (node.has("int") && node.size() == 1) {
      return node.get("int").asText();
    } else if (node.has("number") && node.size() == 1) {
      return decimal(node.get("number").asDouble(), false);
    } else if (node.has("string")) {
      return "\"" + node.get("string").asText() + "\"";
    } else if (node.has("bool")) {
      return node.get("bool").asText();
    } else if (node.has("symbol")) {
      return node.get("symbol").asText();
    } else if (node.has("param")) {
      return node.get("param").asText();
    } else if (node.has("duration")) {
      return duration(node.get("duration").asLong());
    } else if (node.has("layer_param")) {
      return node.get("layer_param").asText() + "[" + value(node.get("index"), depth) + "]";
    } else if (node.has("loop")) {
      int loop = node.get("loop").asInt();
      return loop < LOOP_VARIABLES.length() ? String.valueOf(LOOP_VARIABLES.charAt(loop)) : "loop" + loop;
    } else if (node.has("if_present")) {
      return value(node.get("if_present"), depth);
    } else if (node.has("arithmetic")) {
      String text = value(node.get("left"), depth + 1) + " " + node.get("arithmetic").asText() + " "
          + value(node.get("right"), depth + 1);
      return depth > 0 ? "(" + text + ")" : text;
    } else if (node.has("negate")) {
      return "-" + value(node.get("negate"), depth + 1);
    } else if (node.has("call")) {
      return value(node.get("call"), depth) + "(" + arguments(node.get("arguments")) + ")";
    }
    return node.toString();
  }

  /** Named arguments, `name = value`, in the meaning's (sorted) order. */
  static String arguments(JsonNode arguments) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> argument = it.next();
      if (!argument.getValue().isNull() && !(argument.getValue().has("if_present")
          && argument.getValue().get("if_present").isNull())) {
        parts.add(argument.getKey() + " = " + value(argument.getValue()));
      }
    }
    return String.join(", ", parts);
  }

  /** A condition of a parameter: `opt == nesterovs`, `depth > 1 and not (act == relu)`. */
  static String condition(JsonNode condition) {
    if (condition.has("compare")) {
      JsonNode c = condition.get("compare");
      return c.get("param").asText() + " " + c.get("op").asText() + " " + plain(c.get("value"), true);
    } else if (condition.has("and")) {
      return operand(condition.get("and").get(0)) + " and " + operand(condition.get("and").get(1));
    } else if (condition.has("or")) {
      return operand(condition.get("or").get(0)) + " or " + operand(condition.get("or").get(1));
    }
    return "not " + operand(condition.get("not"));
  }

  private static String operand(JsonNode condition) {
    return condition.has("compare") ? condition(condition) : "(" + condition(condition) + ")";
  }

  /** Seconds as the spec writes a duration: `90s`, `10m`, `2h`. */
  static String duration(long seconds) {
    if (seconds % 3600 == 0 && seconds > 0) {
      return seconds / 3600 + "h";
    }
    if (seconds % 60 == 0 && seconds > 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
