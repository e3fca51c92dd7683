package dev.hyp.samples.data;

/**
 * Rasterises one shape outline into a small square grayscale image with anti-aliasing: each
 * pixel's value is the fraction of a regular grid of sub-samples that falls on the stroke.
 */
public final class ShapeRenderer {

    public static final int SIZE = 8;
    private static final int SUBSAMPLES = 4;

    private ShapeRenderer() {
    }

    /**
     * Returns SIZE*SIZE coverages in [0, 1], row-major (index = row * SIZE + col).
     *
     * @param cx centre column in pixels (0 = left edge of the image)
     * @param cy centre row in pixels (0 = top edge of the image)
     * @param h half-size of the shape in pixels
     * @param strokeWidth width of the outline in pixels
     */
    public static double[] render(ShapeKind kind, double cx, double cy, double h, double strokeWidth) {
        double halfWidth = strokeWidth / 2.0;
        double[] pixels = new double[SIZE * SIZE];
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                pixels[row * SIZE + col] = kind.coverage(col, row, cx, cy, h, halfWidth, SUBSAMPLES);
            }
        }
        return pixels;
    }
}
