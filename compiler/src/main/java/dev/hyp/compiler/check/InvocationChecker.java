package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a call of a builtin function (an updater, a source, a split, a pruner, ...): the
 * callee, its arguments bound by name and checked, the defaults of the rest filled in.
 * Empty after reporting.
 */
final class InvocationChecker {
  private final Diagnostics diagnostics;
  private final ParamTable params;
  private final ValueChecker values;
  private final ArgumentBinder binder;
  private final TypeMismatches mismatches;
  private final ChosenUpdaterChecker chosen;

  InvocationChecker(Diagnostics diagnostics, ParamTable params, ValueChecker values, TypeMismatches mismatches,
      ChosenUpdaterChecker chosen) {
    this.diagnostics = diagnostics;
    this.params = params;
    this.values = values;
    this.binder = new ArgumentBinder(diagnostics);
    this.mismatches = mismatches;
    this.chosen = chosen;
  }

  Optional<Value> check(Expression expression, Place place, Scope scope) {
    if (expression instanceof Name n) {
      return withoutArguments(n, place);
    }
    if (!(expression instanceof Call call)) {
      return mismatches.report(expression, place);
    }
    Type type = place.type();
    String callee = call.callee().name();
    ParamInfo chooser = params.get(callee);
    if (chooser != null && type == Type.UPDATER) {
      return chosen.check(call, chooser, place, scope);
    }
    Signature signature = Builtins.function(type, callee);
    if (signature == null) {
      return unknownFunction(callee, call.callee().span(), place);
    }
    Optional<Map<String, Argument>> bound = binder.bind(call, signature, type.noun());
    if (bound.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Value> arguments = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, Argument> entry : bound.get().entrySet()) {
      Signature.Parameter parameter = signature.parameter(entry.getKey()).orElseThrow();
      Place argumentPlace = new Place("`" + entry.getKey() + "` of `" + callee + "`", parameter,
          place.parametersAllowed(), !parameter.required(), entry.getValue().span());
      Optional<Value> value = values.check(entry.getValue().value(), argumentPlace, scope)
          .map(ConditionalUse::omittedWhenAbsent);
      ok &= value.isPresent();
      value.ifPresent(v -> arguments.put(entry.getKey(), v));
    }
    if (!ok) {
      return Optional.empty();
    }
    Map<String, Value> all = Defaults.complete(signature, arguments, call.span()).orElseThrow(); // the binder saw to it
    return Optional.of(new Value.Invocation(Value.symbol(callee, call.callee().span()), all, call.span()));
  }

  /** `adam` or `cosine` without parentheses: every argument by default. */
  private Optional<Value> withoutArguments(Name name, Place place) {
    Type type = place.type();
    Signature signature = Builtins.function(type, name.name());
    if (signature != null) {
      Optional<Map<String, Value>> arguments = Defaults.complete(signature, Map.of(), name.span());
      if (arguments.isEmpty()) {
        return missingArguments(name, signature, place);
      }
      return Optional.of(new Value.Invocation(Value.symbol(name.name(), name.span()), arguments.get(), name.span()));
    }
    if (Builtins.symbols(type).contains(name.name())) {
      return Optional.of(new Value.Invocation(Value.symbol(name.name(), name.span()), Map.of(), name.span()));
    }
    return unknownFunction(name.identifier().name(), name.span(), place);
  }

  private Optional<Value> missingArguments(Name name, Signature signature, Place place) {
    diagnostics.add(Diagnostic.error(Code.HYP017, name.span(), place.type().noun() + " `" + name.name()
            + "` needs arguments")
        .label("arguments missing")
        .help("write `" + name.name() + "(" + signature.parameters().stream().filter(Signature.Parameter::required)
            .map(p -> p.name() + " = ...").reduce((a, b) -> a + ", " + b).orElse("") + ")`")
        .build());
    return Optional.empty();
  }

  private Optional<Value> unknownFunction(String name, Span at, Place place) {
    Type type = place.type();
    List<String> candidates = new ArrayList<>(Builtins.functions(type).stream().map(Signature::name).toList());
    Builtins.symbols(type).stream().filter(s -> !candidates.contains(s)).forEach(candidates::add);
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP012, at, "unknown " + type.noun() + " `" + name + "`")
        .label("not " + type.description());
    String help = Habits.symbol(type, name);
    if (help == null) {
      help = Suggestions.help(name, candidates);
    }
    diagnostics.add(builder.help(help != null ? help : "known " + type.noun() + "s: "
        + String.join(", ", candidates.stream().map(c -> "`" + c + "`").toList())).build());
    return Optional.empty();
  }
}
