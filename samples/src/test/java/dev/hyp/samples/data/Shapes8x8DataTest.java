package dev.hyp.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a user of samples/data/shapes8x8.csv would check. */
class Shapes8x8DataTest {

    private static SampleCsv csv;
    private static double[][] pixels;
    private static String[] labels;

    @BeforeAll
    static void read() throws IOException {
        csv = SampleCsv.read(Shapes8x8.FILE_NAME);
        int n = csv.rows().size();
        pixels = new double[n][64];
        labels = new String[n];
        for (int r = 0; r < n; r++) {
            String[] row = csv.rows().get(r);
            for (int p = 0; p < 64; p++) {
                pixels[r][p] = Double.parseDouble(row[p]);
            }
            labels[r] = row[64];
        }
    }

    @Test
    void has400RowsOf64PixelsThenTheLabel() {
        assertEquals(65, csv.header().size());
        for (int p = 0; p < 64; p++) {
            assertEquals("p" + p, csv.header().get(p));
        }
        assertEquals("shape", csv.header().get(64));
        assertEquals(400, csv.rows().size());
        for (String[] row : csv.rows()) {
            assertEquals(65, row.length);
        }
    }

    @Test
    void hasExactly100OfEachOfTheFourClasses() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        assertEquals(Map.of("circle", 100, "cross", 100, "square", 100, "triangle", 100), counts);
    }

    @Test
    void pixelsAreInTheUnitIntervalWithThreeDecimals() {
        for (String[] row : csv.rows()) {
            for (int p = 0; p < 64; p++) {
                assertTrue(row[p].matches("\\d\\.\\d{3}"), "not a 3-decimal pixel: " + row[p]);
                double v = Double.parseDouble(row[p]);
                assertTrue(v >= 0.0 && v <= 1.0, "pixel out of [0,1]: " + v);
            }
        }
    }

    @Test
    void rowsAreShuffledNotGroupedByClass() {
        Set<String> firstQuarter = new HashSet<>(List.of(labels).subList(0, 100));
        assertEquals(4, firstQuarter.size(), "the first 100 rows should mix all classes");
        int sameAsPrevious = 0;
        for (int r = 1; r < labels.length; r++) {
            if (labels[r].equals(labels[r - 1])) {
                sameAsPrevious++;
            }
        }
        assertTrue(sameAsPrevious < 150, "labels look sorted: " + sameAsPrevious + " repeats");
    }

    @Test
    void everyImageShowsAShapeOnADarkBackground() {
        for (int r = 0; r < pixels.length; r++) {
            double brightest = 0;
            double ink = 0;
            int dark = 0;
            for (double v : pixels[r]) {
                brightest = Math.max(brightest, v);
                ink += v;
                if (v < 0.2) {
                    dark++;
                }
            }
            String which = "row " + r + " (" + labels[r] + ")";
            assertTrue(brightest >= 0.5, which + " has no bright pixel: " + brightest);
            assertTrue(ink >= 3.0, which + " has too little ink: " + ink);
            assertTrue(dark >= 16, which + " has only " + dark + " dark pixels");
        }
    }

    @Test
    void imagesAreNotCopiesOfEachOther() {
        Set<String> distinct = new HashSet<>();
        for (String[] row : csv.rows()) {
            distinct.add(String.join(",", List.of(row).subList(0, 64)));
        }
        assertEquals(400, distinct.size(), "duplicate images");
    }

    @Test
    void classesAreLearnableButNotTrivial() {
        // leave-one-out 1-nearest-neighbour on raw pixels: a crude stand-in for a small CNN
        int correct = 0;
        for (int i = 0; i < pixels.length; i++) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int j = 0; j < pixels.length; j++) {
                if (i == j) {
                    continue;
                }
                double d = 0;
                for (int p = 0; p < 64; p++) {
                    double diff = pixels[i][p] - pixels[j][p];
                    d += diff * diff;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = j;
                }
            }
            if (labels[best].equals(labels[i])) {
                correct++;
            }
        }
        double accuracy = correct / (double) pixels.length;
        assertTrue(accuracy > 0.8, "1-NN accuracy " + accuracy + ": classes are not separable enough");
        assertTrue(accuracy < 1.0, "1-NN accuracy " + accuracy + ": the task is trivial");
    }

    @Test
    void shapesVaryInPositionWithinAClass() {
        for (String shape : List.of("circle", "cross", "square", "triangle")) {
            double minCol = Double.MAX_VALUE;
            double maxCol = -Double.MAX_VALUE;
            for (int r = 0; r < pixels.length; r++) {
                if (!labels[r].equals(shape)) {
                    continue;
                }
                double mass = 0;
                double col = 0;
                for (int p = 0; p < 64; p++) {
                    mass += pixels[r][p];
                    col += pixels[r][p] * (p % 8);
                }
                minCol = Math.min(minCol, col / mass);
                maxCol = Math.max(maxCol, col / mass);
            }
            assertTrue(maxCol - minCol > 1.0, shape + " centres span only " + minCol + ".." + maxCol);
        }
    }
}
