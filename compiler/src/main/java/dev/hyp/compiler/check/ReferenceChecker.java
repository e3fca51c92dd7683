package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves names to loop variables and parameters (`lr`, `i`) and elements of per-layer
 * parameters (`units[i]`), checking that each may be read where it is. Empty after reporting.
 */
final class ReferenceChecker {
  private final Diagnostics diagnostics;
  private final ParamTable params;
  private final ParameterFit fit;
  private final IndexChecker indexes;
  private final TypeMismatches mismatches;

  ReferenceChecker(Diagnostics diagnostics, ParamTable params, ParameterFit fit, TypeMismatches mismatches) {
    this.diagnostics = diagnostics;
    this.params = params;
    this.fit = fit;
    this.indexes = new IndexChecker(diagnostics, params);
    this.mismatches = mismatches;
  }

  /** Whether the name is a loop variable in scope or a declared parameter. */
  boolean resolves(Name name, Scope scope) {
    return scope.loop(name.name()) != null || params.contains(name.name());
  }

  /** A name that {@link #resolves}. */
  Optional<Value> reference(Name name, Place place, Scope scope) {
    Scope.Loop loop = scope.loop(name.name());
    if (loop != null) {
      return place.type().isNumeric() ? Optional.of(new Value.LoopVariable(name.name(), name.span()))
          : mismatches.reportNamed(name, "a loop variable", place);
    }
    ParamInfo parameter = params.get(name.name());
    if (!fit.allowed(parameter, name.span(), place)) {
      return Optional.empty();
    }
    parameter.markUsed();
    if (parameter.isPerLayer()) {
      diagnostics.add(Diagnostic.error(Code.HYP037, name.span(), "`" + name.name()
              + "` is per-layer and needs an index")
          .label("which layer's value?")
          .help("write `" + name.name() + "[i]` inside `for i in 1.." + parameter.spec.layerBound() + " { ... }`")
          .build());
      return Optional.empty();
    }
    if (parameter.isConditional() && !place.omittable()) {
      diagnostics.add(ConditionalUse.misuse(name.span(), parameter, place.description()));
      return Optional.empty();
    }
    if (!fit.fits(parameter, name.span(), place)) {
      return Optional.empty();
    }
    Value reference = new Value.ParamRef(name.name(), name.span());
    return Optional.of(parameter.isConditional() ? ConditionalUse.ifPresent(reference, place) : reference);
  }

  /** `units[i]`: one element of a per-layer parameter, at an index that exists in every trial. */
  Optional<Value> element(IndexExpression index, Place place, Scope scope) {
    String name = index.name().name();
    ParamInfo parameter = params.get(name);
    if (parameter == null || !parameter.isPerLayer()) {
      if (parameter == null && scope.loop(name) == null) {
        return unknownName(new Name(index.name()), place, scope);
      }
      diagnostics.add(Diagnostic.error(Code.HYP021, index.span(), "`" + name + "` is not a per-layer parameter")
          .label("cannot be indexed")
          .help("declare it as `" + name + "[depth] = ...` to have one value per layer")
          .build());
      return Optional.empty();
    }
    parameter.markUsed();
    if (!fit.allowed(parameter, index.span(), place)) {
      return Optional.empty();
    }
    if (parameter.isConditional() && !place.omittable()) {
      diagnostics.add(ConditionalUse.misuse(index.span(), parameter, place.description()));
      return Optional.empty();
    }
    Optional<Value> position = indexes.check(index, parameter, scope);
    if (position.isEmpty() || !fit.fits(parameter, index.span(), place)) {
      return Optional.empty();
    }
    Value element = new Value.LayerParamRef(parameter.name(), position.get(), index.span());
    return Optional.of(parameter.isConditional() ? ConditionalUse.ifPresent(element, place) : element);
  }

  /** A name that does not {@link #resolves}, where a parameter or loop variable was wanted; always empty. */
  Optional<Value> unknownName(Name name, Place place, Scope scope) {
    List<String> candidates = new ArrayList<>(params.names());
    scope.names().forEach(candidates::add);
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP012, name.span(), "unknown name `" + name.name() + "`")
        .label("not a parameter" + (place.type().isNumeric() ? " or loop variable" : ""));
    String help = Habits.literal(place.type(), name.name());
    if (help == null) {
      help = Suggestions.help(name.name(), candidates);
    }
    if (help == null && place.type().isNumeric()) {
      help = place.description() + " needs " + place.type().description();
    }
    diagnostics.add(help == null ? builder.build() : builder.help(help).build());
    return Optional.empty();
  }
}
