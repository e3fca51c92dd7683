package dev.hyp.compiler.check;

import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;

/**
 * Where a conditional parameter may be read: only in places that can be left out in trials
 * where it does not exist, which its value then says with {@link Value.IfPresent}.
 */
final class ConditionalUse {
  private ConditionalUse() {}

  /** A conditional parameter in an optional place: the place's default stands in where it does not exist. */
  static Value ifPresent(Value value, Place place) {
    return new Value.IfPresent(value, Defaults.of(place.parameter(), value.span()), value.span());
  }

  /**
   * A call's argument whose parameter may not exist is left out in those trials (the callee's
   * own default applies, which for a parameter choosing the callee differs from callee to callee).
   */
  static Value omittedWhenAbsent(Value value) {
    return value instanceof Value.IfPresent present
        ? new Value.IfPresent(present.value(), null, present.span()) : value;
  }

  static Diagnostic misuse(Span at, ParamInfo parameter, String where) {
    return Diagnostic.error(Code.HYP038, at, "`" + parameter.name() + "` may not exist here")
        .label("used in " + where)
        .secondary(parameter.conditionSpan, "`" + parameter.name() + "` exists only when this holds")
        .help("use `" + parameter.name() + "` only as an optional argument, which is left out in trials where it "
            + "does not exist")
        .build();
  }
}
