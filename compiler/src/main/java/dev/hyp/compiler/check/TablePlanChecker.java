package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.BooleanLiteral;
import dev.hyp.compiler.ast.CallMember;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.ListLiteral;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.source.Span;
import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.ColumnKind;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Missing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks how `data` prepares a table: `features = [...]`, `drop = [...]`, `missing`, `indicator`,
 * `max_onehot`, `class_weights` and the `column("name", kind = ..., missing = ..., indicator = ...)`
 * lines. Their values are plain (names, strings, lists), not parameters.
 */
final class TablePlanChecker {
  /** The settings this checker owns, beside `data`'s others. */
  static final Map<String, Signature.Parameter> SETTINGS = settings();

  static final List<String> MISSING = Arrays.stream(Missing.values()).map(Missing::hypName).toList();
  static final List<String> KINDS = List.of(ColumnKind.NUMBER.hypName(), ColumnKind.CATEGORY.hypName());
  static final List<String> CLASS_WEIGHTS = List.of("none", "balanced");
  static final List<String> ENCODINGS = Arrays.stream(CategoryEncoding.values()).map(CategoryEncoding::hypName)
      .toList();
  static final List<String> COLUMN_SETTINGS = List.of("kind", "missing", "indicator", "encoding", "dim");

  private final Diagnostics diagnostics;

  TablePlanChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  private static Map<String, Signature.Parameter> settings() {
    Map<String, Signature.Parameter> settings = new LinkedHashMap<>();
    settings.put("features", Signature.Parameter.optional("features", Type.STRING, null));
    settings.put("drop", Signature.Parameter.optional("drop", Type.STRING, null));
    settings.put("missing", Signature.Parameter.optional("missing", Type.STRING, Missing.DEFAULT.hypName()));
    settings.put("indicator", Signature.Parameter.optional("indicator", Type.BOOLEAN, false));
    settings.put("max_onehot", Signature.Parameter.optional("max_onehot", Type.INT, (long) DataPlan.MAX_ONEHOT));
    settings.put("class_weights", Signature.Parameter.optional("class_weights", Type.STRING, "none"));
    return java.util.Collections.unmodifiableMap(settings);
  }

  /** Empty after reporting problems. */
  Optional<DataSpec.Preparation> check(Map<String, Setting> settings, List<Member> others) {
    int errors = diagnostics.errorCount();
    List<String> features = settings.containsKey("features") ? columns(settings.get("features")) : null;
    List<String> drop = settings.containsKey("drop") ? columns(settings.get("drop")) : List.of();
    String missing = settings.containsKey("missing") ? symbol(settings.get("missing").value(), "`missing`", MISSING)
        : Missing.DEFAULT.hypName();
    boolean indicator = settings.containsKey("indicator") && bool(settings.get("indicator").value(), "`indicator`");
    long maxOnehot = settings.containsKey("max_onehot") ? maxOnehot(settings.get("max_onehot").value())
        : DataPlan.MAX_ONEHOT;
    String classWeights = "none";
    List<Double> weights = null;
    if (settings.containsKey("class_weights")) {
      Expression value = settings.get("class_weights").value();
      if (value instanceof ListLiteral list) {
        weights = weights(list);
        classWeights = null;
      } else {
        classWeights = symbol(value, "`class_weights`", CLASS_WEIGHTS);
      }
    }
    List<DataSpec.Column> columns = new ArrayList<>();
    Map<String, Span> seen = new LinkedHashMap<>();
    for (Member member : others) {
      if (member instanceof CallMember call && call.call().callee().name().equals("column")) {
        column(call, seen).ifPresent(columns::add);
      } else {
        boolean layer = member instanceof CallMember || member instanceof dev.hyp.compiler.ast.ForLoop;
        diagnostics.add(Diagnostic.error(Code.HYP021, member.span(), "only settings and `column(...)` can appear in "
                + "`data`")
            .label("not a setting")
            .help(layer ? "layers and loops belong in `model`: move this there" : "write `name = value`")
            .build());
      }
    }
    if (diagnostics.errorCount() > errors) {
      return Optional.empty();
    }
    return Optional.of(new DataSpec.Preparation(features, drop, missing, indicator, maxOnehot, List.copyOf(columns),
        classWeights, weights));
  }

