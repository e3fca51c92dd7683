package dev.hyp.samples.data;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats doubles with a fixed number of decimals, identically on every JVM.
 *
 * <p>The exact binary value of the double is rounded half-even with {@link BigDecimal}, so the
 * result does not depend on the JDK's shortest-representation algorithm or on the default locale.
 */
public final class Decimals {

    private Decimals() {
    }

    public static String format(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        BigDecimal rounded = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN);
        if (rounded.signum() == 0) {
            rounded = BigDecimal.ZERO.setScale(decimals); // never "-0.000"
        }
        return rounded.toPlainString();
    }
}
