package dev.hyp.samples.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Regenerates the synthetic sample data sets, byte for byte.
 *
 * <pre>java -cp samples/target/classes dev.hyp.samples.data.GenerateSampleData [output-dir]</pre>
 *
 * The output directory defaults to {@code samples/data} (relative to the working directory).
 */
public final class GenerateSampleData {

    public static final String DEFAULT_OUTPUT_DIR = "samples/data";

    private GenerateSampleData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: GenerateSampleData [output-dir]   (default " + DEFAULT_OUTPUT_DIR + ")");
            System.exit(2);
        }
        Path outputDir = Path.of(args.length == 1 ? args[0] : DEFAULT_OUTPUT_DIR);
        for (Path written : generateAll(outputDir)) {
            System.out.println("wrote " + written);
        }
    }

    /** Writes every synthetic data set into {@code outputDir} and returns the files written. */
    public static Path[] generateAll(Path outputDir) throws IOException {
        Path friedman = outputDir.resolve(Friedman1.FILE_NAME);
        CsvWriter.write(Friedman1.generate(), friedman);
        Path shapes = outputDir.resolve(Shapes8x8.FILE_NAME);
        CsvWriter.write(Shapes8x8.generate(), shapes);
        return new Path[] {friedman, shapes};
    }
}
