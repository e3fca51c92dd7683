package dev.hyp.runtime.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses a number from the bytes of a CSV cell without making a String: always exactly the double
 * {@link Double#parseDouble} gives for the same text. Plain decimals ({@code -12.5}, {@code 3e-4})
 * of at most 15 significant digits whose power of ten is within 10^±22 take Clinger's fast path
 * (the digits and the power are exact doubles, so one multiplication or division rounds correctly,
 * as parseDouble does); anything else (more digits, hex, `Infinity`, a `d` suffix, a typo) goes to
 * parseDouble itself.
 */
final class DecimalParser {
  private DecimalParser() {}

  private static final double[] POWERS = new double[23];
  private static final long MAX_EXACT = 999_999_999_999_999L; // 15 digits: below 2^53

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
  }

  /**
   * The value of {@code bytes[from, to)}, as parseDouble reads that text.
   *
   * @throws NumberFormatException as parseDouble does
   */
  static double parse(byte[] bytes, int from, int to) {
    double fast = fast(bytes, from, to);
    return fast == fast ? fast : slow(bytes, from, to); // NaN: not a plain decimal
  }

  /** The text as parseDouble reads it (the slow path, and for messages). */
  static double slow(byte[] bytes, int from, int to) {
    return Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.UTF_8));
  }

  /** The value of a plain short decimal, or NaN when it is not one (parseDouble decides then). */
  static double fast(byte[] bytes, int from, int to) {
    int i = from;
    if (i >= to) {
      return Double.NaN;
    }
    boolean negative = false;
    if (bytes[i] == '-' || bytes[i] == '+') {
      negative = bytes[i] == '-';
      i++;
    }
    long digits = 0;
    int exponent = 0;
    boolean any = false;
    while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
      any = true;
      digits = digits * 10 + (bytes[i] - '0');
      if (digits > MAX_EXACT) {
        return Double.NaN;
      }
      i++;
    }
    if (i < to && bytes[i] == '.') {
      i++;
      while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
        any = true;
        digits = digits * 10 + (bytes[i] - '0');
        if (digits > MAX_EXACT) {
          return Double.NaN;
        }
        exponent--;
        i++;
      }
    }
    if (!any) {
      return Double.NaN;
    }
    if (i < to && (bytes[i] == 'e' || bytes[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
        negativeExponent = bytes[i] == '-';
        i++;
      }
      if (i == to) {
        return Double.NaN;
      }
      int e = 0;
      while (i < to && bytes[i] >= '0' && bytes[i] <= '9') {
        e = e * 10 + (bytes[i] - '0');
        if (e > 1000) {
          return Double.NaN;
        }
        i++;
      }
      exponent += negativeExponent ? -e : e;
    }
    if (i != to) {
      return Double.NaN;
    }
    double value;
    if (digits == 0) {
      value = 0;
    } else if (exponent >= 0 && exponent < POWERS.length) {
      value = digits * POWERS[exponent];
    } else if (exponent < 0 && -exponent < POWERS.length) {
      value = digits / POWERS[-exponent];
    } else {
      return Double.NaN;
    }
    return negative ? -value : value;
  }
}
