package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.AndCondition;
import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.BooleanLiteral;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.Comparison;
import dev.hyp.compiler.ast.Condition;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.NotCondition;
import dev.hyp.compiler.ast.NumberLiteral;
import dev.hyp.compiler.ast.OrCondition;
import dev.hyp.compiler.ast.ParenCondition;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.ParamCondition;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.print.ExpressionPrinter;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks the `params` section and builds the table of parameters the other sections use. */
final class ParamChecker {
  static final int MAX_LAYERS = 1000;
  private static final List<String> DISTRIBUTIONS = List.of("uniform", "loguniform", "int", "logint", "choice");

  private final Diagnostics diagnostics;
  private final ArgumentBinder binder;
  private final ParamTable table = new ParamTable();
  /** Where each name is first declared in `params`, to tell "declared later" from "unknown". */
  private final Map<String, Integer> declarationOrder = new java.util.HashMap<>();

  ParamChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.binder = new ArgumentBinder(diagnostics);
  }

  ParamTable check(Block params) {
    if (params == null) {
      return table;
    }
    List<Setting> declarations = new ArrayList<>();
    for (Member member : params.members()) {
      if (member instanceof Setting setting) {
        declarations.add(setting);
      } else {
        diagnostics.add(Diagnostic.error(Code.HYP021, member.span(), "only parameters can be declared in `params`")
            .label("not a parameter")
            .help("declare parameters as `name = uniform(lo, hi)`, `name = choice(a, b)` or `name = constant`")
            .build());
      }
    }
    for (int order = 0; order < declarations.size(); order++) {
      declarationOrder.putIfAbsent(declarations.get(order).name().name(), order);
    }
    for (int order = 0; order < declarations.size(); order++) {
      declare(declarations.get(order), order, declarations);
    }
    return table;
  }

  private void declare(Setting setting, int order, List<Setting> all) {
    boolean duplicate = table.contains(setting.name().name());
    if (!declared(setting, order, all) && !duplicate) {
      table.markBroken(setting.name().name());
    }
  }

  /** Adds the parameter to the table; false when it had a problem (reported). */
  private boolean declared(Setting setting, int order, List<Setting> all) {
    String name = setting.name().name();
    if (table.contains(name)) {
      diagnostics.add(Diagnostic.error(Code.HYP033, setting.name().span(), "parameter `" + name + "` is declared twice")
          .label("declared again here")
          .secondary(table.get(name).nameSpan, "first declared here")
          .help("remove one of them, or rename it")
          .build());
      return true;
    }
    Domain domain = domain(setting.value());
    if (domain == null) {
      return false;
    }
    ParamCondition condition = null;
    if (setting.when() != null) {
      condition = condition(setting.when(), setting, order, all);
      if (condition == null) {
        return false;
      }
    }
    String bound = null;
    int maxLayers = 0;
    if (setting.bound() != null) {
      LayerBound layerBound = layerBound(setting);
      if (layerBound == null) {
        return false;
      }
      bound = layerBound.name;
      maxLayers = layerBound.max;
    }
    String conditionText = setting.when() == null ? null : ExpressionPrinter.print(setting.when());
    ParamSpec spec = new ParamSpec(name, domain.distribution, condition, bound, maxLayers, conditionText);
    table.add(new ParamInfo(spec, setting.name().span(), setting.value().span(),
        setting.when() == null ? null : setting.when().span(), order, domain.kind, domain.values, domain.valueSpans,
        domain.min, domain.max));
    return true;
  }

  /** What a parameter's values are: a distribution call or a constant, with its kind and range. */
  private record Domain(Distribution distribution, ParamInfo.Kind kind, List<Object> values, List<Span> valueSpans,
      double min, double max) {}

  private Domain domain(Expression value) {
    if (value instanceof Call call && DISTRIBUTIONS.contains(call.callee().name())) {
      return call.callee().name().equals("choice") ? choice(call) : range(call);
    }
    if (value instanceof Call call) {
      diagnostics.add(Diagnostic.error(Code.HYP015, call.callee().span(), "unknown distribution `" + call.callee().name() + "`")
          .label("not a distribution")
          .help(helpOr(Suggestions.help(call.callee().name(), DISTRIBUTIONS),
              "the distributions are `uniform`, `loguniform`, `int`, `logint` and `choice`"))
          .build());
      return null;
    }
    Literal constant = literal(value, "a constant");
    if (constant == null) {
      return null;
    }
    double number = constant.value instanceof Number n ? n.doubleValue() : Double.NaN;
    return new Domain(new Distribution.Constant(constant.value, constant.symbol), constant.kind,
        List.of(constant.value), List.of(value.span()), number, number);
  }

  private Domain range(Call call) {
    String name = call.callee().name();
    boolean integer = name.endsWith("int");
    boolean log = name.startsWith("log");
    Type type = integer ? Type.INT : Type.NUMBER;
    Signature signature = log
        ? Signature.of(name, Signature.Parameter.required("lo", type), Signature.Parameter.required("hi", type))
        : Signature.of(name, Signature.Parameter.required("lo", type), Signature.Parameter.required("hi", type),
            Signature.Parameter.optional("step", type, null));
    java.util.Optional<Map<String, Argument>> bound = binder.bind(call, signature, "distribution");
    if (bound.isEmpty()) {
      return null;
    }
    Map<String, Argument> arguments = bound.get();
    Double lo = number(arguments.get("lo").value(), integer, name);
    Double hi = number(arguments.get("hi").value(), integer, name);
    Argument stepArgument = arguments.get("step");
    Double step = stepArgument == null ? null : number(stepArgument.value(), integer, name);
    if (lo == null || hi == null || (stepArgument != null && step == null)) {
      return null;
    }
    Span bounds = arguments.get("lo").span().to(arguments.get("hi").span());
    if (lo >= hi) {
      diagnostics.add(Diagnostic.error(Code.HYP030, bounds, "empty range: `" + Builtins.format(lo)
              + "` is not less than `" + Builtins.format(hi) + "`")
          .label("the low end must be below the high end")
          .help(lo.equals(hi) ? "for a fixed value write the constant `" + Builtins.format(lo) + "`"
              : "swap them: `" + name + "(" + Builtins.format(hi) + ", " + Builtins.format(lo) + ")`")
          .build());
      return null;
    }
    if (log && lo <= 0) {
      diagnostics.add(Diagnostic.error(Code.HYP031, arguments.get("lo").value().span(),
              "`" + name + "` needs a positive low end, found `" + Builtins.format(lo) + "`")
          .label("a log scale cannot start at " + (lo == 0 ? "zero" : "a negative number"))
          .help(integer ? "start the range at 1 or more" : "start the range at a small positive number such as `1e-6`, "
              + "or use `uniform`")
          .build());
      return null;
    }
    if (step != null && !stepFits(lo, hi, step, stepArgument)) {
      return null;
    }
    Distribution distribution = integer
        ? new Distribution.IntRange(lo.longValue(), hi.longValue(), log, step == null ? null : step.longValue())
        : new Distribution.FloatRange(lo, hi, log, step);
    return new Domain(distribution, integer ? ParamInfo.Kind.INT : ParamInfo.Kind.NUMBER, null, null, lo, hi);
  }

  private boolean stepFits(double lo, double hi, double step, Argument stepArgument) {
    Span at = stepArgument.value().span();
    if (step <= 0) {
      diagnostics.add(Diagnostic.error(Code.HYP032, at, "step must be positive, found `" + Builtins.format(step) + "`")
          .label("not positive")
          .build());
      return false;
    }
    double count = (hi - lo) / step;
    long whole = Math.round(count);
    if (step > hi - lo || Math.abs(count - whole) > 1e-9 * Math.max(1, count)) {
      double fittingHigh = lo + Math.floor(count + 1e-9) * step;
      diagnostics.add(Diagnostic.error(Code.HYP032, at, "step `" + Builtins.format(step) + "` does not fit the range ["
              + Builtins.format(lo) + ", " + Builtins.format(hi) + "]")
          .label("does not divide " + Builtins.format(hi - lo))
          .help(step > hi - lo ? "use a step smaller than " + Builtins.format(hi - lo)
              : "end the range at " + Builtins.format(round(fittingHigh)) + ", or use a step that divides "
                  + Builtins.format(round(hi - lo)))
          .build());
      return false;
    }
    return true;
  }

  private Domain choice(Call call) {
    if (call.arguments().isEmpty()) {
      diagnostics.add(Diagnostic.error(Code.HYP017, call.span(), "`choice` needs at least one value")
          .label("no values")
          .help("list the values: `choice(16, 32, 64)`")
          .build());
      return null;
    }
    List<Object> values = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    ParamInfo.Kind kind = null;
    boolean symbols = false;
    Span firstKindSpan = null;
    for (Argument argument : call.arguments()) {
      if (argument.isNamed()) {
        diagnostics.add(Diagnostic.error(Code.HYP016, argument.name().span(), "`choice` takes values, not named arguments")
            .label("remove `" + argument.name().name() + " =`")
            .build());
        return null;
      }
      Literal literal = literal(argument.value(), "a choice");
      if (literal == null) {
        return null;
      }
      if (kind == null) {
        kind = literal.kind;
        symbols = literal.symbol;
        firstKindSpan = argument.span();
      } else if (kind != literal.kind && !(isNumeric(kind) && isNumeric(literal.kind))) {
        diagnostics.add(Diagnostic.error(Code.HYP018, argument.span(), "choices mix " + plural(kind) + " and "
                + plural(literal.kind))
            .label(literal.kind.description() + " among " + plural(kind))
            .secondary(firstKindSpan, "the first choice is " + kind.description())
            .build());
        return null;
      } else if (literal.kind == ParamInfo.Kind.NUMBER) {
        kind = ParamInfo.Kind.NUMBER;
      }
      int earlier = indexOfEqual(values, literal.value);
      if (earlier >= 0) {
        diagnostics.add(Diagnostic.error(Code.HYP034, argument.span(), "choice `" + ExpressionPrinter.print(argument.value())
                + "` is listed twice")
            .label("listed again here")
            .secondary(spans.get(earlier), "first listed here")
            .help("remove the repeated value")
            .build());
        return null;
      }
      values.add(literal.value);
      spans.add(argument.value().span());
    }
    double min = Double.NaN;
    double max = Double.NaN;
    if (isNumeric(kind)) {
      min = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElseThrow();
      max = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElseThrow();
    }
    return new Domain(new Distribution.Choice(values, symbols), kind, values, spans, min, max);
  }

  /** A literal value of a choice or constant. */
  private record Literal(Object value, ParamInfo.Kind kind, boolean symbol) {}

  private Literal literal(Expression expression, String what) {
    Double number = Literals.number(expression);
    if (number != null) {
      if (Literals.isInteger(expression)) {
        return new Literal(number.longValue(), ParamInfo.Kind.INT, false);
      }
      return new Literal(number, ParamInfo.Kind.NUMBER, false);
    }
    if (expression instanceof StringLiteral s) {
      return new Literal(s.value(), ParamInfo.Kind.STRING, false);
    }
    if (expression instanceof BooleanLiteral b) {
      return new Literal(b.value(), ParamInfo.Kind.BOOLEAN, false);
    }
    if (expression instanceof Name n) {
      if (table.contains(n.name())) {
        diagnostics.add(Diagnostic.error(Code.HYP021, n.span(), what + " cannot refer to another parameter")
            .label("`" + n.name() + "` is a parameter")
            .help("use `" + n.name() + "` directly where the value is needed")
            .build());
        return null;
      }
      return new Literal(n.name(), ParamInfo.Kind.SYMBOLS, true);
    }
    diagnostics.add(Diagnostic.error(Code.HYP018, expression.span(), what + " must be a number, a string, `true`, "
            + "`false` or a name")
        .label("not a plain value")
        .help("parameters are distributions such as `uniform(0, 1)`, `choice(a, b)`, or constants")
        .build());
    return null;
  }

  private Double number(Expression expression, boolean integer, String distribution) {
    Double value = Literals.number(expression);
    if (value == null) {
      diagnostics.add(Diagnostic.error(Code.HYP018, expression.span(), "the range of `" + distribution
              + "` must be given in numbers")
          .label("not a number")
          .build());
      return null;
    }
    if (integer && !Literals.isInteger(expression)) {
      diagnostics.add(Diagnostic.error(Code.HYP018, expression.span(), "`" + distribution + "` takes whole numbers, found `"
              + ExpressionPrinter.print(expression) + "`")
          .label("not a whole number")
          .help(distribution.equals("int") ? "for a float range use `uniform`" : "for a float range use `loguniform`")
          .build());
      return null;
    }
    return value;
  }

  private ParamCondition condition(Condition condition, Setting owner, int order, List<Setting> all) {
    if (condition instanceof ParenCondition p) {
      return condition(p.inner(), owner, order, all);
    }
    if (condition instanceof NotCondition n) {
      ParamCondition inner = condition(n.operand(), owner, order, all);
      return inner == null ? null : new ParamCondition.Not(inner);
    }
    if (condition instanceof AndCondition a) {
      ParamCondition left = condition(a.left(), owner, order, all);
      ParamCondition right = condition(a.right(), owner, order, all);
      return left == null || right == null ? null : new ParamCondition.And(left, right);
    }
    if (condition instanceof OrCondition o) {
      ParamCondition left = condition(o.left(), owner, order, all);
      ParamCondition right = condition(o.right(), owner, order, all);
      return left == null || right == null ? null : new ParamCondition.Or(left, right);
    }
    return comparison((Comparison) condition, owner, order, all);
  }

  private ParamCondition comparison(Comparison comparison, Setting owner, int order, List<Setting> all) {
    Expression left = comparison.left();
    Expression right = comparison.right();
    String operator = comparison.operator().symbol();
    if (!(left instanceof Name) || !isParameterName(((Name) left).name())) {
      if (right instanceof Name r && isParameterName(r.name())) {
        Expression swap = left;
        left = right;
        right = swap;
        operator = mirrored(operator);
      }
    }
    if (!(left instanceof Name subject)) {
      diagnostics.add(Diagnostic.error(Code.HYP035, comparison.span(), "a condition must compare a parameter")
          .label("no parameter here")
          .help("write it as `parameter == value`, for example `opt == nesterovs`")
          .build());
      return null;
    }
    ParamInfo parameter = conditionSubject(subject, owner, order, all);
    if (parameter == null) {
      return null;
    }
    parameter.markUsed();
    Literal value = right instanceof Name n && table.contains(n.name()) ? null : literalQuietly(right);
    if (value == null) {
      diagnostics.add(Diagnostic.error(Code.HYP018, right.span(), "a condition compares a parameter with a value")
          .label("not a plain value")
          .build());
      return null;
    }
    boolean ordered = !operator.equals("==") && !operator.equals("!=");
    if (ordered && !parameter.isNumeric()) {
      diagnostics.add(Diagnostic.error(Code.HYP018, comparison.span(), "`" + subject.name() + "` is "
              + parameter.kind.description() + " and can only be compared with `==` or `!=`")
          .label("`" + operator + "` needs numbers")
          .build());
      return null;
    }
    boolean compatible = parameter.isNumeric() ? isNumeric(value.kind) : parameter.kind == value.kind;
    if (!compatible) {
      diagnostics.add(Diagnostic.error(Code.HYP040, right.span(), "`" + subject.name() + "` is " + parameter.kind.description()
              + ", never " + value.kind.description())
          .label("this can never equal `" + subject.name() + "`")
          .build());
      return null;
    }
    if (parameter.values != null && !ordered && indexOfEqual(parameter.values, value.value) < 0) {
      diagnostics.add(Diagnostic.error(Code.HYP040, right.span(), "`" + subject.name() + "` is never `"
              + ExpressionPrinter.print(right) + "`")
          .label("not one of its values")
          .secondary(parameter.valueSpan, "`" + subject.name() + "` is declared here")
          .help(helpOr(Suggestions.help(String.valueOf(value.value),
                  parameter.values.stream().map(String::valueOf).toList()),
              "its values are " + describe(parameter.values)))
          .build());
      return null;
    }
    return new ParamCondition.Compare(subject.name(), operator, value.value);
  }

  private ParamInfo conditionSubject(Name subject, Setting owner, int order, List<Setting> all) {
    String name = subject.name();
    if (name.equals(owner.name().name())) {
      diagnostics.add(Diagnostic.error(Code.HYP036, subject.span(), "the condition of `" + name + "` depends on `" + name + "` itself")
          .label("a parameter cannot decide whether it exists")
          .build());
      return null;
    }
    ParamInfo parameter = table.get(name);
    if (parameter != null && parameter.isPerLayer()) {
      diagnostics.add(Diagnostic.error(Code.HYP021, subject.span(), "a condition cannot use the per-layer parameter `" + name + "`")
          .label("per-layer")
          .build());
      return null;
    }
    if (parameter != null) {
      return parameter;
    }
    int later = declaredAt(name);
    if (later > order) {
      diagnostics.add(Diagnostic.error(Code.HYP036, subject.span(), "condition on `" + name + "`, which is declared later")
          .label("declared below")
          .secondary(all.get(later).name().span(), "`" + name + "` is declared here")
          .help("declare `" + name + "` before `" + owner.name().name() + "`")
          .build());
      return null;
    }
    if (later >= 0) {
      return null; // declared earlier but invalid: already reported
    }
    diagnostics.add(Diagnostic.error(Code.HYP035, subject.span(), "condition on an unknown parameter `" + name + "`")
        .label("not a parameter")
        .help(helpOr(Suggestions.help(name, table.names()), "conditions compare parameters declared above"))
        .build());
    return null;
  }

  private Literal literalQuietly(Expression expression) {
    Double number = Literals.number(expression);
    if (number != null) {
      return Literals.isInteger(expression)
          ? new Literal(number.longValue(), ParamInfo.Kind.INT, false)
          : new Literal(number, ParamInfo.Kind.NUMBER, false);
    }
    if (expression instanceof StringLiteral s) {
      return new Literal(s.value(), ParamInfo.Kind.STRING, false);
    }
    if (expression instanceof BooleanLiteral b) {
      return new Literal(b.value(), ParamInfo.Kind.BOOLEAN, false);
    }
    if (expression instanceof Name n) {
      return new Literal(n.name(), ParamInfo.Kind.SYMBOLS, true);
    }
    return null;
  }

  /** `units[depth]`: depth is an earlier int parameter that always exists, or a positive whole number. */
  private record LayerBound(String name, int max) {}

  private LayerBound layerBound(Setting setting) {
    Expression bound = setting.bound();
    Double literal = Literals.number(bound);
    if (literal != null && Literals.isInteger(bound) && literal >= 1) {
      return checkedBound(null, literal, bound.span());
    }
    if (bound instanceof Name n && table.isBroken(n.name())) {
      return null;
    }
    if (bound instanceof Name n && table.contains(n.name())) {
      ParamInfo parameter = table.get(n.name());
      if (parameter.kind == ParamInfo.Kind.INT && !parameter.isConditional() && !parameter.isPerLayer()
          && parameter.min >= 0) {
        parameter.markUsed();
        return checkedBound(n.name(), parameter.max, bound.span());
      }
    }
    diagnostics.add(Diagnostic.error(Code.HYP039, bound.span(), "the number of layers of `" + setting.name().name()
            + "` must be an integer parameter or a whole number")
        .label(bound instanceof Name n && !table.contains(n.name()) ? "unknown parameter" : "not a layer count")
        .help("declare the count first, for example `depth = int(1, 3)`, then write `" + setting.name().name()
            + "[depth] = ...`")
        .build());
    return null;
  }

  private LayerBound checkedBound(String name, double max, Span at) {
    if (max > MAX_LAYERS) {
      diagnostics.add(Diagnostic.error(Code.HYP039, at, "up to " + Builtins.format(max) + " layers is too many")
          .label("at most " + MAX_LAYERS)
          .build());
      return null;
    }
    return new LayerBound(name, (int) max);
  }

  private boolean isParameterName(String name) {
    return declaredAt(name) >= 0;
  }

  private int declaredAt(String name) {
    return declarationOrder.getOrDefault(name, -1);
  }

  static int indexOfEqual(List<Object> values, Object value) {
    for (int i = 0; i < values.size(); i++) {
      Object candidate = values.get(i);
      if (candidate instanceof Number a && value instanceof Number b
          ? a.doubleValue() == b.doubleValue()
          : candidate.equals(value)) {
        return i;
      }
    }
    return -1;
  }

  static String describe(List<Object> values) {
    List<String> shown = values.stream().map(v -> "`" + (v instanceof String s ? s : Literals.format(v)) + "`").toList();
    if (shown.size() == 1) {
      return shown.get(0);
    }
    return String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
  }

  private static String mirrored(String operator) {
    return switch (operator) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> operator;
    };
  }

  private static boolean isNumeric(ParamInfo.Kind kind) {
    return kind == ParamInfo.Kind.INT || kind == ParamInfo.Kind.NUMBER;
  }

  private static String plural(ParamInfo.Kind kind) {
    return switch (kind) {
      case INT, NUMBER -> "numbers";
      case STRING -> "strings";
      case BOOLEAN -> "booleans";
      case SYMBOLS -> "names";
    };
  }

  private static double round(double value) {
    return Math.round(value * 1e9) / 1e9;
  }

  private static String helpOr(String help, String fallback) {
    return help != null ? help : fallback;
  }
}
