package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.Name;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a name of the language where one is wanted: an activation, a loss, a weight init, ... */
final class SymbolChecker {
  private final Diagnostics diagnostics;
  private final ParamTable params;
  private final TypeMismatches mismatches;

  SymbolChecker(Diagnostics diagnostics, ParamTable params, TypeMismatches mismatches) {
    this.diagnostics = diagnostics;
    this.params = params;
    this.mismatches = mismatches;
  }

  /** The symbol, or empty after reporting. */
  Optional<Value> check(Expression expression, Place place) {
    Type type = place.type();
    if (expression instanceof Name n) {
      if (Builtins.symbols(type).contains(n.name())) {
        return Optional.of(Value.symbol(n.name(), n.span()));
      }
      return unknown(n, place);
    }
    if (expression instanceof StringLiteral s && Builtins.symbols(type).contains(s.value())) {
      diagnostics.add(Diagnostic.error(Code.HYP018, s.span(), place.description() + " needs " + type.description()
              + ", found a string")
          .label("a string")
          .help("write `" + s.value() + "` without quotes")
          .build());
      return Optional.empty();
    }
    return mismatches.report(expression, place);
  }

  private Optional<Value> unknown(Name name, Place place) {
    Type type = place.type();
    List<String> candidates = new ArrayList<>(Builtins.symbols(type));
    candidates.addAll(params.names());
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP012, name.span(), "unknown " + type.noun() + " `"
            + name.name() + "`")
        .label("not " + type.description());
    String help = Habits.symbol(type, name.name());
    if (help == null) {
      help = Suggestions.help(name.name(), candidates);
    }
    diagnostics.add(help == null ? builder.help(listOf(type)).build() : builder.help(help).build());
    return Optional.empty();
  }

  private static String listOf(Type type) {
    List<String> symbols = Builtins.symbols(type);
    List<String> shown = symbols.size() > 8 ? symbols.subList(0, 8) : symbols;
    return "known " + type.noun() + "s: " + String.join(", ", shown.stream().map(s -> "`" + s + "`").toList())
        + (symbols.size() > shown.size() ? ", ..." : "");
  }
}
