package dev.hyp.compiler.check;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.source.Span;
import java.util.List;

/** Whether a parameter may be read at a place, and whether every value it can take fits there. */
final class ParameterFit {
  private final Diagnostics diagnostics;

  ParameterFit(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** False (reported) when the place takes fixed values only. */
  boolean allowed(ParamInfo parameter, Span at, Place place) {
    if (place.parametersAllowed()) {
      return true;
    }
    diagnostics.add(Diagnostic.error(Code.HYP021, at, "parameters cannot be used in " + place.description())
        .label("`" + parameter.name() + "` is a parameter")
        .help("only `data`, `model` and `train` can use parameters; write a fixed value here")
        .build());
    return false;
  }

  /** Whether every value the parameter can take fits the place's type and range; false when reported. */
  boolean fits(ParamInfo parameter, Span usage, Place place) {
    Type type = place.type();
    if (type.isNumeric()) {
      boolean kindFits = type == Type.INT ? parameter.kind == ParamInfo.Kind.INT : parameter.isNumeric();
      if (!kindFits) {
        return mismatch(parameter, usage, place);
      }
      String tooLow = place.parameter().rangeProblem(parameter.min);
      String tooHigh = place.parameter().rangeProblem(parameter.max);
      if (tooLow != null || tooHigh != null) {
        double offending = tooLow != null ? parameter.min : parameter.max;
        diagnostics.add(Diagnostic.error(Code.HYP020, usage, "`" + parameter.name() + "` can be "
                + Builtins.format(offending) + ", but " + place.description() + " must be "
                + (tooLow != null ? tooLow : tooHigh))
            .label("out of range in some trials")
            .secondary(parameter.valueSpan, "`" + parameter.name() + "` is declared here")
            .build());
        return false;
      }
      return true;
    }
    if (type == Type.STRING || type == Type.BOOLEAN) {
      ParamInfo.Kind wanted = type == Type.STRING ? ParamInfo.Kind.STRING : ParamInfo.Kind.BOOLEAN;
      return parameter.kind == wanted || mismatch(parameter, usage, place);
    }
    return symbolsFit(parameter, usage, place);
  }

  /** A parameter choosing among names: each name must be one the place knows (each unknown one reported). */
  private boolean symbolsFit(ParamInfo parameter, Span usage, Place place) {
    Type type = place.type();
    List<String> symbols = Builtins.symbols(type);
    if (parameter.kind != ParamInfo.Kind.SYMBOLS || symbols.isEmpty()) {
      return mismatch(parameter, usage, place);
    }
    boolean ok = true;
    for (int i = 0; i < parameter.values.size(); i++) {
      String value = (String) parameter.values.get(i);
      if (!symbols.contains(value)) {
        Diagnostic.Builder builder = Diagnostic.error(Code.HYP012, parameter.valueSpans.get(i),
                "unknown " + type.noun() + " `" + value + "`")
            .label("not " + type.description())
            .secondary(usage, "`" + parameter.name() + "` is used as " + type.description() + " here");
        String help = Suggestions.help(value, symbols);
        diagnostics.add(help == null ? builder.build() : builder.help(help).build());
        ok = false;
      }
    }
    return ok;
  }

  private boolean mismatch(ParamInfo parameter, Span usage, Place place) {
    String what = parameter.kind == ParamInfo.Kind.SYMBOLS
        ? "a choice of names (" + PlainValue.describe(parameter.values) + ")"
        : parameter.kind.description();
    diagnostics.add(Diagnostic.error(Code.HYP018, usage, "`" + parameter.name() + "` is " + what + ", but "
            + place.description() + " needs " + place.type().description())
        .label("wrong type")
        .secondary(parameter.valueSpan, "`" + parameter.name() + "` is declared here")
        .build());
    return false;
  }
}
