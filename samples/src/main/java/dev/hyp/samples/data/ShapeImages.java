package dev.hyp.samples.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A folder of PNG images of the four shape classes, for the image-folder sample: one subfolder per
 * class ({@code circle/}, {@code cross/}, {@code square/}, {@code triangle/}), as `images(...)` reads
 * them. Each image is one anti-aliased outline (see {@link ShapeKind}) in a random colour on a random
 * background, of a random size between {@value #MIN_SIDE} and {@value #MAX_SIDE} pixels a side (not
 * always square), with a little noise; colour and size say nothing about the class, so a model has
 * to learn the shape. The pixels depend only on the seed ({@code java.util.Random}, {@code
 * StrictMath}); the PNG bytes are ImageIO's, which a JDK may compress differently.
 */
public final class ShapeImages {

    public static final String FOLDER_NAME = "shapes_png";
    public static final long SEED = 16L;
    public static final int PER_CLASS = 30;
    public static final int MIN_SIDE = 20;
    public static final int MAX_SIDE = 28;

    private static final int SUBSAMPLES = 3;
    private static final double NOISE_STD = 6.0;

    private ShapeImages() {
    }

    /** Writes {@code perClass} images of each class into {@code folder} and returns the files written. */
    public static List<Path> write(Path folder, long seed, int perClass) throws IOException {
        Random random = new Random(seed);
        List<Path> written = new ArrayList<>();
        for (ShapeKind kind : ShapeKind.values()) {
            Path classFolder = Files.createDirectories(folder.resolve(kind.label()));
            for (int i = 0; i < perClass; i++) {
                Path file = classFolder.resolve(String.format(Locale.ROOT, "%04d.png", i));
                if (!ImageIO.write(draw(kind, random), "png", file.toFile())) {
                    throw new IOException("no PNG writer in this JDK");
                }
                written.add(file);
            }
        }
        return written;
    }

    /** One image of {@code kind}, as {@link #write} draws it. */
    static BufferedImage draw(ShapeKind kind, Random random) {
        int width = MIN_SIDE + random.nextInt(MAX_SIDE - MIN_SIDE + 1);
        int height = MIN_SIDE + random.nextInt(MAX_SIDE - MIN_SIDE + 1);
        double side = Math.min(width, height);
        double h = side * uniform(random, 0.22, 0.38);
        double stroke = side * uniform(random, 0.08, 0.14);
        double extent = h + stroke / 2.0;
        double cx = uniform(random, extent, width - extent);
        double cy = uniform(random, extent, height - extent);
        int[] background = colour(random, 0, 110);
        int[] ink = colour(random, 150, 255);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double coverage = kind.coverage(col, row, cx, cy, h, stroke / 2.0, SUBSAMPLES);
                double noise = NOISE_STD * random.nextGaussian();
                int rgb = 0;
                for (int c = 0; c < 3; c++) {
                    double value = background[c] + coverage * (ink[c] - background[c]) + noise;
                    rgb = (rgb << 8) | (int) Math.max(0, Math.min(255, Math.round(value)));
                }
                image.setRGB(col, row, rgb);
            }
        }
        return image;
    }

    private static int[] colour(Random random, int low, int high) {
        return new int[] {low + random.nextInt(high - low + 1), low + random.nextInt(high - low + 1),
            low + random.nextInt(high - low + 1)};
    }

    private static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
