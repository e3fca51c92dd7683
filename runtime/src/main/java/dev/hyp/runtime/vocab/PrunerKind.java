package dev.hyp.runtime.vocab;

import java.util.List;
import java.util.Locale;

/**
 * `pruner = NAME(options)`: every pruner and its options. Pruners see one value per epoch (the
 * objective's metric on validation) and stop unpromising trials early.
 *
 * <p>Every pruner and option of the runtime is in the language. Hyperband's `max_epochs` is
 * required by the runtime's pruner; the language derives it (the largest `epochs` a trial can
 * have) when the spec leaves it out, and generated code always passes it.
 */
public enum PrunerKind implements Term {
  NONE,
  MEDIAN(
      Option.integer("warmup", 0, "epochs before a trial can be pruned").atLeast(0),
      Option.integer("startup", 5, "finished trials before any is pruned").atLeast(1)),
  ASHA(
      Option.integer("min_epochs", 1, "the first rung's epochs").atLeast(1),
      Option.integer("reduction", 3, "one in this many trials goes on at each rung").atLeast(2)),
  HYPERBAND(
      Option.integer("min_epochs", 1, "the smallest bracket's first rung").atLeast(1),
      Option.integer("reduction", 3, "one in this many trials goes on at each rung").atLeast(2),
      Option.integer("max_epochs", null, "the largest budget; default the largest `epochs`").atLeast(1));

  /** The pruner of a search that names none. */
  public static final PrunerKind DEFAULT = NONE;

  private final List<Option> options;

  PrunerKind(Option... options) {
    this.options = List.of(options);
  }

  public List<Option> options() {
    return options;
  }

  /** The option called {@code name}; an IllegalArgumentException when there is none. */
  public Option option(String name) {
    return options.stream().filter(o -> o.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(hypName() + " has no option `" + name + "`"));
  }

  @Override
  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a spec writes it, so a trial's parameters print as in the spec. */
  @Override
  public String toString() {
    return hypName();
  }

  public static PrunerKind of(String name) {
    return Term.of(PrunerKind.class, name, "pruner");
  }
}
