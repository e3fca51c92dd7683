package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.print.ExpressionPrinter;
import dev.hyp.compiler.source.Span;
import java.util.Map;
import java.util.Optional;

/**
 * Checks `uniform`, `loguniform`, `int` and `logint`: numeric ends, a non-empty range, a
 * positive low end on a log scale, and a step that divides the range. Empty after reporting.
 */
final class RangeChecker {
  private final Diagnostics diagnostics;
  private final ArgumentBinder binder;

  RangeChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.binder = new ArgumentBinder(diagnostics);
  }

  Optional<Domain> check(Call call) {
    String name = call.callee().name();
    boolean integer = name.endsWith("int");
    boolean log = name.startsWith("log");
    Type type = integer ? Type.INT : Type.NUMBER;
    Signature signature = log
        ? Signature.of(name, Signature.Parameter.required("lo", type), Signature.Parameter.required("hi", type))
        : Signature.of(name, Signature.Parameter.required("lo", type), Signature.Parameter.required("hi", type),
            Signature.Parameter.optional("step", type, null));
    Optional<Map<String, Argument>> bound = binder.bind(call, signature, "distribution");
    if (bound.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Argument> arguments = bound.get();
    Optional<Double> low = number(arguments.get("lo").value(), integer, name);
    Optional<Double> high = number(arguments.get("hi").value(), integer, name);
    Argument stepArgument = arguments.get("step");
    Optional<Double> step = stepArgument == null ? Optional.empty() : number(stepArgument.value(), integer, name);
    if (low.isEmpty() || high.isEmpty() || (stepArgument != null && step.isEmpty())) {
      return Optional.empty();
    }
    double lo = low.get();
    double hi = high.get();
    Span bounds = arguments.get("lo").span().to(arguments.get("hi").span());
    if (lo >= hi) {
      diagnostics.add(Diagnostic.error(Code.HYP030, bounds, "empty range: `" + Builtins.format(lo)
              + "` is not less than `" + Builtins.format(hi) + "`")
          .label("the low end must be below the high end")
          .help(Double.compare(lo, hi) == 0 ? "for a fixed value write the constant `" + Builtins.format(lo) + "`"
              : "swap them: `" + name + "(" + Builtins.format(hi) + ", " + Builtins.format(lo) + ")`")
          .build());
      return Optional.empty();
    }
    if (log && lo <= 0) {
      diagnostics.add(Diagnostic.error(Code.HYP031, arguments.get("lo").value().span(),
              "`" + name + "` needs a positive low end, found `" + Builtins.format(lo) + "`")
          .label("a log scale cannot start at " + (lo == 0 ? "zero" : "a negative number"))
          .help(integer ? "start the range at 1 or more" : "start the range at a small positive number such as `1e-6`, "
              + "or use `uniform`")
          .build());
      return Optional.empty();
    }
    if (step.isPresent() && !stepFits(lo, hi, step.get(), stepArgument.value().span())) {
      return Optional.empty();
    }
    Double stepSize = step.orElse(null);
    Distribution distribution = integer
        ? new Distribution.IntRange((long) lo, (long) hi, log, stepSize == null ? null : stepSize.longValue())
        : new Distribution.FloatRange(lo, hi, log, stepSize);
    return Optional.of(new Domain(distribution, integer ? ParamInfo.Kind.INT : ParamInfo.Kind.NUMBER, null, null,
        lo, hi));
  }

  private boolean stepFits(double lo, double hi, double step, Span at) {
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

  /** An end or step of the range: a number, whole for `int` and `logint`. */
  private Optional<Double> number(Expression expression, boolean integer, String distribution) {
    Double value = Literals.number(expression);
    if (value == null) {
      diagnostics.add(Diagnostic.error(Code.HYP018, expression.span(), "the range of `" + distribution
              + "` must be given in numbers")
          .label("not a number")
          .build());
      return Optional.empty();
    }
    if (integer && !Literals.isInteger(expression)) {
      diagnostics.add(Diagnostic.error(Code.HYP018, expression.span(), "`" + distribution
              + "` takes whole numbers, found `" + ExpressionPrinter.print(expression) + "`")
          .label("not a whole number")
          .help(distribution.equals("int") ? "for a float range use `uniform`" : "for a float range use `loguniform`")
          .build());
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static double round(double value) {
    return Math.round(value * 1e9) / 1e9;
  }
}
