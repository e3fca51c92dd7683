package dev.hyp.samples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small 8x8 grayscale images of four shape classes for image-classification samples. Each image
 * is one outline (see {@link ShapeKind}) with a random size, stroke width, position and brightness,
 * plus a little Gaussian pixel noise; pixels are clamped to [0, 1]. Rows are shuffled with the seed.
 */
public final class Shapes8x8 {

    public static final String FILE_NAME = "shapes8x8.csv";
    public static final long SEED = 8L;
    public static final int PER_CLASS = 100;
    public static final int PIXELS = ShapeRenderer.SIZE * ShapeRenderer.SIZE;
    public static final int DECIMALS = 3;
    public static final String LABEL = "shape";

    static final double MIN_HALF_SIZE = 1.8;
    static final double MAX_HALF_SIZE = 3.0;
    static final double MIN_STROKE = 0.9;
    static final double MAX_STROKE = 1.3;
    static final double MIN_BRIGHTNESS = 0.75;
    static final double MAX_BRIGHTNESS = 1.0;
    static final double NOISE_STD = 0.05;

    private Shapes8x8() {
    }

    public static List<String> header() {
        List<String> header = new ArrayList<>(PIXELS + 1);
        for (int i = 0; i < PIXELS; i++) {
            header.add("p" + i);
        }
        header.add(LABEL);
        return header;
    }

    public static CsvTable generate() {
        return generate(SEED, PER_CLASS);
    }

    public static CsvTable generate(long seed, int perClass) {
        Random random = new Random(seed);
        List<List<String>> rows = new ArrayList<>();
        for (ShapeKind kind : ShapeKind.values()) {
            for (int i = 0; i < perClass; i++) {
                rows.add(row(kind, random));
            }
        }
        SeededShuffle.shuffle(rows, random);
        return new CsvTable(header(), rows);
    }

    private static List<String> row(ShapeKind kind, Random random) {
        double h = uniform(random, MIN_HALF_SIZE, MAX_HALF_SIZE);
        double stroke = uniform(random, MIN_STROKE, MAX_STROKE);
        // keep the whole stroke inside the image: the centre may move as far as the size allows
        double extent = h + stroke / 2.0;
        double cx = uniform(random, extent, ShapeRenderer.SIZE - extent);
        double cy = uniform(random, extent, ShapeRenderer.SIZE - extent);
        double brightness = uniform(random, MIN_BRIGHTNESS, MAX_BRIGHTNESS);

        double[] pixels = ShapeRenderer.render(kind, cx, cy, h, stroke);
        List<String> row = new ArrayList<>(PIXELS + 1);
        for (double coverage : pixels) {
            double value = coverage * brightness + NOISE_STD * random.nextGaussian();
            row.add(Decimals.format(Math.max(0.0, Math.min(1.0, value)), DECIMALS));
        }
        row.add(kind.label());
        return row;
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
