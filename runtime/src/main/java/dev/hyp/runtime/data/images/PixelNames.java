package dev.hyp.runtime.data.images;

import java.util.AbstractList;

/**
 * The feature names of an image's pixel vector, made on demand rather than held: "y3_x7_c0" is row
 * 3 from the top, column 7 from the left, channel 0 (red, or gray).
 */
final class PixelNames extends AbstractList<String> {
  private final ImageSize size;

  PixelNames(ImageSize size) {
    this.size = size;
  }

  @Override
  public String get(int index) {
    if (index < 0 || index >= size()) {
      throw new IndexOutOfBoundsException(index);
    }
    int c = size.channels();
    int pixel = index / c;
    return "y" + pixel / size.width() + "_x" + pixel % size.width() + "_c" + index % c;
  }

  @Override
  public int size() {
    return size.values();
  }
}
