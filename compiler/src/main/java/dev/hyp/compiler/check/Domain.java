package dev.hyp.compiler.check;

import dev.hyp.compiler.model.Distribution;
import dev.hyp.compiler.source.Span;
import java.util.List;

/**
 * What a parameter's values are: its distribution, their kind, the values of a choice or
 * constant with where each is written (null for ranges), and the smallest and largest number.
 */
record Domain(Distribution distribution, ParamInfo.Kind kind, List<Object> values, List<Span> valueSpans,
    double min, double max) {}
