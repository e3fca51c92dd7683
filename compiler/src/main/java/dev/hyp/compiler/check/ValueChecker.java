package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Binary;
import dev.hyp.compiler.ast.BinaryOperator;
import dev.hyp.compiler.ast.BooleanLiteral;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.DurationLiteral;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.ast.NumberLiteral;
import dev.hyp.compiler.ast.ParenExpression;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.print.ExpressionPrinter;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks one value against what its place expects and resolves it: names to parameters,
 * loop variables or symbols; calls to invocations with named arguments. Returns null after
 * reporting a problem.
 */
final class ValueChecker {
  private final Diagnostics diagnostics;
  private final ParamTable params;
  private final ArgumentBinder binder;
  private final IndexChecker indexes;

  ValueChecker(Diagnostics diagnostics, ParamTable params) {
    this.diagnostics = diagnostics;
    this.params = params;
    this.binder = new ArgumentBinder(diagnostics);
    this.indexes = new IndexChecker(diagnostics, params);
  }

  Value check(Expression expression, Place place, Scope scope) {
    markReferenced(expression);
    if (refersToBroken(expression)) {
      return null; // its declaration's error is already reported
    }
    Type type = place.type();
    if (expression instanceof ParenExpression p && !type.isNumeric()) {
      return check(p.inner(), place, scope);
    }
    if (expression instanceof Name n && (scope.loop(n.name()) != null || params.contains(n.name()))) {
      return reference(n, place, scope);
    }
    if (expression instanceof IndexExpression index) {
      return layerReference(index, place, scope);
    }
    return switch (type) {
      case INT, NUMBER -> numeric(expression, place, scope, false);
      case STRING -> expression instanceof StringLiteral s ? new Value.Literal(s.value()) : mismatch(expression, place);
      case BOOLEAN -> expression instanceof BooleanLiteral b ? new Value.Literal(b.value()) : mismatch(expression, place);
      case DURATION -> expression instanceof DurationLiteral d ? new Value.Literal(d.seconds()) : mismatch(expression, place);
      case ACTIVATION, LOSS, WEIGHT_INIT, NORMALIZE, PADDING -> symbol(expression, place);
      default -> invocation(expression, place, scope);
    };
  }

  /** A parameter named anywhere counts as used, even where its use is an error (reported as such). */
  private void markReferenced(Expression expression) {
    if (expression instanceof Name n && params.contains(n.name())) {
      params.get(n.name()).markUsed();
    } else if (expression instanceof IndexExpression i) {
      if (params.contains(i.name().name())) {
        params.get(i.name().name()).markUsed();
      }
      markReferenced(i.index());
    } else if (expression instanceof Call c) {
      if (params.contains(c.callee().name())) {
        params.get(c.callee().name()).markUsed();
      }
      c.arguments().forEach(a -> markReferenced(a.value()));
    } else if (expression instanceof Binary b) {
      markReferenced(b.left());
      markReferenced(b.right());
    } else if (expression instanceof Negate n) {
      markReferenced(n.operand());
    } else if (expression instanceof ParenExpression p) {
      markReferenced(p.inner());
    }
  }

  private boolean refersToBroken(Expression expression) {
    String name = expression instanceof Name n ? n.name()
        : expression instanceof IndexExpression i ? i.name().name()
        : expression instanceof Call c ? c.callee().name() : null;
    return name != null && params.isBroken(name);
  }

  // ---- numbers and arithmetic ----

