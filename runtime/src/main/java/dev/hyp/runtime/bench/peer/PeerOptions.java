package dev.hyp.runtime.bench.peer;

import java.nio.file.Path;
import java.util.List;

/**
 * What `hyp bench peer` runs.
 *
 * @param hyp the command that starts `hyp` as a user does (the launcher), without arguments
 * @param python the peer's Python, or null to run hyp's side only
 * @param cases which of {@link PeerCase#NAMES}
 * @param rows the tabular case's rows (issue 19's medium size: 50,000)
 * @param images the CNN case's images
 * @param trials the tabular case's trials (the configurations replayed)
 * @param epochs the tabular case's epochs
 * @param cnnTrials the CNN case's trials
 * @param cnnEpochs the CNN case's epochs
 * @param smallTrials the small case's trials (breast_cancer.hyp says 30)
 * @param repeats how many times each measurement is taken, sides alternating
 * @param samples the samples folder (breast_cancer.hyp and its data, for the small case)
 * @param work where the data, specs and runs go
 * @param install whether missing Python packages may be installed with apt-get
 * @param loadRows the load case's rows (issue 19's 200 MB table: 1,080,000)
 */
public record PeerOptions(List<String> hyp, Path python, List<String> cases, long rows, long images, int trials,
    int epochs, int cnnTrials, int cnnEpochs, int smallTrials, int repeats, Path samples, Path work,
    boolean install, long loadRows) {

  public PeerOptions {
    hyp = List.copyOf(hyp);
    cases = List.copyOf(cases);
    for (String c : cases) {
      if (!PeerCase.NAMES.contains(c)) {
        throw new IllegalArgumentException("no case `" + c + "`; the cases are " + String.join(", ", PeerCase.NAMES));
      }
    }
    if (rows < 50 || images < 50 || trials < 1 || epochs < 1 || cnnTrials < 1 || cnnEpochs < 1 || smallTrials < 1
        || repeats < 1 || loadRows < 50) {
      throw new IllegalArgumentException(
          "--rows, --images and --load-rows must be at least 50, and trials, epochs and --repeats at least 1");
    }
  }
}
