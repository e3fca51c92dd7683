package dev.hyp.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed image folder is what {@link GenerateShapeImages} writes today, pixel for pixel (a
 * JDK may compress the PNGs differently, so the bytes are not compared), and is what the sample
 * needs: four classes of {@value ShapeImages#PER_CLASS} images of mixed sizes.
 */
class ShapeImagesDataTest {

    @Test
    void regeneratingGivesTheCommittedImagesPixelForPixel(@TempDir Path tmp) throws IOException {
        GenerateShapeImages.main(new String[] {tmp.toString()});
        Path committed = SampleCsv.dataDir().resolve(ShapeImages.FOLDER_NAME);
        List<Path> fresh = files(tmp);
        assertEquals(fresh, files(committed), "the committed folder differs from a fresh run; regenerate it"
                + " (see data/README.md)");
        for (Path file : fresh) {
            assertArrayEquals(pixels(tmp.resolve(file)), pixels(committed.resolve(file)), file + " differs");
        }
    }

    @Test
    void fourClassesOfMixedSizesAndColours(@TempDir Path tmp) throws IOException {
        List<Path> written = ShapeImages.write(tmp, 1, 5);
        assertEquals(20, written.size());
        try (Stream<Path> classes = Files.list(tmp)) {
            assertEquals(List.of("circle", "cross", "square", "triangle"),
                    classes.map(p -> p.getFileName().toString()).sorted().toList());
        }
        long sizes = written.stream().map(ShapeImagesDataTest::read).map(i -> i.getWidth() + "x" + i.getHeight())
                .distinct().count();
        assertTrue(sizes > 5, "sizes should vary: " + sizes);
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }

    private static int[] pixels(Path file) {
        BufferedImage image = read(file);
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