  /** `["a", "b"]`: a non-empty list of distinct strings. */
  private List<String> columns(Setting setting) {
    String name = "`" + setting.name().name() + "`";
    if (!(setting.value() instanceof ListLiteral list)) {
      diagnostics.add(Diagnostic.error(Code.HYP018, setting.value().span(), name + " needs a list of column names")
          .label("not a list")
          .help("write `" + setting.name().name() + " = [\"a\", \"b\"]`")
          .build());
      return List.of();
    }
    if (list.elements().isEmpty()) {
      diagnostics.add(Diagnostic.error(Code.HYP020, list.span(), name + " is empty")
          .label("no columns")
          .help("name at least one column, or remove the setting")
          .build());
      return List.of();
    }
    List<String> names = new ArrayList<>();
    Map<String, Span> first = new LinkedHashMap<>();
    for (Expression element : list.elements()) {
      if (!(element instanceof StringLiteral s)) {
        diagnostics.add(Diagnostic.error(Code.HYP018, element.span(), name + " needs column names as strings")
            .label("not a string")
            .help(element instanceof Name n ? "put it in quotes: `\"" + n.name() + "\"`" : "write the column's name in quotes")
            .build());
        continue;
      }
      if (first.containsKey(s.value())) {
        diagnostics.add(Diagnostic.error(Code.HYP014, s.span(), "column `" + s.value() + "` is named twice in " + name)
            .label("named again here")
            .secondary(first.get(s.value()), "first named here")
            .help("keep one of them")
            .build());
        continue;
      }
      first.put(s.value(), s.span());
      names.add(s.value());
    }
    return names;
  }

  private String symbol(Expression value, String place, List<String> allowed) {
    if (value instanceof Name n && allowed.contains(n.name())) {
      return n.name();
    }
    String found = value instanceof Name n ? "`" + n.name() + "`" : value instanceof StringLiteral ? "a string"
        : "`" + dev.hyp.compiler.print.ExpressionPrinter.print(value) + "`";
    String help = value instanceof Name n ? Suggestions.help(n.name(), allowed)
        : value instanceof StringLiteral s && allowed.contains(s.value()) ? "write `" + s.value() + "` without quotes"
        : null;
    diagnostics.add(Diagnostic.error(value instanceof Name ? Code.HYP012 : Code.HYP018, value.span(),
            place + " is one of " + String.join(", ", allowed.stream().map(a -> "`" + a + "`").toList()) + ", found "
                + found)
        .label(value instanceof Name ? "unknown here" : "wrong type")
        .help(help != null ? help : "write one of them, such as `" + allowed.get(0) + "`")
        .build());
    return allowed.get(0);
  }

  private boolean bool(Expression value, String place) {
    if (value instanceof BooleanLiteral b) {
      return b.value();
    }
    diagnostics.add(Diagnostic.error(Code.HYP018, value.span(), place + " needs `true` or `false`")
        .label("wrong type")
        .build());
    return false;
  }

  private long maxOnehot(Expression value) {
    Double number = Literals.number(value);
    if (number == null || !Literals.isInteger(value)) {
      diagnostics.add(Diagnostic.error(Code.HYP018, value.span(), "`max_onehot` needs a whole number")
          .label("wrong type")
          .help("write a number of one-hot slots, such as `" + DataPlan.MAX_ONEHOT + "`")
          .build());
      return DataPlan.MAX_ONEHOT;
    }
    if (number < 1 || number > 100_000) {
      diagnostics.add(Diagnostic.error(Code.HYP020, value.span(), "`max_onehot` must be at least 1 and at most 100000")
          .label("out of range")
          .build());
      return DataPlan.MAX_ONEHOT;
    }
    return number.longValue();
  }

  private List<Double> weights(ListLiteral list) {
    List<Double> weights = new ArrayList<>();
    for (Expression element : list.elements()) {
      Double number = Literals.number(element);
      if (number == null || !(number > 0) || Double.isInfinite(number)) {
        diagnostics.add(Diagnostic.error(number == null ? Code.HYP018 : Code.HYP020, element.span(),
                "`class_weights` needs positive numbers, one per class")
            .label(number == null ? "not a number" : "not positive")
            .help("list the weights in the classes' sorted order, such as `[1, 5]`, or write `balanced`")
            .build());
        continue;
      }
      weights.add(number);
    }
    if (list.elements().size() < 2 && weights.size() == list.elements().size()) {
      diagnostics.add(Diagnostic.error(Code.HYP020, list.span(), "`class_weights` needs a weight for each class")
          .label("fewer than two")
          .help("list one weight per class in the classes' sorted order, or write `balanced`")
          .build());
    }
    return weights;
  }