  private Value numeric(Expression expression, Place place, Scope scope, boolean inArithmetic) {
    if (expression instanceof NumberLiteral || expression instanceof Negate && Literals.number(expression) != null) {
      double value = Literals.number(expression);
      if (place.type() == Type.INT && !Literals.isInteger(expression)) {
        return mismatch(expression, place);
      }
      if (!inArithmetic && !inRange(value, expression.span(), place)) {
        return null;
      }
      return Literals.isInteger(expression) ? Value.of((long) value) : Value.of(value);
    }
    if (expression instanceof ParenExpression p) {
      return numeric(p.inner(), place, scope, inArithmetic);
    }
    if (expression instanceof Negate n) {
      Value operand = numeric(n.operand(), place, scope, true);
      return operand == null ? null : folded(new Value.Negation(operand), expression, place, inArithmetic);
    }
    if (expression instanceof Binary b) {
      if (place.type() == Type.INT && b.operator() == BinaryOperator.DIVIDE) {
        diagnostics.add(Diagnostic.error(Code.HYP018, b.span(), "division gives a number, but " + place.description()
                + " needs an integer")
            .label("not a whole number")
            .build());
        return null;
      }
      Value left = numeric(b.left(), place, scope, true);
      Value right = numeric(b.right(), place, scope, true);
      return left == null || right == null ? null
          : folded(new Value.Arithmetic(b.operator().symbol().charAt(0), left, right), expression, place, inArithmetic);
    }
    if (refersToBroken(expression)) {
      return null;
    }
    if (expression instanceof Name n && (scope.loop(n.name()) != null || params.contains(n.name()))) {
      return inArithmetic ? operand(n, place, scope) : reference(n, place, scope);
    }
    if (expression instanceof IndexExpression index) {
      return inArithmetic ? operand(index, place, scope) : layerReference(index, place, scope);
    }
    if (expression instanceof Name n) {
      return unknownName(n, place, scope);
    }
    return mismatch(expression, place);
  }

  /**
   * Arithmetic over numbers alone becomes the number it makes (`2 * 3` is `6`), so places that
   * need a fixed value accept it; the result is range-checked like a number written there.
   */
  private Value folded(Value value, Expression expression, Place place, boolean inArithmetic) {
    Number result = ConstantFolding.fold(value);
    if (result == null) {
      return value;
    }
    if (Double.isNaN(result.doubleValue()) || Double.isInfinite(result.doubleValue())) {
      diagnostics.add(Diagnostic.error(Code.HYP020, expression.span(), "`" + ExpressionPrinter.print(expression)
              + "` is not a finite number")
          .label("division by zero or overflow")
          .build());
      return null;
    }
    if (!inArithmetic && !inRange(result.doubleValue(), expression.span(), place)) {
      return null;
    }
    return new Value.Literal(result);
  }

  /** A name or element inside arithmetic: it must exist in every trial. */
  private Value operand(Expression expression, Place place, Scope scope) {
    String name = expression instanceof Name n ? n.name() : ((IndexExpression) expression).name().name();
    ParamInfo parameter = params.get(name);
    if (parameter != null && parameter.isConditional()) {
      diagnostics.add(conditionalMisuse(expression.span(), parameter, "arithmetic"));
      return null;
    }
    Place strict = new Place(place.description(), place.parameter().withoutRange(), place.parametersAllowed(), false,
        place.usage());
    return expression instanceof Name n ? reference(n, strict, scope) : layerReference((IndexExpression) expression, strict, scope);
  }

  // ---- references to loop variables and parameters ----

  private Value reference(Name name, Place place, Scope scope) {
    Scope.Loop loop = scope.loop(name.name());
    if (loop != null) {
      return place.type().isNumeric() ? new Value.LoopVariable(name.name()) : mismatchNamed(name, "a loop variable", place);
    }
    ParamInfo parameter = params.get(name.name());
    if (!allowed(parameter, name.span(), place)) {
      return null;
    }
    parameter.markUsed();
    if (parameter.isPerLayer()) {
      diagnostics.add(Diagnostic.error(Code.HYP037, name.span(), "`" + name.name() + "` is per-layer and needs an index")
          .label("which layer's value?")
          .help("write `" + name.name() + "[i]` inside `for i in 1.." + parameter.spec.layerBound() + " { ... }`")
          .build());
      return null;
    }
    if (parameter.isConditional() && !place.omittable()) {
      diagnostics.add(conditionalMisuse(name.span(), parameter, place.description()));
      return null;
    }
    if (!fits(parameter, name.span(), place)) {
      return null;
    }
    return parameter.isConditional() ? ifPresent(new Value.ParamRef(name.name()), place)
        : new Value.ParamRef(name.name());
  }

  private Value layerReference(IndexExpression index, Place place, Scope scope) {
    ParamInfo parameter = params.get(index.name().name());
    if (parameter == null || !parameter.isPerLayer()) {
      if (parameter == null && scope.loop(index.name().name()) == null) {
        return unknownName(new Name(index.name()), place, scope);
      }
      diagnostics.add(Diagnostic.error(Code.HYP021, index.span(), "`" + index.name().name() + "` is not a per-layer parameter")
          .label("cannot be indexed")
          .help("declare it as `" + index.name().name() + "[depth] = ...` to have one value per layer")
          .build());
      return null;
    }
    parameter.markUsed();
    if (!allowed(parameter, index.span(), place)) {
      return null;
    }
    if (parameter.isConditional() && !place.omittable()) {
      diagnostics.add(conditionalMisuse(index.span(), parameter, place.description()));
      return null;
    }
    Value position = indexes.check(index, parameter, scope);
    if (position == null || !fits(parameter, index.span(), place)) {
      return null;
    }
    Value element = new Value.LayerParamRef(parameter.name(), position);
    return parameter.isConditional() ? ifPresent(element, place) : element;
  }

