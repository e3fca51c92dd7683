package dev.hyp.runtime.vocab;

/**
 * The whole-number settings of `train` and `search` that have a default, described once; the
 * checker fills them in and the runtime's {@code TrialSettings} starts from them. (The named
 * defaults are beside their kinds: {@link Updater#DEFAULT}, {@link WeightInit#DEFAULT},
 * {@link Strategy#DEFAULT}, {@link PrunerKind#DEFAULT}; `normalize` defaults to `none`.)
 */
public final class Settings {
  private Settings() {}

  public static final Option EPOCHS = Option.integer("epochs", 10, "epochs per trial").atLeast(1);
  public static final Option BATCH = Option.integer("batch", 32, "rows per batch").atLeast(1);
  /** A million trials is far beyond what one study is run for; the bound keeps budgets in an int with room. */
  public static final Option TRIALS = Option.integer("trials", 20, "the trial budget").atLeast(1).atMost(1_000_000);
  /** Each trial run at once has a thread and its own network in memory. */
  public static final Option PARALLEL = Option.integer("parallel", 1, "trials run at once").atLeast(1).atMost(1024);
  public static final Option SEED = Option.integer("seed", 0, "seeds the sampler, the split and the weights")
      .atLeast(0).atMost(Long.MAX_VALUE);
  /**
   * `search { refit = true }`: once the search has a complete trial, train the best trial's
   * configuration on every non-test row for its best epoch count (`final-model.zip`). Not part of
   * the study's identity: editing it continues the study.
   */
  public static final String REFIT = "refit";
  public static final boolean REFIT_DEFAULT = false;
}
