package dev.hyp.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The vocabulary's tables keep the order they are written in: "did you mean" and completion list them so. */
class BuiltinsTest {
  @Test
  void layersAreInTheirWrittenOrder() {
    assertEquals(List.of("dense", "dropout", "batchnorm", "conv2d", "maxpool", "avgpool", "lstm", "output"),
        List.copyOf(Builtins.LAYERS.keySet()));
  }
}
