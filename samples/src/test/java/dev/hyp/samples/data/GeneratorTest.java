package dev.hyp.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The generator's building blocks and its determinism. */
class GeneratorTest {

    @Test
    void generatorsAreDeterministic() {
        assertEquals(CsvWriter.toCsv(Friedman1.generate()), CsvWriter.toCsv(Friedman1.generate()));
        assertEquals(CsvWriter.toCsv(Shapes8x8.generate()), CsvWriter.toCsv(Shapes8x8.generate()));
    }

    @Test
    void theSeedMatters() {
        assertNotEquals(CsvWriter.toCsv(Friedman1.generate(1L, 20)), CsvWriter.toCsv(Friedman1.generate(2L, 20)));
        assertNotEquals(CsvWriter.toCsv(Shapes8x8.generate(1L, 5)), CsvWriter.toCsv(Shapes8x8.generate(2L, 5)));
    }

    @Test
    void outputDoesNotDependOnTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        String expected = CsvWriter.toCsv(Friedman1.generate(7L, 10));
        try {
            Locale.setDefault(Locale.GERMANY); // decimal comma
            assertEquals(expected, CsvWriter.toCsv(Friedman1.generate(7L, 10)));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void decimalsRoundTheExactValueAndNeverPrintMinusZero() {
        assertEquals("0.500000", Decimals.format(0.5, 6));
        assertEquals("1.000", Decimals.format(0.99996, 3));
        assertEquals("0.000", Decimals.format(-0.0001, 3));
        assertEquals("0.000", Decimals.format(-0.0, 3));
        assertEquals("-1.250", Decimals.format(-1.25, 3));
        assertEquals("12.000000", Decimals.format(12, 6));
        assertThrows(IllegalArgumentException.class, () -> Decimals.format(Double.NaN, 3));
    }

    @Test
    void csvWriterUsesNewlinesAndRejectsCellsThatNeedQuoting() {
        CsvTable table = new CsvTable(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3", "4")));
        assertEquals("a,b\n1,2\n3,4\n", CsvWriter.toCsv(table));
        assertThrows(IllegalArgumentException.class,
                () -> CsvWriter.toCsv(new CsvTable(List.of("a"), List.of(List.of("x,y")))));
        assertThrows(IllegalArgumentException.class,
                () -> new CsvTable(List.of("a", "b"), List.of(List.of("1"))));
    }

    @Test
    void shuffleIsAPermutationFixedByTheSeed() {
        List<Integer> a = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        List<Integer> b = new ArrayList<>(a);
        SeededShuffle.shuffle(a, new Random(3));
        SeededShuffle.shuffle(b, new Random(3));
        assertEquals(a, b);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), a.stream().sorted().toList());
        assertNotEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), a);
    }

    @Test
    void rendererDrawsEachShapeWhereExpected() {
        // half-size 3 around (3.5, 3.5) puts the strokes on pixel centres: rows/cols 0, 3 and 6
        double[] circle = ShapeRenderer.render(ShapeKind.CIRCLE, 3.5, 3.5, 3, 1);
        double[] cross = ShapeRenderer.render(ShapeKind.CROSS, 3.5, 3.5, 3, 1);
        double[] square = ShapeRenderer.render(ShapeKind.SQUARE, 3.5, 3.5, 3, 1);
        double[] triangle = ShapeRenderer.render(ShapeKind.TRIANGLE, 3.5, 3.5, 3, 1);
        int topLeft = 0;
        int topMiddle = 3;
        int centre = 3 * 8 + 3;
        int bottomMiddle = 6 * 8 + 3;
        int outside = 7 * 8 + 7;

        assertTrue(square[topLeft] > 0.9 && square[topMiddle] > 0.9 && square[centre] == 0.0);
        assertTrue(circle[topLeft] == 0.0 && circle[topMiddle] > 0.9 && circle[centre] == 0.0);
        assertTrue(cross[topLeft] == 0.0 && cross[topMiddle] > 0.4 && cross[centre] > 0.9);
        assertTrue(triangle[topLeft] == 0.0 && triangle[topMiddle] > 0.4 && triangle[centre] == 0.0
                && triangle[bottomMiddle] > 0.9);
        for (double[] image : List.of(circle, cross, square, triangle)) {
            assertEquals(0.0, image[outside]);
            for (double v : image) {
                assertTrue(v >= 0.0 && v <= 1.0);
            }
        }
    }
}
