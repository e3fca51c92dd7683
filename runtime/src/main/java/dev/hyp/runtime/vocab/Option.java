package dev.hyp.runtime.vocab;

/**
 * One option of an updater, a search strategy or a pruner, described once: the checker turns it
 * into an argument it checks, the runtime reads its default, and docs/language.md lists it.
 *
 * @param defaultValue a Long (for {@link Kind#INT}) or a Double, or null when the option's value
 *     is derived when absent (the doc line says how)
 * @param min the lower bound, or null; exclusive when {@code minExclusive}
 * @param max the upper bound (inclusive), or null
 * @param doc what the option means, in a few words
 */
public record Option(String name, Kind kind, Number defaultValue, Double min, boolean minExclusive, Double max,
    String doc) {

  /** Options are whole numbers or numbers. */
  public enum Kind { INT, NUMBER }

  public Option {
    if (defaultValue != null && !(kind == Kind.INT ? defaultValue instanceof Long : defaultValue instanceof Double)) {
      throw new IllegalArgumentException(name + ": the default of an " + kind + " option is a "
          + (kind == Kind.INT ? "Long" : "Double"));
    }
  }

  /** A whole-number option; {@code defaultValue} null: derived when absent. */
  public static Option integer(String name, Integer defaultValue, String doc) {
    return new Option(name, Kind.INT, defaultValue == null ? null : (long) defaultValue, null, false, null, doc);
  }

  /** A number option; {@code defaultValue} null: derived when absent. */
  public static Option number(String name, Double defaultValue, String doc) {
    return new Option(name, Kind.NUMBER, defaultValue, null, false, null, doc);
  }

  public Option atLeast(double min) {
    return new Option(name, kind, defaultValue, min, false, max, doc);
  }

  public Option above(double min) {
    return new Option(name, kind, defaultValue, min, true, max, doc);
  }

  public Option atMost(double max) {
    return new Option(name, kind, defaultValue, min, minExclusive, max, doc);
  }

  /** The default as an int; only for an INT option that has one. */
  public int defaultInt() {
    return Math.toIntExact((Long) defaultValue);
  }

  /** The default as a double; only for an option that has one. */
  public double defaultDouble() {
    return defaultValue.doubleValue();
  }
}
