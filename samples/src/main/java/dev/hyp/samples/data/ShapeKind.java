package dev.hyp.samples.data;

/**
 * The four shape classes, each drawn as a stroked outline around a centre (cx, cy) with a
 * half-size h. Coordinates are in pixels, x to the right (columns) and y downwards (rows).
 */
public enum ShapeKind {

    /** A ring of radius h. */
    CIRCLE("circle") {
        @Override
        double distanceToStroke(double x, double y, double cx, double cy, double h) {
            return Math.abs(StrictMath.hypot(x - cx, y - cy) - h);
        }
    },

    /** A plus sign: a horizontal and a vertical bar of length 2h crossing at the centre. */
    CROSS("cross") {
        @Override
        double distanceToStroke(double x, double y, double cx, double cy, double h) {
            return Math.min(
                    distanceToSegment(x, y, cx - h, cy, cx + h, cy),
                    distanceToSegment(x, y, cx, cy - h, cx, cy + h));
        }
    },

    /** The outline of an axis-aligned square of side 2h. */
    SQUARE("square") {
        @Override
        double distanceToStroke(double x, double y, double cx, double cy, double h) {
            return Math.abs(Math.max(Math.abs(x - cx), Math.abs(y - cy)) - h);
        }
    },

    /** The outline of an upright isosceles triangle, apex at the top, base 2h wide, height 2h. */
    TRIANGLE("triangle") {
        @Override
        double distanceToStroke(double x, double y, double cx, double cy, double h) {
            double apexX = cx;
            double apexY = cy - h;
            double leftX = cx - h;
            double rightX = cx + h;
            double baseY = cy + h;
            return Math.min(
                    distanceToSegment(x, y, leftX, baseY, rightX, baseY),
                    Math.min(
                            distanceToSegment(x, y, apexX, apexY, leftX, baseY),
                            distanceToSegment(x, y, apexX, apexY, rightX, baseY)));
        }
    };

    private final String label;

    ShapeKind(String label) {
        this.label = label;
    }

    /** The class label written to the CSV. */
    public String label() {
        return label;
    }

    /** Distance from the point (x, y) to the centre line of the shape's outline. */
    abstract double distanceToStroke(double x, double y, double cx, double cy, double h);

    /**
     * The fraction of a {@code subsamples} x {@code subsamples} grid of points in pixel (col, row)
     * that lies on the outline: the pixel's anti-aliased coverage.
     */
    double coverage(int col, int row, double cx, double cy, double h, double halfWidth, int subsamples) {
        int hits = 0;
        for (int sy = 0; sy < subsamples; sy++) {
            for (int sx = 0; sx < subsamples; sx++) {
                double x = col + (sx + 0.5) / subsamples;
                double y = row + (sy + 0.5) / subsamples;
                if (distanceToStroke(x, y, cx, cy, h) <= halfWidth) {
                    hits++;
                }
            }
        }
        return hits / (double) (subsamples * subsamples);
    }

    static double distanceToSegment(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0.0 ? 0.0 : ((x - ax) * dx + (y - ay) * dy) / lengthSquared;
        t = Math.max(0.0, Math.min(1.0, t));
        return StrictMath.hypot(x - (ax + t * dx), y - (ay + t * dy));
    }
}
