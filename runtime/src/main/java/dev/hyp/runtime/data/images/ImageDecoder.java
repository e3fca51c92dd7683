package dev.hyp.runtime.data.images;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files with the JDK's ImageIO and turns them into pixel vectors. Thread-safe: every
 * call has its own reader. Uses java.awt without a display (headless).
 *
 * <p>A pixel vector is {@code height * width * channels} floats in [0, 1] (the stored 0..255 over
 * 255), row by row from the top, a pixel's channels next to each other (red, green, blue). The whole
 * image is scaled to the size with bilinear interpolation (the aspect ratio is not kept), halved
 * first while a side is at least twice its target, so a large image is averaged down; an alpha
 * channel is dropped (a pixel keeps its stored colour however transparent it is); one channel is
 * the luma 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601, as PIL's `convert("L")`), which keeps a
 * grayscale image's values as they are.
 */
final class ImageDecoder {
  /** The file name extensions read as images, lower case; every other file is ignored. */
  static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // never open a window or a dock icon to scale an image
    }
  }

  private ImageDecoder() {}

  /** A decoded image and its format as ImageIO names it, in lower case ("png", "jpeg", ...). */
  record Decoded(BufferedImage image, String format) {
    boolean grayscale() {
      return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }
  }

  /** A file that cannot be decoded; the message says why. */
  static final class UnreadableException extends Exception {
    UnreadableException(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Whether the file's name ends in an image extension and it is not hidden. */
  static boolean isImageName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return !name.startsWith(".") && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static Decoded decode(Path file) throws UnreadableException {
    if (!Files.isReadable(file)) {
      throw new UnreadableException("permission denied");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new UnreadableException("cannot be opened");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UnreadableException("not a PNG, JPEG, GIF or BMP image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        BufferedImage image = reader.read(0);
        return new Decoded(image, reader.getFormatName().toLowerCase(Locale.ROOT));
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw new UnreadableException(reason(e));
    } catch (RuntimeException e) {
      // ImageIO's decoders signal some corrupt data with unchecked exceptions
      throw new UnreadableException("corrupt image data (" + reason(e) + ")");
    }
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** The image as a pixel vector of {@code size} (see the class comment). */
  static float[] pixels(BufferedImage image, ImageSize size) {
    int h = size.height();
    int w = size.width();
    BufferedImage current = image;
    // bilinear reads 4 pixels, so a large image scaled in one step would be sampled, not averaged:
    // halve first (the mean of each 2 x 2 block) while a side is at least twice its target
    if (current.getWidth() >= 2 * w || current.getHeight() >= 2 * h) {
      current = scaled(current, current.getWidth(), current.getHeight());
      while (current.getWidth() >= 2 * w || current.getHeight() >= 2 * h) {
        current = halved(current, current.getWidth() >= 2 * w, current.getHeight() >= 2 * h);
      }
    }
    BufferedImage rgb = scaled(current, w, h);
    int[] argb = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    int c = size.channels();
    float[] out = new float[h * w * c];
    for (int i = 0; i < argb.length; i++) {
      int p = argb[i];
      int r = (p >> 16) & 0xff;
      int gr = (p >> 8) & 0xff;
      int b = p & 0xff;
      if (c == 3) {
        out[3 * i] = r / 255f;
        out[3 * i + 1] = gr / 255f;
        out[3 * i + 2] = b / 255f;
      } else if (r == gr && gr == b) {
        out[i] = r / 255f; // a gray pixel keeps its value exactly
      } else {
        out[i] = Math.min(1f, (0.299f * r + 0.587f * gr + 0.114f * b) / 255f);
      }
    }
    return out;
  }

  /** An RGB image with each 2-pixel run across and/or down replaced by its mean (an odd last pixel is dropped). */
  private static BufferedImage halved(BufferedImage rgb, boolean across, boolean down) {
    int fx = across ? 2 : 1;
    int fy = down ? 2 : 1;
    int sw = rgb.getWidth();
    int dw = sw / fx;
    int dh = rgb.getHeight() / fy;
    int[] from = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    BufferedImage half = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
    int[] to = ((DataBufferInt) half.getRaster().getDataBuffer()).getData();
    int n = fx * fy;
    for (int y = 0; y < dh; y++) {
      for (int x = 0; x < dw; x++) {
        int r = 0;
        int g = 0;
        int b = 0;
        for (int j = 0; j < fy; j++) {
          for (int i = 0; i < fx; i++) {
            int p = from[(y * fy + j) * sw + x * fx + i];
            r += (p >> 16) & 0xff;
            g += (p >> 8) & 0xff;
            b += p & 0xff;
          }
        }
        to[y * dw + x] = ((r + n / 2) / n) << 16 | ((g + n / 2) / n) << 8 | (b + n / 2) / n;
      }
    }
    return half;
  }

  /** {@code image} drawn into a new {@code width} x {@code height} RGB image, bilinear, its alpha dropped. */
  private static BufferedImage scaled(BufferedImage image, int width, int height) {
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.setComposite(AlphaComposite.Src); // copy the colours, drop alpha: no blending with the black canvas
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }
}
