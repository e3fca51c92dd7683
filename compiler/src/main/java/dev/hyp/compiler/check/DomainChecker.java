package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.ListLiteral;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.print.ExpressionPrinter;
import dev.hyp.compiler.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks what a parameter's values are: a range (see {@link RangeChecker}), a `choice` of
 * plain values of one kind without repeats, or a constant. Empty after reporting.
 */
final class DomainChecker {
  static final List<String> DISTRIBUTIONS = List.of("uniform", "loguniform", "int", "logint", "choice");

  private final Diagnostics diagnostics;
  private final ParamTable table;
  private final RangeChecker ranges;

  DomainChecker(Diagnostics diagnostics, ParamTable table) {
    this.diagnostics = diagnostics;
    this.table = table;
    this.ranges = new RangeChecker(diagnostics);
  }

  Optional<Domain> check(Expression value) {
    if (value instanceof Call call && DISTRIBUTIONS.contains(call.callee().name())) {
      return call.callee().name().equals("choice") ? choice(call) : ranges.check(call);
    }
    if (value instanceof Call call) {
      diagnostics.add(Diagnostic.error(Code.HYP015, call.callee().span(), "unknown distribution `"
              + call.callee().name() + "`")
          .label("not a distribution")
          .help(helpOr(helpOr(Habits.distribution(call.callee().name()),
                  Suggestions.help(call.callee().name(), DISTRIBUTIONS)),
              "the distributions are `uniform`, `loguniform`, `int`, `logint` and `choice`"))
          .build());
      return Optional.empty();
    }
    return plain(value, "a constant").map(constant -> {
      double number = constant.value() instanceof Number n ? n.doubleValue() : Double.NaN;
      return new Domain(new Distribution.Constant(constant.value(), constant.symbol()), constant.kind(),
          List.of(constant.value()), List.of(value.span()), number, number);
    });
  }

  private Optional<Domain> choice(Call call) {
    if (call.arguments().isEmpty()) {
      diagnostics.add(Diagnostic.error(Code.HYP017, call.span(), "`choice` needs at least one value")
          .label("no values")
          .help("list the values: `choice(16, 32, 64)`")
          .build());
      return Optional.empty();
    }
    List<Object> values = new ArrayList<>();
    List<Span> spans = new ArrayList<>();
    ParamInfo.Kind kind = null;
    boolean symbols = false;
    Span firstKindSpan = null;
    for (Argument argument : call.arguments()) {
      if (argument.isNamed()) {
        diagnostics.add(Diagnostic.error(Code.HYP016, argument.name().span(), "`choice` takes values, not named "
                + "arguments")
            .label("remove `" + argument.name().name() + " =`")
            .build());
        return Optional.empty();
      }
      Optional<PlainValue> plain = plain(argument.value(), "a choice");
      if (plain.isEmpty()) {
        return Optional.empty();
      }
      PlainValue value = plain.get();
      if (kind == null) {
        kind = value.kind();
        symbols = value.symbol();
        firstKindSpan = argument.span();
      } else if (kind != value.kind() && !(PlainValue.isNumeric(kind) && value.isNumeric())) {
        diagnostics.add(Diagnostic.error(Code.HYP018, argument.span(), "choices mix " + plural(kind) + " and "
                + plural(value.kind()))
            .label(value.kind().description() + " among " + plural(kind))
            .secondary(firstKindSpan, "the first choice is " + kind.description())
            .help(argument.value() instanceof Name n && Habits.literal(Type.NUMBER, n.name()) != null
                && !n.name().equalsIgnoreCase("true") && !n.name().equalsIgnoreCase("false")
                ? "there is no `" + n.name() + "`: for trials without a value, make a parameter conditional with `if`"
                : null)
            .build());
        return Optional.empty();
      } else if (value.kind() == ParamInfo.Kind.NUMBER) {
        kind = ParamInfo.Kind.NUMBER;
      }
      int earlier = PlainValue.indexOfEqual(values, value.value());
      if (earlier >= 0) {
        diagnostics.add(Diagnostic.error(Code.HYP034, argument.span(), "choice `"
                + ExpressionPrinter.print(argument.value()) + "` is listed twice")
            .label("listed again here")
            .secondary(spans.get(earlier), "first listed here")
            .help("remove the repeated value")
            .build());
        return Optional.empty();
      }
      values.add(value.value());
      spans.add(argument.value().span());
    }
    double min = Double.NaN;
    double max = Double.NaN;
    if (PlainValue.isNumeric(kind)) {
      min = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().orElseThrow();
      max = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().orElseThrow();
    }
    return Optional.of(new Domain(new Distribution.Choice(values, symbols), kind, values, spans, min, max));
  }

  /** A plain value of a choice or constant; another parameter's name is not one. */
  private Optional<PlainValue> plain(Expression expression, String what) {
    if (expression instanceof Name n && table.contains(n.name())) {
      diagnostics.add(Diagnostic.error(Code.HYP021, n.span(), what + " cannot refer to another parameter")
          .label("`" + n.name() + "` is a parameter")
          .help("use `" + n.name() + "` directly where the value is needed")
          .build());
      return Optional.empty();
    }
    Optional<PlainValue> value = PlainValue.of(expression);
    if (value.isEmpty()) {
      diagnostics.add(Diagnostic.error(Code.HYP018, expression.span(), what + " must be a number, a string, `true`, "
              + "`false` or a name")
          .label("not a plain value")
          .help(expression instanceof ListLiteral list ? listHelp(list, what)
              : "parameters are distributions such as `uniform(0, 1)`, `choice(a, b)`, or constants")
          .build());
    }
    return value;
  }

  /** A Python list: inside `choice` its brackets go; as a parameter, two numbers are likely a range. */
  private static String listHelp(ListLiteral list, String what) {
    String values = String.join(", ", list.elements().stream().map(ExpressionPrinter::print).toList());
    if (what.equals("a choice")) {
      return "list the choices without brackets: `choice(" + values + ")`";
    }
    if (list.elements().size() == 2 && list.elements().stream().allMatch(e -> Literals.number(e) != null)) {
      return "a range is `uniform(" + values + ")` or `loguniform(" + values + ")`; a set of values is `choice("
          + values + ")`";
    }
    return "write the values as `choice(" + values + ")`";
  }

  private static String plural(ParamInfo.Kind kind) {
    return switch (kind) {
      case INT, NUMBER -> "numbers";
      case STRING -> "strings";
      case BOOLEAN -> "booleans";
      case SYMBOLS -> "names";
    };
  }

  private static String helpOr(String help, String fallback) {
    return help != null ? help : fallback;
  }
}
