package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.model.ParamSpec;
import dev.hyp.compiler.source.Span;
import java.util.List;

/** What the checker knows of one declared parameter while it checks the rest of the spec. */
final class ParamInfo {
  /** The kind of values a parameter takes. */
  enum Kind {
    INT, NUMBER, STRING, BOOLEAN, SYMBOLS;

    String description() {
      return switch (this) {
        case INT -> "an integer";
        case NUMBER -> "a number";
        case STRING -> "a string";
        case BOOLEAN -> "a boolean";
        case SYMBOLS -> "a name";
      };
    }
  }

  final ParamSpec spec;
  /** Where the declaration's name, value and condition (null when it has none) are written. */
  final Span nameSpan;
  final Span valueSpan;
  final Span conditionSpan;
  final int order;
  final Kind kind;
  /** The values of a choice or constant (null for ranges), with the span each was written at. */
  final List<Object> values;
  final List<Span> valueSpans;
  final double min;
  final double max;
  private boolean used;

  ParamInfo(ParamSpec spec, Span nameSpan, Span valueSpan, Span conditionSpan, int order, Kind kind,
      List<Object> values, List<Span> valueSpans, double min, double max) {
    this.spec = spec;
    this.nameSpan = nameSpan;
    this.valueSpan = valueSpan;
    this.conditionSpan = conditionSpan;
    this.order = order;
    this.kind = kind;
    this.values = values;
    this.valueSpans = valueSpans;
    this.min = min;
    this.max = max;
  }

  String name() {
    return spec.name();
  }

  boolean isConditional() {
    return spec.isConditional();
  }

  boolean isPerLayer() {
    return spec.isPerLayer();
  }

  boolean isConstant() {
    return spec.distribution() instanceof Distribution.Constant;
  }

  boolean isNumeric() {
    return kind == Kind.INT || kind == Kind.NUMBER;
  }

  void markUsed() {
    used = true;
  }

  boolean used() {
    return used;
  }
}
