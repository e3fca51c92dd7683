package dev.hyp.runtime.experiment;

import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Settings;

/**
 * How one trial trains, from its parameters: epochs, batch size, normalization, the output
 * loss (the trainer encodes labels for it), early stopping (patience 0: none), and how category
 * columns are encoded. Generated code starts from {@link #of(Loss)}, which has the vocabulary's
 * defaults, and names what differs.
 */
public record TrialSettings(int epochs, int batch, Normalization normalize, Loss loss, int patience,
    double minDelta, CategoryEncoding encoding) {

  public TrialSettings(int epochs, int batch, Normalization normalize, Loss loss, int patience, double minDelta) {
    this(epochs, batch, normalize, loss, patience, minDelta, CategoryEncoding.DEFAULT);
  }

  /** {@link Settings#EPOCHS} epochs, batches of {@link Settings#BATCH}, no normalization, no early stop. */
  public static TrialSettings of(Loss loss) {
    return new TrialSettings(Settings.EPOCHS.defaultInt(), Settings.BATCH.defaultInt(), Normalization.NONE, loss, 0,
        0.0);
  }

  public TrialSettings withEpochs(int epochs) {
    return new TrialSettings(epochs, batch, normalize, loss, patience, minDelta, encoding);
  }

  public TrialSettings withBatch(int batch) {
    return new TrialSettings(epochs, batch, normalize, loss, patience, minDelta, encoding);
  }

  public TrialSettings withNormalize(Normalization normalize) {
    return new TrialSettings(epochs, batch, normalize, loss, patience, minDelta, encoding);
  }

  /** Stop after {@code patience} epochs without an improvement larger than {@code minDelta}. */
  public TrialSettings withEarlyStopping(int patience, double minDelta) {
    return new TrialSettings(epochs, batch, normalize, loss, patience, minDelta, encoding);
  }

  /** `encoding = onehot | embedding`: how the trial encodes the category columns that give no encoding of their own. */
  public TrialSettings withEncoding(CategoryEncoding encoding) {
    return new TrialSettings(epochs, batch, normalize, loss, patience, minDelta, encoding);
  }
}
