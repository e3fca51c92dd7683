package dev.hyp.compiler.meaning;

import dev.hyp.compiler.model.CheckedExperiment;
import dev.hyp.compiler.model.SearchSpec;
import java.util.Map;

/**
 * What a checked spec means, as canonical JSON: the document a build carries as
 * `META-INF/hyp/meaning.json`, from which the runtime decides whether an edited spec continues
 * its study, starts a new version that carries trials over, or one that carries nothing.
 * Comments, layout, `description`, the file's name and the order of params, settings and
 * arguments never reach it; the same meaning always gives the same bytes.
 */
public final class SpecMeaning {
  /** The document's `format`: raised when its shape changes, so a reader knows what it holds. */
  public static final int FORMAT = 1;

  private SpecMeaning() {}

  /** The document: `format`, `experiment`, `meaning`, `search` and `budget`. */
  public static String of(CheckedExperiment experiment) {
    return CanonicalJson.pretty(document(experiment));
  }

  /**
   * The study's identity: SHA-256 (hex) of the compact canonical JSON of
   * `{"meaning": ..., "search": ...}`. The budget is left out: raising `trials` continues a study.
   * One recipe, the runtime's ({@link dev.hyp.runtime.version.SpecMeaning#fingerprint}), so that a
   * compiled jar, which has no compiler, gives the same from the document alone.
   */
  public static String fingerprint(CheckedExperiment experiment) {
    return dev.hyp.runtime.version.SpecMeaning.parse(of(experiment)).fingerprint();
  }

  static Map<String, Object> document(CheckedExperiment experiment) {
    return Json.object(
        "format", (long) FORMAT,
        "experiment", experiment.name(),
        "meaning", MeaningJson.of(experiment),
        "search", SearchJson.of(experiment.search(), experiment.params()),
        "budget", budget(experiment.search()));
  }

  /** How much to run, and what to do after: `refit` (there only when true, so older documents read the same). */
  private static Map<String, Object> budget(SearchSpec search) {
    Map<String, Object> budget = Json.object(
        "trials", search.trials(),
        "parallel", search.parallel(),
        "timeout_seconds", search.timeoutSeconds(),
        "target", search.target(),
        "max_failures", search.maxFailures());
    if (search.refit()) {
      budget.put("refit", true);
    }
    return budget;
  }
}
