package dev.hyp.runtime.bench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * 28x28 grayscale images of ten glyph classes (see {@link Glyph}: ring, plus, square, triangle,
 * cross, diamond, bars, tee, ell, chevron), as a CSV of pixels: {@code p0..p783} (row-major, row
 * 0 at the top, values in [0, 1] with 3 decimals, 0 for the background) and the label
 * {@code glyph}. Each image is one anti-aliased outline (coverage of 3x3 sub-samples) with a
 * random centre, size, stroke width, rotation (up to 20 degrees) and brightness, Gaussian noise
 * on the stroke and a few random specks. Every block of 10 rows holds each class once, in a
 * seeded order; the first N rows of a larger file are the N-row file.
 */
public final class GlyphImages {
  public static final String FILE_NAME = "glyphs28.csv";
  public static final String LABEL = "glyph";
  public static final long SEED = 28L;
  public static final int IMAGES = 20_000;
  public static final int SIDE = 28;
  public static final int CLASSES = Glyph.values().length;
  private static final int SUBSAMPLES = 3;
  private static final double MAX_ROTATION = 0.35;
  private static final double NOISE_STD = 0.08;
  private static final double SPECKS = 0.01;

  private GlyphImages() {}

  /** Writes {@code images} images drawn with {@code seed}; returns the file's size in bytes. */
  public static long write(Path file, long images, long seed) throws IOException {
    Random random = new Random(seed);
    StringBuilder header = new StringBuilder();
    for (int p = 0; p < SIDE * SIDE; p++) {
      header.append('p').append(p).append(',');
    }
    header.append(LABEL);
    int[] deck = new int[CLASSES];
    double[] pixels = new double[SIDE * SIDE];
    return CsvOut.write(file, header.toString(), images, (index, line) -> {
      int slot = (int) (index % CLASSES);
      if (slot == 0) {
        shuffle(deck, random);
      }
      Glyph glyph = Glyph.values()[deck[slot]];
      render(glyph, random, pixels);
      for (double value : pixels) {
        FixedDecimals.append(line, value, 3);
        line.append(',');
      }
      line.append(glyph.label());
    });
  }

  private static void shuffle(int[] deck, Random random) {
    for (int i = 0; i < deck.length; i++) {
      deck[i] = i;
    }
    for (int i = deck.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int kept = deck[i];
      deck[i] = deck[j];
      deck[j] = kept;
    }
  }

  /** Draws one image of {@code glyph} into {@code pixels}. */
  static void render(Glyph glyph, Random random, double[] pixels) {
    double half = uniform(random, 5.5, 9.0);
    double stroke = uniform(random, 1.4, 2.8);
    double reach = half * 1.35 + stroke / 2; // the farthest a glyph's ink reaches from its centre, rotated or not
    double cx = uniform(random, Math.min(reach, SIDE / 2.0), Math.max(SIDE - reach, SIDE / 2.0));
    double cy = uniform(random, Math.min(reach, SIDE / 2.0), Math.max(SIDE - reach, SIDE / 2.0));
    double angle = uniform(random, -MAX_ROTATION, MAX_ROTATION);
    double cos = StrictMath.cos(angle);
    double sin = StrictMath.sin(angle);
    double brightness = uniform(random, 0.7, 1.0);
    double halfWidth = stroke / 2.0 / half;
    for (int row = 0; row < SIDE; row++) {
      for (int col = 0; col < SIDE; col++) {
        double value = 0.0;
        if (Math.abs(col + 0.5 - cx) <= reach + 1 && Math.abs(row + 0.5 - cy) <= reach + 1) {
          int hits = 0;
          for (int sy = 0; sy < SUBSAMPLES; sy++) {
            for (int sx = 0; sx < SUBSAMPLES; sx++) {
              double dx = (col + (sx + 0.5) / SUBSAMPLES - cx) / half;
              double dy = (row + (sy + 0.5) / SUBSAMPLES - cy) / half;
              if (glyph.covers(cos * dx + sin * dy, -sin * dx + cos * dy, halfWidth)) {
                hits++;
              }
            }
          }
          if (hits > 0) {
            value = brightness * hits / (SUBSAMPLES * SUBSAMPLES) + NOISE_STD * random.nextGaussian();
          }
        }
        if (random.nextDouble() < SPECKS) {
          value += 0.5 * random.nextDouble();
        }
        pixels[row * SIDE + col] = Math.max(0.0, Math.min(1.0, value));
      }
    }
  }

  private static double uniform(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }
}
