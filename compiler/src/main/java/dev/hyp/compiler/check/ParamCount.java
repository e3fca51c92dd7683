package dev.hyp.compiler.check;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import java.util.List;

/**
 * Bounds the parameters a spec declares. The generated code handles any number (a class takes
 * over from the record when it would not fit), but each parameter is a field, a method and an entry
 * of the search space, and a Java class holds at most 65,535 constants.
 */
final class ParamCount {
  /** Searches tune tens of parameters; a per-layer parameter counts once, whatever its layers. */
  static final int MAX_PARAMS = 1000;

  private ParamCount() {}

  /** Reports the first parameter beyond the limit. */
  static void check(ParamTable params, Diagnostics diagnostics) {
    List<ParamInfo> all = params.all();
    if (all.size() <= MAX_PARAMS) {
      return;
    }
    ParamInfo first = all.get(MAX_PARAMS);
    diagnostics.add(Diagnostic.error(Code.HYP041, first.nameSpan, "the spec declares " + all.size()
            + " parameters")
        .label("parameter " + (MAX_PARAMS + 1))
        .help("hyp takes at most " + MAX_PARAMS + " parameters; a per-layer parameter such as `units[depth]`"
            + " counts once")
        .build());
  }
}
