package dev.hyp.compiler.model;

import java.util.Map;

/**
 * How to search: the strategy and its options, the budget and the pruner. {@code timeoutSeconds},
 * {@code target} and {@code maxFailures} are null when not set. {@code refit}: train the best
 * trial's configuration on every non-test row once the search is over (`refit = true`).
 */
public record SearchSpec(String strategy, Map<String, Object> options, long trials, long parallel,
    Long timeoutSeconds, Double target, Long maxFailures, Pruner pruner, boolean refit) {

  public SearchSpec {
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
  }

  /** Without a refit. */
  public SearchSpec(String strategy, Map<String, Object> options, long trials, long parallel, Long timeoutSeconds,
      Double target, Long maxFailures, Pruner pruner) {
    this(strategy, options, trials, parallel, timeoutSeconds, target, maxFailures, pruner, false);
  }

  /** `none`, `median`, `asha` or `hyperband`, with every option by name (defaults filled in). */
  public record Pruner(String name, Map<String, Object> options) {
    public Pruner {
      options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
  }
}
