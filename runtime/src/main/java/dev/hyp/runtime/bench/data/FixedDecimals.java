package dev.hyp.runtime.bench.data;

/**
 * Appends a double with a fixed number of decimals, the same on every JVM and locale and much
 * faster than {@code String.format}: the value times 10^decimals is rounded half-even
 * ({@link Math#rint}, exact IEEE arithmetic) and printed as digits. Zero is written as {@code 0}
 * (short files: most pixels are zero), never as {@code -0.000}.
 */
public final class FixedDecimals {
  private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private FixedDecimals() {}

  public static void append(StringBuilder out, double value, int decimals) {
    if (!Double.isFinite(value) || decimals < 0 || decimals >= POWERS.length) {
      throw new IllegalArgumentException("cannot write " + value + " with " + decimals + " decimals");
    }
    long scaled = (long) Math.rint(value * POWERS[decimals]);
    if (scaled == 0) {
      out.append('0');
      return;
    }
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    out.append(scaled / POWERS[decimals]);
    if (decimals > 0) {
      out.append('.');
      String fraction = Long.toString(scaled % POWERS[decimals]);
      for (int i = fraction.length(); i < decimals; i++) {
        out.append('0');
      }
      out.append(fraction);
    }
  }
}
