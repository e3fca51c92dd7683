package dev.hyp.runtime.vocab;

import java.util.Arrays;
import java.util.List;

/** A constant of the language: it knows how a spec spells it (lower case, as in docs/language.md). */
public interface Term {
  String hypName();

  /** The constant a spec spells {@code name}, or an IllegalArgumentException naming {@code what}. */
  static <E extends Enum<E> & Term> E of(Class<E> type, String name, String what) {
    for (E constant : type.getEnumConstants()) {
      if (constant.hypName().equals(name)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown " + what + " `" + name + "`");
  }

  /** Every spelling of {@code type}, in declaration order (the order the reference lists them). */
  static <E extends Enum<E> & Term> List<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Term::hypName).toList();
  }
}
