package dev.hyp.runtime.dl4j;

import dev.hyp.runtime.data.TableEncoding;
import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * The shape of one example as the network sees it: flat features, or an image of
 * {@code height x width x channels} (`shape = image(h, w, c)`). Image data is fed flat, channel by
 * channel ({@link #toInputType()} is DL4J's {@code convolutionalFlat}), so DL4J adds the reshaping
 * preprocessors itself. Flat features may hold category indices ({@code embeddings}): the network
 * then starts with a {@link CategoryEmbeddings} layer that looks them up.
 */
public record InputShape(int features, int height, int width, int channels, List<TableEncoding.Embedded> embeddings) {

  public InputShape {
    if (features < 1) {
      throw new IllegalArgumentException("no features");
    }
    if (height > 0 && (long) height * width * channels != features) {
      throw new IllegalArgumentException("image " + height + "x" + width + "x" + channels + " has "
          + (long) height * width * channels + " pixels, not " + features);
    }
    embeddings = List.copyOf(embeddings);
    if (height > 0 && !embeddings.isEmpty()) {
      throw new IllegalArgumentException("an image has no category columns to embed");
    }
  }

  public InputShape(int features, int height, int width, int channels) {
    this(features, height, width, channels, List.of());
  }

  public static InputShape flat(int features) {
    return new InputShape(features, 0, 0, 0);
  }

  /** Flat features, some of which are category indices to embed. */
  public static InputShape flat(int features, List<TableEncoding.Embedded> embeddings) {
    return new InputShape(features, 0, 0, 0, embeddings);
  }

  public static InputShape image(int height, int width, int channels) {
    return new InputShape(height * width * channels, height, width, channels);
  }

  public boolean isImage() {
    return height > 0;
  }

  /** Whether some features are category indices (the network embeds them first). */
  public boolean embeds() {
    return !embeddings.isEmpty();
  }

  public InputType toInputType() {
    return isImage() ? InputType.convolutionalFlat(height, width, channels) : InputType.feedForward(features);
  }
}
