package dev.hyp.compiler.diff;

/**
 * One difference between two versions of a spec, as `hyp diff` says it.
 *
 * @param section where in the spec: {@code experiment}, {@code data}, {@code params}, {@code model},
 *     {@code train}, {@code search}, {@code objective} or {@code budget}
 * @param subject what changed, for people: {@code `lr`}, {@code layer 2 `dense` `units`}; null for the whole section
 * @param text the change in a few words: "loguniform(1e-4, 1e-1) -> loguniform(1e-3, 1e-1), narrowed"
 */
public record Change(String section, String subject, String text) {
  /** The sections in the order a spec has them. */
  public static final java.util.List<String> SECTIONS =
      java.util.List.of("experiment", "data", "params", "model", "train", "search", "objective", "budget");

  /** The change as one line: "`lr`: loguniform(1e-4, 1e-1) -> loguniform(1e-3, 1e-1), narrowed". */
  public String line() {
    return subject == null ? text : subject + ": " + text;
  }
}
