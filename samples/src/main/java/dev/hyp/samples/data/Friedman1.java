package dev.hyp.samples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The Friedman #1 regression problem (Friedman 1991, as in scikit-learn's make_friedman1):
 * ten features {@code x1..x10} uniform in [0, 1], of which only the first five matter, and
 * {@code y = 10 sin(pi x1 x2) + 20 (x3 - 0.5)^2 + 10 x4 + 5 x5 + N(0, 1)}.
 */
public final class Friedman1 {

    public static final String FILE_NAME = "friedman1.csv";
    public static final long SEED = 1991L;
    public static final int ROWS = 500;
    public static final int FEATURES = 10;
    public static final double NOISE_STD = 1.0;
    public static final int DECIMALS = 6;
    public static final String LABEL = "y";

    private Friedman1() {
    }

    /** The noise-free response; {@code x[0]} is x1. StrictMath keeps it identical on every JVM. */
    public static double response(double[] x) {
        double shifted = x[2] - 0.5;
        return 10.0 * StrictMath.sin(StrictMath.PI * x[0] * x[1])
                + 20.0 * shifted * shifted
                + 10.0 * x[3]
                + 5.0 * x[4];
    }

    public static List<String> header() {
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= FEATURES; i++) {
            header.add("x" + i);
        }
        header.add(LABEL);
        return header;
    }

    public static CsvTable generate() {
        return generate(SEED, ROWS);
    }

    public static CsvTable generate(long seed, int rows) {
        Random random = new Random(seed);
        List<List<String>> table = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            double[] x = new double[FEATURES];
            for (int i = 0; i < FEATURES; i++) {
                x[i] = random.nextDouble();
            }
            double y = response(x) + NOISE_STD * random.nextGaussian();
            List<String> row = new ArrayList<>(FEATURES + 1);
            for (double value : x) {
                row.add(Decimals.format(value, DECIMALS));
            }
            row.add(Decimals.format(y, DECIMALS));
            table.add(row);
        }
        return new CsvTable(header(), table);
    }
}
