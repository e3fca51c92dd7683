package dev.hyp.runtime.bench.data;

/**
 * The ten glyph classes of {@link GlyphImages}, each a stroked outline in local coordinates
 * (x to the right, y downwards, the glyph's half-size 1): a ring, or line segments.
 */
enum Glyph {
  RING("ring"),
  PLUS("plus", -1, 0, 1, 0, 0, -1, 0, 1),
  SQUARE("square", -.85, -.85, .85, -.85, .85, -.85, .85, .85, .85, .85, -.85, .85, -.85, .85, -.85, -.85),
  TRIANGLE("triangle", 0, -1, -1, .8, -1, .8, 1, .8, 1, .8, 0, -1),
  CROSS("cross", -.8, -.8, .8, .8, -.8, .8, .8, -.8),
  DIAMOND("diamond", 0, -1, 1, 0, 1, 0, 0, 1, 0, 1, -1, 0, -1, 0, 0, -1),
  BARS("bars", -1, -.4, 1, -.4, -1, .4, 1, .4),
  TEE("tee", -1, -.9, 1, -.9, 0, -.9, 0, 1),
  ELL("ell", -.6, -1, -.6, 1, -.6, 1, .7, 1),
  CHEVRON("chevron", -.9, -.8, 0, .8, 0, .8, .9, -.8);

  private final String label;
  /** x1, y1, x2, y2 of each segment, in a row. */
  private final double[] segments;

  Glyph(String label, double... segments) {
    this.label = label;
    this.segments = segments;
  }

  String label() {
    return label;
  }

  /**
   * Whether the local point (u, v) lies on the outline of half-width {@code halfWidth} (both in
   * units of the half-size): squared distances, so no square root per segment.
   */
  boolean covers(double u, double v, double halfWidth) {
    if (segments.length == 0) {
      return Math.abs(Math.sqrt(u * u + v * v) - 1.0) <= halfWidth;
    }
    double limit = halfWidth * halfWidth;
    for (int s = 0; s < segments.length; s += 4) {
      double ax = segments[s];
      double ay = segments[s + 1];
      double dx = segments[s + 2] - ax;
      double dy = segments[s + 3] - ay;
      double t = ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy);
      t = Math.max(0.0, Math.min(1.0, t));
      double ex = u - (ax + t * dx);
      double ey = v - (ay + t * dy);
      if (ex * ex + ey * ey <= limit) {
        return true;
      }
    }
    return false;
  }
}
