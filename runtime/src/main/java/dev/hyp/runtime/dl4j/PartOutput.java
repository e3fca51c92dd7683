package dev.hyp.runtime.dl4j;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * A network's inference output over a validation or test part ({@link BatchedOutput#pass}) and the
 * part's loss from the same pass: the output layer's pre-activations of each block, scored as DL4J's
 * {@code score} scores them, so that a part's metrics and its loss cost one forward pass instead of two.
 * Valid while the network's parameters are those it was computed with: the loss of a network whose
 * output layer kept nothing is computed when first asked for, by a second pass.
 */
final class PartOutput {
  private final MultiLayerNetwork net;
  private final DataSet part;
  private final INDArray output;
  private final List<INDArray> preOutputs;
  private final int rows;
  private Double score;

  PartOutput(MultiLayerNetwork net, DataSet part, INDArray output, List<INDArray> preOutputs, int rows) {
    this.net = net;
    this.part = part;
    this.output = output;
    boolean complete = preOutputs != null
        && preOutputs.size() == BatchedOutput.blocks(part.getFeatures().size(0), rows);
    this.preOutputs = complete ? preOutputs : null;
    this.rows = rows;
  }

  /** {@code net.output(features, false)}, in {@link BatchedOutput}'s blocks. */
  INDArray output() {
    return output;
  }

  /** {@link BatchedOutput#score(MultiLayerNetwork, DataSet, int)}'s value, to the bit. */
  double score() {
    if (score == null) {
      score = preOutputs != null ? BatchedOutput.score(net, part, preOutputs, rows)
          : BatchedOutput.score(net, part, rows);
    }
    return score;
  }

  /** The l1/l2 terms DL4J's score adds (the network's, now). */
  double regularization() {
    return net.calcRegularizationScore(true);
  }

  /** Whether the loss comes from the output pass (no second pass). */
  boolean scoredFromOutputPass() {
    return preOutputs != null;
  }
}
