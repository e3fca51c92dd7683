package dev.hyp.runtime.dl4j;

import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * The shape of one example as the network sees it: flat features, or an image of
 * {@code height x width x channels} (`shape = image(h, w, c)`). Image data is fed flat, channel by
 * channel ({@link #toInputType()} is DL4J's {@code convolutionalFlat}), so DL4J adds the reshaping
 * preprocessors itself.
 */
public record InputShape(int features, int height, int width, int channels) {

  public InputShape {
    if (features < 1) {
      throw new IllegalArgumentException("no features");
    }
    if (height > 0 && (long) height * width * channels != features) {
      throw new IllegalArgumentException("image " + height + "x" + width + "x" + channels + " has "
          + (long) height * width * channels + " pixels, not " + features);
    }
  }

  public static InputShape flat(int features) {
    return new InputShape(features, 0, 0, 0);
  }

  public static InputShape image(int height, int width, int channels) {
    return new InputShape(height * width * channels, height, width, channels);
  }

  public boolean isImage() {
    return height > 0;
  }

  public InputType toInputType() {
    return isImage() ? InputType.convolutionalFlat(height, width, channels) : InputType.feedForward(features);
  }
}
