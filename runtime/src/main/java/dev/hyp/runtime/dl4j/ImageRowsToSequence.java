package dev.hyp.runtime.dl4j;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Reads an image as a sequence whose time steps are its rows: [batch, channels, height, width]
 * (or the same flattened, channel by channel) becomes [batch, channels * width, height], what an
 * `lstm` reads. DL4J's own CNN-to-RNN preprocessor treats the batch as time steps instead.
 */
public final class ImageRowsToSequence implements InputPreProcessor {
  private static final long serialVersionUID = 1L;

  private final int height;
  private final int width;
  private final int channels;
  private final boolean flatInput;

  public ImageRowsToSequence(@JsonProperty("height") int height, @JsonProperty("width") int width,
      @JsonProperty("channels") int channels, @JsonProperty("flatInput") boolean flatInput) {
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.flatInput = flatInput;
  }

  public int getHeight() {
    return height;
  }

  public int getWidth() {
    return width;
  }

  public int getChannels() {
    return channels;
  }

  public boolean isFlatInput() {
    return flatInput;
  }

  @Override
  public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
    long n = input.size(0);
    INDArray image = input.rank() == 2 ? input.dup('c').reshape('c', n, channels, height, width) : input;
    INDArray rows = image.permute(0, 1, 3, 2); // [n, c, w, h]
    return workspaceMgr.dup(ArrayType.ACTIVATIONS, rows, 'c').reshape('c', n, (long) channels * width, height);
  }

  @Override
  public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
    long n = output.size(0);
    INDArray rows = output.dup('c').reshape('c', n, channels, width, height);
    INDArray image = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, rows.permute(0, 1, 3, 2), 'c');
    return flatInput ? image.reshape('c', n, (long) channels * height * width) : image;
  }

  @Override
  public InputPreProcessor clone() {
    return new ImageRowsToSequence(height, width, channels, flatInput);
  }

  @Override
  public InputType getOutputType(InputType inputType) {
    return InputType.recurrent((long) channels * width, height);
  }

  @Override
  public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState,
      int minibatchSize) {
    return new Pair<>(null, currentMaskState);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageRowsToSequence p && p.height == height && p.width == width && p.channels == channels
        && p.flatInput == flatInput;
  }

  @Override
  public int hashCode() {
    return ((height * 31 + width) * 31 + channels) * 2 + (flatInput ? 1 : 0);
  }
}
