package dev.hyp.runtime.data.images;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small image files for the tests. */
final class TestImages {
  private TestImages() {}

  /** A {@code width} x {@code height} image of one colour, 0xRRGGBB, in the format of the file's extension. */
  static Path solid(Path file, int width, int height, int rgb) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, rgb);
      }
    }
    return write(image, file);
  }

  /** A grayscale image whose pixel (x, y) is {@code (x + y * width) % 256}. */
  static Path grayRamp(Path file, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.getRaster().setSample(x, y, 0, (x + y * width) % 256);
      }
    }
    return write(image, file);
  }

  static Path write(BufferedImage image, Path file) {
    try {
      Files.createDirectories(file.getParent());
      String name = file.getFileName().toString();
      if (!ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile())) {
        throw new IllegalStateException("no writer for " + file);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file that claims to be a PNG but is not one. */
  static Path corrupt(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H'});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