  /**
   * A call's argument whose parameter may not exist is left out in those trials (the callee's
   * own default applies, which for a parameter choosing the callee differs from callee to callee).
   */
  private static Value omittedWhenAbsent(Value value) {
    return value instanceof Value.IfPresent present ? new Value.IfPresent(present.value(), null) : value;
  }

  /** A conditional parameter in an optional place: the place's default stands in where it does not exist. */
  private static Value ifPresent(Value value, Place place) {
    Object fallback = place.parameter().defaultValue();
    Value otherwise = fallback == null ? null
        : fallback instanceof String s && place.type() != Type.STRING ? Value.symbol(s) : new Value.Literal(fallback);
    return new Value.IfPresent(value, otherwise);
  }

  private boolean allowed(ParamInfo parameter, Span at, Place place) {
    if (place.parametersAllowed()) {
      return true;
    }
    diagnostics.add(Diagnostic.error(Code.HYP021, at, "parameters cannot be used in " + place.description())
        .label("`" + parameter.name() + "` is a parameter")
        .help("only `data`, `model` and `train` can use parameters; write a fixed value here")
        .build());
    return false;
  }

  /** Whether every value the parameter can take fits the place's type and range. */
  private boolean fits(ParamInfo parameter, Span usage, Place place) {
    Type type = place.type();
    if (type.isNumeric()) {
      boolean kindFits = type == Type.INT ? parameter.kind == ParamInfo.Kind.INT : parameter.isNumeric();
      if (!kindFits) {
        return mismatchParameter(parameter, usage, place);
      }
      String tooLow = place.parameter().rangeProblem(parameter.min);
      String tooHigh = place.parameter().rangeProblem(parameter.max);
      if (tooLow != null || tooHigh != null) {
        double offending = tooLow != null ? parameter.min : parameter.max;
        diagnostics.add(Diagnostic.error(Code.HYP020, usage, "`" + parameter.name() + "` can be "
                + Builtins.format(offending) + ", but " + place.description() + " must be "
                + (tooLow != null ? tooLow : tooHigh))
            .label("out of range in some trials")
            .secondary(parameter.declaration.value().span(), "`" + parameter.name() + "` is declared here")
            .build());
        return false;
      }
      return true;
    }
    if (type == Type.STRING || type == Type.BOOLEAN) {
      ParamInfo.Kind wanted = type == Type.STRING ? ParamInfo.Kind.STRING : ParamInfo.Kind.BOOLEAN;
      return parameter.kind == wanted || mismatchParameter(parameter, usage, place);
    }
    List<String> symbols = Builtins.symbols(type);
    if (parameter.kind != ParamInfo.Kind.SYMBOLS || symbols.isEmpty()) {
      return mismatchParameter(parameter, usage, place);
    }
    boolean ok = true;
    for (int i = 0; i < parameter.values.size(); i++) {
      String value = (String) parameter.values.get(i);
      if (!symbols.contains(value)) {
        Diagnostic.Builder builder = Diagnostic.error(Code.HYP012, parameter.valueSpans.get(i),
                "unknown " + type.noun() + " `" + value + "`")
            .label("not " + type.description())
            .secondary(usage, "`" + parameter.name() + "` is used as " + type.description() + " here");
        String help = Suggestions.help(value, symbols);
        diagnostics.add(help == null ? builder.build() : builder.help(help).build());
        ok = false;
      }
    }
    return ok;
  }

  private boolean mismatchParameter(ParamInfo parameter, Span usage, Place place) {
    String what = parameter.kind == ParamInfo.Kind.SYMBOLS
        ? "a choice of names (" + ParamChecker.describe(parameter.values) + ")"
        : parameter.kind.description();
    diagnostics.add(Diagnostic.error(Code.HYP018, usage, "`" + parameter.name() + "` is " + what + ", but "
            + place.description() + " needs " + place.type().description())
        .label("wrong type")
        .secondary(parameter.declaration.value().span(), "`" + parameter.name() + "` is declared here")
        .build());
    return false;
  }

