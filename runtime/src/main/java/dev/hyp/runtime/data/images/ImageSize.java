package dev.hyp.runtime.data.images;

/**
 * The size images are brought to: {@code height} x {@code width} pixels of {@code channels}
 * channels (1 = grayscale, 3 = RGB).
 */
public record ImageSize(int height, int width, int channels) {
  public ImageSize {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("image size " + height + "x" + width);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, not " + channels);
    }
  }

  /** The length of one image's pixel vector. */
  public int values() {
    return height * width * channels;
  }

  /** `image(h, w, c)`, as a spec writes it. */
  public String asSpec() {
    return "image(" + height + ", " + width + ", " + channels + ")";
  }
}
