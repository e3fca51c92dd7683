package dev.hyp.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user of samples/data/friedman1.csv would check. */
class Friedman1DataTest {

    private static SampleCsv csv;

    @BeforeAll
    static void read() throws IOException {
        csv = SampleCsv.read(Friedman1.FILE_NAME);
    }

    @Test
    void has500RowsAndTenFeaturesThenTheLabel() {
        assertEquals(List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "y"), csv.header());
        assertEquals(500, csv.rows().size());
        for (String[] row : csv.rows()) {
            assertEquals(11, row.length);
        }
    }

    @Test
    void everyValueHasSixDecimals() {
        for (String[] row : csv.rows()) {
            for (String cell : row) {
                assertTrue(cell.matches("-?\\d+\\.\\d{6}"), "not a 6-decimal number: " + cell);
            }
        }
    }

    @Test
    void featuresAreUniformInTheUnitInterval() {
        for (int c = 0; c < 10; c++) {
            double sum = 0;
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (String[] row : csv.rows()) {
                double x = Double.parseDouble(row[c]);
                assertTrue(x >= 0.0 && x <= 1.0, "x" + (c + 1) + " out of [0,1]: " + x);
                sum += x;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            double mean = sum / csv.rows().size();
            assertEquals(0.5, mean, 0.05, "mean of x" + (c + 1));
            assertTrue(min < 0.02 && max > 0.98, "x" + (c + 1) + " does not span [0,1]: " + min + ".." + max);
        }
    }

    @Test
    void labelIsTheFriedmanFormulaPlusUnitGaussianNoise() {
        List<Double> residuals = new ArrayList<>();
        for (String[] row : csv.rows()) {
            double[] x = new double[10];
            for (int c = 0; c < 10; c++) {
                x[c] = Double.parseDouble(row[c]);
            }
            double y = Double.parseDouble(row[csv.column("y")]);
            residuals.add(y - Friedman1.response(x));
        }
        double mean = residuals.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = residuals.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum()
                / (residuals.size() - 1);
        double std = Math.sqrt(variance);
        assertEquals(0.0, mean, 0.15, "residual mean");
        assertTrue(std > 0.8 && std < 1.2, "residual std " + std);
        assertTrue(residuals.stream().allMatch(r -> Math.abs(r) < 5.0), "a residual beyond 5 sigma");
    }

    @Test
    void formulaMatchesTheDefinition() {
        // 10 sin(pi * 0.5 * 1) + 20 (0.5 - 0.5)^2 + 10 * 0.2 + 5 * 0.4 = 10 + 0 + 2 + 2
        assertEquals(14.0, Friedman1.response(new double[] {0.5, 1.0, 0.5, 0.2, 0.4, 9, 9, 9, 9, 9}), 1e-12);
        // 10 sin(0) + 20 * 0.25 + 0 + 5 = 10
        assertEquals(10.0, Friedman1.response(new double[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 0}), 1e-12);
    }

    @Test
    void labelRangeIsPlausible() {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (String[] row : csv.rows()) {
            double y = Double.parseDouble(row[csv.column("y")]);
            min = Math.min(min, y);
            max = Math.max(max, y);
        }
        // noise-free y lies in [0, 30]; with N(0,1) noise the sample stays well inside [-5, 35]
        assertTrue(min > -5.0 && max < 35.0, "y range " + min + ".." + max);
        assertTrue(max - min > 15.0, "y range too narrow: " + min + ".." + max);
    }
}
