package dev.hyp.samples.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Regenerates the sample image folder ({@link ShapeImages}), or writes a larger one.
 *
 * <pre>java -cp samples/target/classes dev.hyp.samples.data.GenerateShapeImages [folder [per-class [seed]]]</pre>
 *
 * The folder defaults to {@code samples/data/shapes_png}, with {@value ShapeImages#PER_CLASS} images a
 * class and seed {@value ShapeImages#SEED}, which is what is committed.
 */
public final class GenerateShapeImages {

    public static final String DEFAULT_FOLDER = "samples/data/" + ShapeImages.FOLDER_NAME;

    private GenerateShapeImages() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 3) {
            System.err.println("usage: GenerateShapeImages [folder [per-class [seed]]]   (default " + DEFAULT_FOLDER
                    + ", " + ShapeImages.PER_CLASS + ", " + ShapeImages.SEED + ")");
            System.exit(2);
        }
        Path folder = Path.of(args.length > 0 ? args[0] : DEFAULT_FOLDER);
        int perClass = args.length > 1 ? Integer.parseInt(args[1]) : ShapeImages.PER_CLASS;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : ShapeImages.SEED;
        List<Path> written = ShapeImages.write(folder, seed, perClass);
        System.out.println("wrote " + written.size() + " images into " + folder);
    }
}
