package dev.hyp.runtime.bench;

import dev.hyp.runtime.data.images.ImageFolderLoader;
import dev.hyp.runtime.data.images.ImageFolderSource;
import dev.hyp.runtime.data.images.ImageSize;
import dev.hyp.runtime.data.images.LoadedImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * How fast an image folder loads, and the heap it takes: writes {@code N} PNG files of 32 x 32 RGB
 * (seeded noise over a gradient, so they compress as photos do, not as flat colour) in 10 class
 * subfolders of a temporary folder, loads them as `images(dir, size = image(32, 32, 3))` does, and
 * prints one JSON line: the load's seconds and the peak heap during it. The folder is deleted after.
 *
 * <p>Usage: {@code ImageFolderBenchmark [N]} (default 20000); run with the heap a run would have.
 */
public final class ImageFolderBenchmark {
  private static final int SIDE = 32;
  private static final int CLASSES = 10;

  private ImageFolderBenchmark() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    run(count, System.out);
  }

  /** Writes, loads and measures {@code count} images; prints the JSON line to {@code out} and returns it. */
  public static String run(int count, PrintStream out) throws IOException {
    Path folder = Files.createTempDirectory("hyp-image-bench");
    try {
      long start = System.nanoTime();
      IntStream.range(0, count).parallel().forEach(i -> write(folder, i));
      double generateSeconds = (System.nanoTime() - start) / 1e9;
      long bytes;
      try (Stream<Path> files = Files.walk(folder)) {
        bytes = files.filter(Files::isRegularFile).mapToLong(ImageFolderBenchmark::size).sum();
      }
      System.gc();
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
      long before = heapUsed();
      start = System.nanoTime();
      LoadedImages loaded = ImageFolderLoader.load(new ImageFolderSource(folder, new ImageSize(SIDE, SIDE, 3), false));
      double loadSeconds = (System.nanoTime() - start) / 1e9;
      long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      long held = (long) loaded.table().size() * loaded.size().values() * Float.BYTES;
      String line = String.format(Locale.ROOT, "{\"images\": %d, \"size\": \"%dx%dx3\", \"files_mb\": %.1f,"
              + " \"generate_s\": %.2f, \"load_s\": %.2f, \"images_per_s\": %.0f, \"heap_before_mb\": %.1f,"
              + " \"peak_heap_mb\": %.1f, \"pixels_mb\": %.1f, \"cpus\": %d, \"max_heap_mb\": %.0f}",
          loaded.table().size(), SIDE, SIDE, bytes / 1e6, generateSeconds, loadSeconds, count / loadSeconds,
          before / 1e6, peak / 1e6, held / 1e6, Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() / 1e6);
      out.println(line);
      return line;
    } finally {
      ScratchFolder.delete(folder);
    }
  }

  private static void write(Path folder, int i) {
    Random random = new Random(i);
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    int base = random.nextInt(0x1000000);
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        int r = clamp(((base >> 16) & 0xff) + 3 * x + (int) (random.nextGaussian() * 12));
        int g = clamp(((base >> 8) & 0xff) + 3 * y + (int) (random.nextGaussian() * 12));
        int b = clamp((base & 0xff) - 2 * x + (int) (random.nextGaussian() * 12));
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    try {
      Path file = Files.createDirectories(folder.resolve("class" + i % CLASSES)).resolve(i + ".png");
      ImageIO.write(image, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
