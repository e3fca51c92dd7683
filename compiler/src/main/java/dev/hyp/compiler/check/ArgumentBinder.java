package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Argument;
import dev.hyp.compiler.ast.Call;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches a call's positional and named arguments to a signature's parameters. */
final class ArgumentBinder {
  private final Diagnostics diagnostics;

  ArgumentBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The arguments by parameter name, in the signature's order of the arguments written.
   * Reports unknown, repeated, surplus and missing arguments; empty if any.
   */
  Optional<Map<String, Argument>> bind(Call call, Signature signature, String what) {
    Map<String, Argument> bound = new LinkedHashMap<>();
    boolean ok = true;
    boolean sawNamed = false;
    int position = 0;
    for (Argument argument : call.arguments()) {
      String name;
      if (argument.isNamed()) {
        sawNamed = true;
        name = argument.name().name();
        if (!signature.accepts(name)) {
          diagnostics.add(unknownArgument(argument, signature, what));
          ok = false;
          continue;
        }
      } else {
        if (sawNamed) {
          diagnostics.add(Diagnostic.error(Code.HYP021, argument.span(), "positional argument after a named one")
              .label("give this argument its name")
              .build());
          ok = false;
          continue;
        }
        if (position >= signature.parameters().size()) {
          diagnostics.add(tooMany(argument, signature, what));
          ok = false;
          continue;
        }
        name = signature.parameters().get(position++).name();
      }
      Argument earlier = bound.get(name);
      if (earlier != null) {
        diagnostics.add(Diagnostic.error(Code.HYP014, argument.span(), "argument `" + name + "` is given twice")
            .label("given again here")
            .secondary(earlier.span(), "first given here")
            .build());
        ok = false;
        continue;
      }
      bound.put(name, argument);
    }
    for (Signature.Parameter parameter : signature.parameters()) {
      if (parameter.required() && !bound.containsKey(parameter.name()) && ok) {
        diagnostics.add(Diagnostic.error(Code.HYP017, call.callee().span(),
                what + " `" + signature.name() + "` needs `" + parameter.name() + "`")
            .label("`" + parameter.name() + "` is missing")
            .help("add `" + parameter.name() + " = ...`, " + parameter.type().description())
            .build());
        ok = false;
      }
    }
    return ok ? Optional.of(bound) : Optional.empty();
  }

  private static Diagnostic unknownArgument(Argument argument, Signature signature, String what) {
    String name = argument.name().name();
    Diagnostic.Builder builder = Diagnostic.error(Code.HYP016, argument.name().span(),
            what + " `" + signature.name() + "` has no argument `" + name + "`")
        .label("unknown argument");
    List<String> accepted = signature.parameters().stream().map(Signature.Parameter::name).toList();
    String suggestion = Habits.argument(signature.name(), name, accepted);
    if (suggestion == null) {
      suggestion = Suggestions.help(name, accepted);
    }
    if (suggestion != null) {
      builder.help(suggestion);
    } else {
      builder.help(accepted(signature));
    }
    return builder.build();
  }

  private static Diagnostic tooMany(Argument argument, Signature signature, String what) {
    int count = signature.parameters().size();
    return Diagnostic.error(Code.HYP019, argument.span(),
            what + " `" + signature.name() + "` takes " + (count == 0 ? "no arguments" : "at most " + count
                + " argument" + (count == 1 ? "" : "s")))
        .label("one too many")
        .help(accepted(signature))
        .build();
  }

  static String accepted(Signature signature) {
    if (signature.parameters().isEmpty()) {
      return "write `" + signature.name() + "()`";
    }
    return "its arguments are " + signature.parameters().stream()
        .map(p -> "`" + p.name() + "`").reduce((a, b) -> a + ", " + b).orElse("");
  }
}
