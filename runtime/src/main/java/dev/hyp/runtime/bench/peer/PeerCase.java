package dev.hyp.runtime.bench.peer;

import dev.hyp.runtime.bench.data.GeneratedData;
import java.util.List;

/**
 * One case of `hyp bench peer`: a search hyp runs from a spec, and what the peer needs to run
 * the same one: the data, its label, the split and the space (as the spec declares it).
 */
record PeerCase(String name, String kind, GeneratedData data, String label, long seed, String space,
    String specText, int fixedBatch) {

  static final List<String> NAMES = List.of("tabular", "cnn", "small", "load");

  /** The space both sides search, as the spec's `params` and as the peer's JSON. */
  private static final String TABULAR_SPACE = "[{\"name\":\"lr\",\"kind\":\"loguniform\",\"low\":1e-4,\"high\":1e-2},"
      + "{\"name\":\"layers\",\"kind\":\"int\",\"low\":1,\"high\":3},"
      + "{\"name\":\"units\",\"kind\":\"choice\",\"choices\":[32,64,128,256]},"
      + "{\"name\":\"batch\",\"kind\":\"choice\",\"choices\":[64,128,256]}]";
  private static final String CNN_SPACE = "[{\"name\":\"lr\",\"kind\":\"loguniform\",\"low\":1e-3,\"high\":1e-2},"
      + "{\"name\":\"filters\",\"kind\":\"choice\",\"choices\":[8,16]},"
      + "{\"name\":\"dense_units\",\"kind\":\"choice\",\"choices\":[32,64]}]";

  /** MLPs of 1-3 layers of 32-256 units, batch 64-256, Adam, {@code epochs} epochs: issue 19's medium case. */
  static PeerCase tabular(int epochs) {
    return new PeerCase("tabular", "mlp", GeneratedData.TABULAR, "class", 11, TABULAR_SPACE, """
        experiment peer_tabular {
          seed = 11
          data {
            source    = csv("DATA", label = "class")
            split     = holdout(validation = 0.2, test = 0.2)
            normalize = standard
          }
          params {
            lr     = loguniform(1e-4, 1e-2)
            layers = int(1, 3)
            units  = choice(32, 64, 128, 256)
            batch  = choice(64, 128, 256)
          }
          model {
            updater = adam(lr = lr)
            for i in 1..layers {
              dense(units = units, activation = relu)
            }
            output(activation = softmax, loss = mcxent)
          }
          train {
            epochs = EPOCHS
            batch  = batch
          }
          search tpe {
            trials = 12
          }
          objective = maximize accuracy on validation
        }
        """.replace("EPOCHS", String.valueOf(epochs)), 0);
  }

  /** Two conv layers of 8-16 filters and a dense layer on the 28x28 glyphs, batch 64. */
  static PeerCase cnn(int epochs) {
    return new PeerCase("cnn", "cnn", GeneratedData.GLYPHS, "glyph", 13, CNN_SPACE, """
        experiment peer_cnn {
          seed = 13
          data {
            source    = csv("DATA", label = "glyph")
            shape     = image(28, 28, 1)
            split     = holdout(validation = 0.2, test = 0.2)
            normalize = none
          }
          params {
            lr          = loguniform(1e-3, 1e-2)
            filters     = choice(8, 16)
            dense_units = choice(32, 64)
          }
          model {
            updater     = adam(lr = lr)
            weight_init = relu
            conv2d(filters = filters, kernel = 3, padding = same, activation = relu)
            maxpool(size = 2, stride = 2)
            conv2d(filters = filters, kernel = 3, padding = same, activation = relu)
            maxpool(size = 2, stride = 2)
            dense(units = dense_units, activation = relu)
            output(activation = softmax, loss = mcxent)
          }
          train {
            epochs = EPOCHS
            batch  = 64
          }
          search tpe {
            trials = 4
          }
          objective = maximize accuracy on validation
        }
        """.replace("EPOCHS", String.valueOf(epochs)), 64);
  }

  /** samples/breast_cancer.hyp as it is (its data, seed 7, 60/20/20): the peer is Optuna + scikit-learn. */
  static PeerCase small() {
    return new PeerCase("small", "sklearn", null, "diagnosis", 7, null, null, 32);
  }

  /** Issue 19's 200 MB table from `hyp run`'s start to its first trial, against pandas (PeerLoad). */
  static PeerCase load() {
    return new PeerCase("load", "load", PeerLoad.DATA, PeerLoad.LABEL, 21, null, PeerLoad.spec("DATA"), 256);
  }

  /** The spec's text reading {@code dataFile} (a file name beside the spec). */
  String spec(String dataFile) {
    return specText.replace("DATA", dataFile);
  }
}
