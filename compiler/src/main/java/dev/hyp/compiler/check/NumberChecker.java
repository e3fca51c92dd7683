package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Binary;
import dev.hyp.compiler.ast.BinaryOperator;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.IndexExpression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Negate;
import dev.hyp.compiler.ast.NumberLiteral;
import dev.hyp.compiler.ast.ParenExpression;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.print.ExpressionPrinter;
import dev.hyp.compiler.source.Span;
import java.util.Optional;

/**
 * Checks a number or arithmetic for an integer or number place: literals in range, whole
 * numbers where integers are wanted, operands that exist in every trial, and constant
 * arithmetic folded to the number it makes. Empty after reporting.
 */
final class NumberChecker {
  private final Diagnostics diagnostics;
  private final ParamTable params;
  private final ParamUses uses;
  private final ReferenceChecker references;
  private final TypeMismatches mismatches;

  NumberChecker(Diagnostics diagnostics, ParamTable params, ParamUses uses, ReferenceChecker references,
      TypeMismatches mismatches) {
    this.diagnostics = diagnostics;
    this.params = params;
    this.uses = uses;
    this.references = references;
    this.mismatches = mismatches;
  }

  Optional<Value> check(Expression expression, Place place, Scope scope) {
    return numeric(expression, place, scope, false);
  }

  /**
   * Inside arithmetic only the whole is range-checked, and every name must exist in every trial.
   * Recursive over the expression: the parser bounds its depth (NestingLimit, ExpressionSize).
   */
  private Optional<Value> numeric(Expression expression, Place place, Scope scope, boolean inArithmetic) {
    if (expression instanceof NumberLiteral || expression instanceof Negate && Literals.number(expression) != null) {
      return literal(expression, place, inArithmetic);
    }
    if (expression instanceof ParenExpression p) {
      return numeric(p.inner(), place, scope, inArithmetic).map(value -> value.at(p.span()));
    }
    if (expression instanceof Negate n) {
      return numeric(n.operand(), place, scope, true)
          .flatMap(operand -> folded(new Value.Negation(operand, n.span()), expression, place, inArithmetic));
    }
    if (expression instanceof Binary b) {
      return arithmetic(b, place, scope, inArithmetic);
    }
    if (uses.refersToBroken(expression)) {
      return Optional.empty();
    }
    if (expression instanceof Name n && references.resolves(n, scope)) {
      return inArithmetic ? operand(n, place, scope) : references.reference(n, place, scope);
    }
    if (expression instanceof IndexExpression index) {
      return inArithmetic ? operand(index, place, scope) : references.element(index, place, scope);
    }
    if (expression instanceof Name n) {
      return references.unknownName(n, place, scope);
    }
    return mismatches.report(expression, place);
  }

  /** `3`, `-1e-4`: whole numbers stay whole (an integer place takes nothing else). */
  private Optional<Value> literal(Expression expression, Place place, boolean inArithmetic) {
    double value = Literals.number(expression);
    if (place.type() == Type.INT && !Literals.isInteger(expression)) {
      return mismatches.report(expression, place);
    }
    if (!inArithmetic && !inRange(value, expression.span(), place)) {
      return Optional.empty();
    }
    return Optional.of(Literals.isInteger(expression) ? Value.of((long) value, expression.span())
        : Value.of(value, expression.span()));
  }

  private Optional<Value> arithmetic(Binary b, Place place, Scope scope, boolean inArithmetic) {
    if (place.type() == Type.INT && b.operator() == BinaryOperator.DIVIDE) {
      diagnostics.add(Diagnostic.error(Code.HYP018, b.span(), "division gives a number, but " + place.description()
              + " needs an integer")
          .label("not a whole number")
          .build());
      return Optional.empty();
    }
    Optional<Value> left = numeric(b.left(), place, scope, true);
    Optional<Value> right = numeric(b.right(), place, scope, true); // checked even when the left failed
    if (left.isEmpty() || right.isEmpty()) {
      return Optional.empty();
    }
    Value value = new Value.Arithmetic(b.operator().symbol().charAt(0), left.get(), right.get(), b.span());
    return folded(value, b, place, inArithmetic);
  }

  /**
   * Arithmetic over numbers alone becomes the number it makes (`2 * 3` is `6`), so places that
   * need a fixed value accept it; the result is range-checked like a number written there.
   */
  private Optional<Value> folded(Value value, Expression expression, Place place, boolean inArithmetic) {
    Optional<Value.Numeric> folded = ConstantFolding.fold(value);
    if (folded.isEmpty()) {
      return Optional.of(value);
    }
    double result = folded.get().asDouble();
    if (Double.isNaN(result) || Double.isInfinite(result)) {
      diagnostics.add(Diagnostic.error(Code.HYP020, expression.span(), "`" + ExpressionPrinter.print(expression)
              + "` is not a finite number")
          .label("division by zero or overflow")
          .build());
      return Optional.empty();
    }
    if (!inArithmetic && !inRange(result, expression.span(), place)) {
      return Optional.empty();
    }
    return Optional.of(folded.get());
  }

  /** A name or element inside arithmetic: it must exist in every trial. */
  private Optional<Value> operand(Expression expression, Place place, Scope scope) {
    String name = expression instanceof Name n ? n.name() : ((IndexExpression) expression).name().name();
    ParamInfo parameter = params.get(name);
    if (parameter != null && parameter.isConditional()) {
      diagnostics.add(ConditionalUse.misuse(expression.span(), parameter, "arithmetic"));
      return Optional.empty();
    }
    Place strict = new Place(place.description(), place.parameter().withoutRange(), place.parametersAllowed(), false,
        place.usage());
    return expression instanceof Name n ? references.reference(n, strict, scope)
        : references.element((IndexExpression) expression, strict, scope);
  }

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
}