  static Diagnostic conditionalMisuse(Span at, ParamInfo parameter, String where) {
    return Diagnostic.error(Code.HYP038, at, "`" + parameter.name() + "` may not exist here")
        .label("used in " + where)
        .secondary(parameter.declaration.when().span(), "`" + parameter.name() + "` exists only when this holds")
        .help("use `" + parameter.name() + "` only as an optional argument, which is left out in trials where it "
            + "does not exist")
        .build();
  }

  // ---- symbols: activations, losses, ... ----

  private Value symbol(Expression expression, Place place) {
    Type type = place.type();
    if (expression instanceof Name n) {
      if (Builtins.symbols(type).contains(n.name())) {
        return Value.symbol(n.name());
      }
      return unknownSymbol(n, place);
    }
    if (expression instanceof StringLiteral s && Builtins.symbols(type).contains(s.value())) {
      diagnostics.add(Diagnostic.error(Code.HYP018, s.span(), place.description() + " needs " + type.description()
              + ", found a string")
          .label("a string")
          .help("write `" + s.value() + "` without quotes")
          .build());
      return null;
    }
    return mismatch(expression, place);
  }

  private Value unknownSymbol(Name name, Place place) {
    Type type = place.type();
    List<String> candidates = new ArrayList<>(Builtins.symbols(type));
    candidates.addAll(params.names());
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP012, name.span(), "unknown " + type.noun() + " `" + name.name() + "`")
        .label("not " + type.description());
    String help = Suggestions.help(name.name(), candidates);
    diagnostics.add(help == null ? builder.help(listOf(type)).build() : builder.help(help).build());
    return null;
  }

  private Value unknownName(Name name, Place place, Scope scope) {
    List<String> candidates = new ArrayList<>(params.names());
    scope.names().forEach(candidates::add);
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP012, name.span(), "unknown name `" + name.name() + "`")
        .label("not a parameter" + (place.type().isNumeric() ? " or loop variable" : ""));
    String help = Suggestions.help(name.name(), candidates);
    if (help == null && place.type().isNumeric()) {
      help = place.description() + " needs " + place.type().description();
    }
    diagnostics.add(help == null ? builder.build() : builder.help(help).build());
    return null;
  }

  private static String listOf(Type type) {
    List<String> symbols = Builtins.symbols(type);
    List<String> shown = symbols.size() > 8 ? symbols.subList(0, 8) : symbols;
    return "known " + type.noun() + "s: " + String.join(", ", shown.stream().map(s -> "`" + s + "`").toList())
        + (symbols.size() > shown.size() ? ", ..." : "");
  }

  // ---- calls: updaters, sources, splits, pruners, ... ----

  private Value invocation(Expression expression, Place place, Scope scope) {
    Type type = place.type();
    if (expression instanceof Name n) {
      Signature signature = Builtins.function(type, n.name());
      if (signature != null) {
        Map<String, Value> arguments = defaults(signature, Map.of());
        if (arguments == null) {
          return missingArguments(n, signature, place);
        }
        return new Value.Invocation(Value.symbol(n.name()), arguments);
      }
      if (Builtins.symbols(type).contains(n.name())) {
        return new Value.Invocation(Value.symbol(n.name()), Map.of());
      }
      return unknownFunction(n.identifier().name(), n.span(), place);
    }
    if (!(expression instanceof Call call)) {
      return mismatch(expression, place);
    }
    String callee = call.callee().name();
    ParamInfo chooser = params.get(callee);
    if (chooser != null && type == Type.UPDATER) {
      return chosenInvocation(call, chooser, place, scope);
    }
    Signature signature = Builtins.function(type, callee);
    if (signature == null) {
      return unknownFunction(callee, call.callee().span(), place);
    }
    Map<String, Argument> bound = binder.bind(call, signature, type.noun());
    if (bound == null) {
      return null;
    }
    Map<String, Value> arguments = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, Argument> entry : bound.entrySet()) {
      Signature.Parameter parameter = signature.parameter(entry.getKey()).orElseThrow();
      Place argumentPlace = new Place("`" + entry.getKey() + "` of `" + callee + "`", parameter,
          place.parametersAllowed(), !parameter.required(), entry.getValue().span());
      Value value = omittedWhenAbsent(check(entry.getValue().value(), argumentPlace, scope));
      ok &= value != null;
      arguments.put(entry.getKey(), value);
    }
    return ok ? new Value.Invocation(Value.symbol(callee), defaults(signature, arguments)) : null;
  }

  /**
   * `opt(lr = lr, momentum = momentum)` where `opt` chooses among updaters: every updater it
   * can be must accept every argument that can reach it, which is where conditions matter.
   */
  private Value chosenInvocation(Call call, ParamInfo chooser, Place place, Scope scope) {
    chooser.markUsed();
    if (!allowed(chooser, call.callee().span(), place) || !fits(chooser, call.callee().span(), place)) {
      return null;
    }
    if (chooser.isConditional() && !place.omittable()) {
      diagnostics.add(conditionalMisuse(call.callee().span(), chooser, place.description()));
      return null;
    }
    Map<String, Value> arguments = new LinkedHashMap<>();
    boolean ok = true;
    for (Argument argument : call.arguments()) {
      if (!argument.isNamed()) {
        diagnostics.add(Diagnostic.error(Code.HYP021, argument.span(), "arguments of `" + chooser.name()
                + "` must be named, since it can be several updaters")
            .label("name this argument")
            .help("write `lr = ...`")
            .build());
        ok = false;
        continue;
      }
      String name = argument.name().name();
      if (refersToBroken(argument.value()) || !usableAnywhere(argument.value(), scope)) {
        ok = false;
        continue;
      }
      ParamInfo conditional = argument.value() instanceof Name n ? params.get(n.name()) : null;
      Signature.Parameter accepted = null;
      for (Object choice : chooser.values) {
        Signature signature = Builtins.function(Type.UPDATER, (String) choice);
        Signature.Parameter parameter = signature.parameter(name).orElse(null);
        if (parameter != null) {
          accepted = parameter;
          continue;
        }
        if (conditional != null && conditional.isConditional() && Boolean.FALSE.equals(
            Conditions.evaluate(conditional.spec.condition(), Map.of(chooser.name(), choice)))) {
          continue; // the argument never reaches this updater
        }
        diagnostics.add(Diagnostic.error(Code.HYP016, argument.name().span(), "updater `" + choice
                + "` has no argument `" + name + "`")
            .label("`" + chooser.name() + "` can be `" + choice + "` when this is passed")
            .help(conditional != null && !conditional.isConditional()
                ? "make `" + conditional.name() + "` conditional: `... if " + chooser.name() + " != " + choice + "`"
                : ArgumentBinder.accepted(signature))
            .build());
        ok = false;
        accepted = null;
        break;
      }
      if (accepted == null) {
        ok = false;
        continue;
      }
      Place argumentPlace = new Place("`" + name + "` of `" + chooser.name() + "`", accepted, place.parametersAllowed(),
          true, argument.span());
      Value value = omittedWhenAbsent(check(argument.value(), argumentPlace, scope));
      ok &= value != null;
      arguments.put(name, value);
    }
    Value callee = chooser.isConditional() ? ifPresent(new Value.ParamRef(chooser.name()), place)
        : new Value.ParamRef(chooser.name());
    return ok ? new Value.Invocation(callee, arguments) : null;
  }

  /**
   * Whether an argument's value is fine before asking which callee takes it: a conditional
   * parameter in arithmetic is wrong whatever the callee (reported here, once).
   */
  private boolean usableAnywhere(Expression value, Scope scope) {
    if (value instanceof Binary || value instanceof Negate) {
      Place any = new Place("an argument", Signature.Parameter.optional("value", Type.NUMBER, null), true, true,
          value.span());
      return numeric(value, any, scope, false) != null;
    }
    return true;
  }

  /** The arguments given, then every optional argument's default; null if a required one is missing. */
  private static Map<String, Value> defaults(Signature signature, Map<String, Value> given) {
    Map<String, Value> all = new LinkedHashMap<>();
    for (Signature.Parameter parameter : signature.parameters()) {
      Value value = given.get(parameter.name());
      if (value == null && parameter.required()) {
        return null;
      }
      if (value == null && parameter.defaultValue() != null) {
        value = parameter.defaultValue() instanceof String s && parameter.type() != Type.STRING
            ? Value.symbol(s)
            : new Value.Literal(parameter.defaultValue());
      }
      if (value != null) {
        all.put(parameter.name(), value);
      }
    }
    return all;
  }

  private Value missingArguments(Name name, Signature signature, Place place) {
    diagnostics.add(Diagnostic.error(Code.HYP017, name.span(), place.type().noun() + " `" + name.name()
            + "` needs arguments")
        .label("arguments missing")
        .help("write `" + name.name() + "(" + signature.parameters().stream().filter(Signature.Parameter::required)
            .map(p -> p.name() + " = ...").reduce((a, b) -> a + ", " + b).orElse("") + ")`")
        .build());
    return null;
  }

  private Value unknownFunction(String name, Span at, Place place) {
    Type type = place.type();
    List<String> candidates = new ArrayList<>(Builtins.functions(type).stream().map(Signature::name).toList());
    Builtins.symbols(type).stream().filter(s -> !candidates.contains(s)).forEach(candidates::add);
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP012, at, "unknown " + type.noun() + " `" + name + "`")
        .label("not " + type.description());
    String help = Suggestions.help(name, candidates);
    diagnostics.add(builder.help(help != null ? help : "known " + type.noun() + "s: "
        + String.join(", ", candidates.stream().map(c -> "`" + c + "`").toList())).build());
    return null;
  }

  // ---- mismatches and ranges ----

  private boolean inRange(double value, Span at, Place place) {
    String problem = place.parameter().rangeProblem(value);
    if (problem == null) {
      return true;
    }
    diagnostics.add(Diagnostic.error(Code.HYP020, at, place.description() + " must be " + problem + ", found `"
            + Builtins.format(value) + "`")
        .label("out of range")
        .build());
    return false;
  }

  private Value mismatch(Expression expression, Place place) {
    diagnostics.add(Diagnostic.error(Code.HYP018, expression.span(), place.description() + " needs "
            + place.type().description() + ", found " + describe(expression))
        .label("wrong type")
        .help(typeHelp(expression, place.type()))
        .build());
    return null;
  }

  private Value mismatchNamed(Name name, String what, Place place) {
    diagnostics.add(Diagnostic.error(Code.HYP018, name.span(), place.description() + " needs "
            + place.type().description() + ", found " + what + " `" + name.name() + "`")
        .label("wrong type")
        .build());
    return null;
  }

  private static String describe(Expression expression) {
    if (expression instanceof NumberLiteral n) {
      return (n.isInteger() ? "the integer `" : "the number `") + n.text() + "`";
    }
    if (expression instanceof Negate && Literals.number(expression) != null) {
      return "the number `" + ExpressionPrinter.print(expression) + "`";
    }
    if (expression instanceof StringLiteral) {
      return "a string";
    }
    if (expression instanceof BooleanLiteral b) {
      return "`" + b.value() + "`";
    }
    if (expression instanceof DurationLiteral d) {
      return "the duration `" + d.text() + "`";
    }
    if (expression instanceof Call c) {
      return "a call of `" + c.callee().name() + "`";
    }
    if (expression instanceof Name n) {
      return "`" + n.name() + "`";
    }
    return "`" + ExpressionPrinter.print(expression) + "`";
  }

  private static String typeHelp(Expression expression, Type type) {
    if (type == Type.INT && expression instanceof NumberLiteral n && !n.isInteger()) {
      return "write a whole number such as `" + Math.max(1, Math.round(n.value())) + "`";
    }
    if (type == Type.DURATION && expression instanceof NumberLiteral) {
      return "add a unit: `30s`, `10m` or `2h`";
    }
    if (type == Type.STRING && expression instanceof Name n) {
      return "put it in quotes: `\"" + n.name() + "\"`";
    }
    List<Signature> functions = Builtins.functions(type);
    if (!functions.isEmpty()) {
      return "for example `" + functions.get(0).name() + "(...)`";
    }
    return null;
  }

  static List<Object> possibleSymbols(Value value, ParamTable params) {
    if (value instanceof Value.IfPresent i) {
      List<Object> symbols = new ArrayList<>(possibleSymbols(i.value(), params));
      if (i.otherwise() != null) {
        possibleSymbols(i.otherwise(), params).stream().filter(v -> !symbols.contains(v)).forEach(symbols::add);
      }
      return symbols;
    }
    if (value instanceof Value.Symbol s) {
      return List.of(s.name());
    }
    if (value instanceof Value.ParamRef p && params.get(p.name()) != null) {
      ParamInfo info = params.get(p.name());
      return info.spec.distribution() instanceof Distribution.Constant c ? List.of(c.value()) : info.values;
    }
    return List.of();
  }
}
