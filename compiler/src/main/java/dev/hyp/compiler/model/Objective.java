package dev.hyp.compiler.model;

/**
 * `maximize|minimize METRIC on validation|test`, or one of several objectives: `minimize params`
 * (a measure that is not a metric has no split: {@code split} is null).
 */
public record Objective(boolean maximize, String metric, String split) {}
