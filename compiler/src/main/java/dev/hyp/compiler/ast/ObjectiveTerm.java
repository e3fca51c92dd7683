package dev.hyp.compiler.ast;

import dev.hyp.compiler.source.Span;

/** One objective of several: `maximize MEASURE [on SPLIT]`; {@code split} is null when not written. */
public record ObjectiveTerm(boolean maximize, Span directionSpan, Identifier measure, Identifier split, Span span)
    implements Node {}
