package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.BooleanLiteral;
import dev.hyp.compiler.ast.DurationLiteral;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.ParenExpression;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Value;
import java.util.Optional;

/**
 * Checks one value against what its place expects and resolves it, handing each kind of
 * value to the checker for it: references to {@link ReferenceChecker}, numbers and arithmetic
 * to {@link NumberChecker}, names of the language to {@link SymbolChecker}, calls to
 * {@link InvocationChecker}. The value is empty when a problem was found (and reported).
 */
final class ValueChecker {
  private final ParamUses uses;
  private final TypeMismatches mismatches;
  private final ReferenceChecker references;
  private final NumberChecker numbers;
  private final SymbolChecker symbols;
  private final InvocationChecker invocations;

  ValueChecker(Diagnostics diagnostics, ParamTable params) {
    ParameterFit fit = new ParameterFit(diagnostics);
    this.uses = new ParamUses(params);
    this.mismatches = new TypeMismatches(diagnostics);
    this.references = new ReferenceChecker(diagnostics, params, fit, mismatches);
    this.numbers = new NumberChecker(diagnostics, params, uses, references, mismatches);
    this.symbols = new SymbolChecker(diagnostics, params, mismatches);
    // a call's arguments are values again: the call checkers come back here for each
    this.invocations = new InvocationChecker(diagnostics, params, this, mismatches,
        new ChosenUpdaterChecker(diagnostics, params, uses, fit, numbers, this));
  }

  Optional<Value> check(Expression expression, Place place, Scope scope) {
    uses.markReferenced(expression);
    if (uses.refersToBroken(expression)) {
      return Optional.empty(); // its declaration's error is already reported
    }
    Type type = place.type();
    if (expression instanceof ParenExpression p && !type.isNumeric()) {
      return check(p.inner(), place, scope).map(value -> value.at(p.span()));
    }
    if (expression instanceof Name n && references.resolves(n, scope)) {
      return references.reference(n, place, scope);
    }
    if (expression instanceof IndexExpression index) {
      return references.element(index, place, scope);
    }
    return switch (type) {
      case INT, NUMBER -> numbers.check(expression, place, scope);
      case STRING -> expression instanceof StringLiteral s
          ? Optional.of(new Value.StringLiteral(s.value(), s.span())) : mismatches.report(expression, place);
      case BOOLEAN -> expression instanceof BooleanLiteral b
          ? Optional.of(new Value.BooleanLiteral(b.value(), b.span())) : mismatches.report(expression, place);
      case DURATION -> expression instanceof DurationLiteral d
          ? Optional.of(new Value.DurationLiteral(d.seconds(), d.span())) : mismatches.report(expression, place);
      case ACTIVATION, LOSS, WEIGHT_INIT, NORMALIZE, ENCODING, PADDING -> symbols.check(expression, place);
      default -> invocations.check(expression, place, scope);
    };
  }
}