  private Optional<DataSpec.Column> column(CallMember member, Map<String, Span> seen) {
    List<Argument> arguments = member.call().arguments();
    int errors = diagnostics.errorCount();
    String name = null;
    String kind = null;
    String missing = null;
    Boolean indicator = null;
    String encoding = null;
    Long dim = null;
    Span dimSpan = null;
    for (int i = 0; i < arguments.size(); i++) {
      Argument argument = arguments.get(i);
      if (!argument.isNamed()) {
        if (i == 0 && argument.value() instanceof StringLiteral s) {
          name = s.value();
          if (seen.containsKey(name)) {
            diagnostics.add(Diagnostic.error(Code.HYP014, s.span(), "`column(\"" + name + "\")` is given twice")
                .label("given again here")
                .secondary(seen.get(name), "first given here")
                .help("put all its settings in one `column(...)`")
                .build());
          }
          seen.put(name, s.span());
        } else {
          diagnostics.add(Diagnostic.error(i == 0 ? Code.HYP018 : Code.HYP019, argument.span(), i == 0
                  ? "`column` needs the column's name as a string first" : "`column` takes one name, then named settings")
              .label(i == 0 ? "not a string" : "one too many")
              .help("write `column(\"age\", kind = number, missing = median, indicator = true)`")
              .build());
        }
        continue;
      }
      switch (argument.name().name()) {
        case "kind" -> kind = symbol(argument.value(), "`kind`", KINDS);
        case "missing" -> missing = symbol(argument.value(), "`missing`", MISSING);
        case "indicator" -> indicator = bool(argument.value(), "`indicator`");
        case "encoding" -> encoding = symbol(argument.value(), "`encoding`", ENCODINGS);
        case "dim" -> {
          dim = dim(argument.value());
          dimSpan = argument.span();
        }
        default -> {
          String help = Suggestions.help(argument.name().name(), COLUMN_SETTINGS);
          diagnostics.add(Diagnostic.error(Code.HYP016, argument.name().span(), "`column` has no setting `"
                  + argument.name().name() + "`")
              .label("unknown")
              .help(help != null ? help : "its settings are `kind`, `missing`, `indicator`, `encoding` and `dim`")
              .build());
        }
      }
    }
    if (dim != null && CategoryEncoding.ONEHOT.hypName().equals(encoding) && diagnostics.errorCount() == errors) {
      diagnostics.add(Diagnostic.error(Code.HYP021, dimSpan, "`dim` is an embedding's, but the column is one-hot")
          .label("not with `encoding = onehot`")
          .help("remove `dim`, or write `encoding = embedding`")
          .build());
    }
    if ((encoding != null || dim != null) && ColumnKind.NUMBER.hypName().equals(kind)) {
      diagnostics.add(Diagnostic.error(Code.HYP021, member.span(), "a column of `kind = number` has no categories to "
              + "encode")
          .label("`encoding` and `dim` are a category's")
          .help("remove `encoding` and `dim`, or declare `kind = category`")
          .build());
    }
    if (name == null && diagnostics.errorCount() == errors) {
      diagnostics.add(Diagnostic.error(Code.HYP017, member.span(), "`column` needs the column's name")
          .label("which column?")
          .help("write `column(\"age\", kind = number)`")
          .build());
    }
    return diagnostics.errorCount() > errors ? Optional.empty()
        : Optional.of(new DataSpec.Column(name, kind, missing, indicator, encoding, dim));
  }

  private Long dim(Expression value) {
    Double number = Literals.number(value);
    if (number == null || !Literals.isInteger(value)) {
      diagnostics.add(Diagnostic.error(Code.HYP018, value.span(), "`dim` needs a whole number")
          .label("wrong type")
          .help("write the length of the column's learned vectors, such as `8`")
          .build());
      return null;
    }
    if (number < 1 || number > CategoryEncoding.MAX_DIM) {
      diagnostics.add(Diagnostic.error(Code.HYP020, value.span(), "`dim` must be at least 1 and at most "
              + CategoryEncoding.MAX_DIM)
          .label("out of range")
          .build());
      return null;
    }
    return number.longValue();
  }
}
