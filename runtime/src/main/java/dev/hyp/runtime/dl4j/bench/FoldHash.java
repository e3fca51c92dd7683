package dev.hyp.runtime.dl4j.bench;

import dev.hyp.runtime.dl4j.ExperimentData;
import dev.hyp.runtime.dl4j.Fold;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * A SHA-256 of everything a fold holds, bit for bit: each part's features and labels, the truths, the
 * normalizer's statistics, the class weights, and the data's feature names and notes. The same hash
 * before and after a change of the loading code means it loads the same bits.
 */
final class FoldHash {
  private FoldHash() {}

  static String of(Fold fold, ExperimentData data) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (DataSet part : new DataSet[] {fold.train(), fold.validation(), fold.test()}) {
      if (part != null) {
        floats(digest, part.getFeatures());
        floats(digest, part.getLabels());
      }
    }
    doubles(digest, fold.validationTruth());
    doubles(digest, fold.testTruth());
    if (fold.normalizer() instanceof NormalizerStandardize standard) {
      floats(digest, standard.getMean());
      floats(digest, standard.getStd());
    }
    doubles(digest, fold.classWeights());
    digest.update(String.join("\n", data.featureNames()).getBytes(StandardCharsets.UTF_8));
    digest.update(String.join("\n", data.notes()).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void floats(MessageDigest digest, INDArray array) {
    long[] shape = array.shape();
    ByteBuffer header = ByteBuffer.allocate(8 * shape.length);
    for (long n : shape) {
      header.putLong(n);
    }
    digest.update(header.array());
    FloatBuffer values = array.dup('c').data().asNioFloat();
    ByteBuffer bytes = ByteBuffer.allocate(4 << 16);
    while (values.hasRemaining()) {
      bytes.clear();
      while (values.hasRemaining() && bytes.remaining() >= 4) {
        bytes.putInt(Float.floatToRawIntBits(values.get()));
      }
      digest.update(bytes.array(), 0, bytes.position());
    }
  }

  private static void doubles(MessageDigest digest, double[] values) {
    if (values == null) {
      digest.update((byte) 0);
      return;
    }
    ByteBuffer bytes = ByteBuffer.allocate(8 * values.length + 4);
    bytes.putInt(values.length);
    for (double v : values) {
      bytes.putLong(Double.doubleToRawLongBits(v));
    }
    digest.update(bytes.array());
  }
}
