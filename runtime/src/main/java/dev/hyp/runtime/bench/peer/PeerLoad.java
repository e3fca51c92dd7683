package dev.hyp.runtime.bench.peer;

import dev.hyp.runtime.bench.data.GeneratedData;
import dev.hyp.runtime.bench.data.MixedTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * `hyp bench peer`'s load case: issue 19's 200 MB table ({@link GeneratedData#MIXED}, 1.08 M rows x 21 columns:
 * numbers with empty cells, counts, text of 4 to 2,000 levels) from `hyp run`'s start to its first trial, against
 * the plain pandas way to a float32 matrix (peer_load.py), on the same file. `hyp run` is started as a user starts
 * it again: the same command line each time, its run folder removed in between, so its first start chooses the JVM
 * for the data (a relaunch) and compiles the spec, and the later ones take the remembered choice and the kept
 * classes; the first is a part of its own. Seconds count from each process's start (hyp's from the launcher's
 * exec, by its start timeline, {@code -Dhyp.start.timeline=true}).
 */
final class PeerLoad {
  private PeerLoad() {}

  static final GeneratedData DATA = GeneratedData.MIXED;
  static final String LABEL = MixedTable.LABEL;
  static final List<String> DROP = List.of("id");

  /** One trial of one epoch: the load and the first trial's start are what is measured. */
  static String spec(String dataFile) {
    return """
        experiment peer_load {
          seed = 21
          data {
            source        = csv("DATA", label = "churned")
            split         = holdout(validation = 0.2, test = 0.2)
            normalize     = standard
            drop          = ["id"]
            missing       = median
            indicator     = true
            max_onehot    = 20
            class_weights = balanced
          }
          model {
            updater = adam(lr = 0.001)
            dense(units = 32, activation = relu)
            output(activation = softmax, loss = mcxent)
          }
          train {
            epochs = 1
            batch  = 256
          }
          search random {
            trials = 1
          }
          objective = maximize accuracy on validation
        }
        """.replace("DATA", dataFile);
  }

  /**
   * What hyp's start timeline says, in seconds from the process's start: the read's start (after the check and the
   * spec's classes), its end (the data read and prepared) and the first trial's start.
   */
  record Timeline(double readStarts, double dataRead, double trialsStart) {
    private static final Pattern MARK = Pattern.compile(
        "hyp-start: +([0-9.]+) s wall, .*\\]: (data read starts|data read|trials start)$");

    /** From `hyp run`'s standard error; null when a mark is missing. */
    static Timeline of(String err) {
      Map<String, Double> marks = new HashMap<>();
      for (String line : err.split("\n")) {
        Matcher m = MARK.matcher(line.strip());
        if (m.matches()) {
          marks.put(m.group(2), Double.parseDouble(m.group(1)));
        }
      }
      return marks.size() < 3 ? null
          : new Timeline(marks.get("data read starts"), marks.get("data read"), marks.get("trials start"));
    }
  }

  /** Megabytes a second, to one decimal. */
  static double rate(double megabytes, double seconds) {
    return Math.round(megabytes / seconds * 10) / 10.0;
  }
}
