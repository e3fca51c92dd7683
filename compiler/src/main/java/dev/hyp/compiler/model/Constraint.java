package dev.hyp.compiler.model;

/**
 * A bound in `constraints { }`: `params <= 20000`.
 *
 * @param measure a metric, `params`, `train_time` or `latency`
 * @param split a metric's split, null for the other measures
 * @param atMost true for `<=`, false for `>=`
 */
public record Constraint(String measure, String split, boolean atMost, double bound) {}
