package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Binary;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * `opt(lr = lr, momentum = momentum)` where `opt` chooses among updaters: every updater it
 * can be must accept every argument that can reach it, which is where conditions matter.
 * Empty after reporting.
 */
final class ChosenUpdaterChecker {
  private final Diagnostics diagnostics;
  private final ParamTable params;
  private final ParamUses uses;
  private final ParameterFit fit;
  private final NumberChecker numbers;
  private final ValueChecker values;

  ChosenUpdaterChecker(Diagnostics diagnostics, ParamTable params, ParamUses uses, ParameterFit fit,
      NumberChecker numbers, ValueChecker values) {
    this.diagnostics = diagnostics;
    this.params = params;
    this.uses = uses;
    this.fit = fit;
    this.numbers = numbers;
    this.values = values;
  }

  Optional<Value> check(Call call, ParamInfo chooser, Place place, Scope scope) {
    chooser.markUsed();
    if (!fit.allowed(chooser, call.callee().span(), place) || !fit.fits(chooser, call.callee().span(), place)) {
      return Optional.empty();
    }
    if (chooser.isConditional() && !place.omittable()) {
      diagnostics.add(ConditionalUse.misuse(call.callee().span(), chooser, place.description()));
      return Optional.empty();
    }
    Map<String, Value> arguments = new LinkedHashMap<>();
    boolean ok = true;
    for (Argument argument : call.arguments()) {
      Optional<Value> value = argument(argument, chooser, place, scope);
      ok &= value.isPresent();
      value.ifPresent(v -> arguments.put(argument.name().name(), v));
    }
    if (!ok) {
      return Optional.empty();
    }
    Value callee = new Value.ParamRef(chooser.name(), call.callee().span());
    return Optional.of(new Value.Invocation(chooser.isConditional() ? ConditionalUse.ifPresent(callee, place) : callee,
        arguments, call.span()));
  }

  private Optional<Value> argument(Argument argument, ParamInfo chooser, Place place, Scope scope) {
    if (!argument.isNamed()) {
      diagnostics.add(Diagnostic.error(Code.HYP021, argument.span(), "arguments of `" + chooser.name()
              + "` must be named, since it can be several updaters")
          .label("name this argument")
          .help("write `lr = ...`")
          .build());
      return Optional.empty();
    }
    if (uses.refersToBroken(argument.value()) || !usableAnywhere(argument.value(), scope)) {
      return Optional.empty();
    }
    return acceptedByEveryChoice(argument, chooser).flatMap(accepted -> {
      Place argumentPlace = new Place("`" + argument.name().name() + "` of `" + chooser.name() + "`", accepted,
          place.parametersAllowed(), true, argument.span());
      return values.check(argument.value(), argumentPlace, scope).map(ConditionalUse::omittedWhenAbsent);
    });
  }

  /**
   * The argument as some updater the chooser can be declares it, when every updater that can
   * receive it does; empty after reporting the first that does not.
   */
  private Optional<Signature.Parameter> acceptedByEveryChoice(Argument argument, ParamInfo chooser) {
    String name = argument.name().name();
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
      return Optional.empty();
    }
    return Optional.ofNullable(accepted);
  }

  /**
   * Whether an argument's value is fine before asking which callee takes it: a conditional
   * parameter in arithmetic is wrong whatever the callee (reported here, once).
   */
  private boolean usableAnywhere(Expression value, Scope scope) {
    if (value instanceof Binary || value instanceof Negate) {
      Place any = new Place("an argument", Signature.Parameter.optional("value", Type.NUMBER, null), true, true,
          value.span());
      return numbers.check(value, any, scope).isPresent();
    }
    return true;
  }
}
