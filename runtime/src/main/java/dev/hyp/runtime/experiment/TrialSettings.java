package dev.hyp.runtime.experiment;

import dev.hyp.runtime.data.Normalization;
import dev.hyp.runtime.vocab.Loss;
import dev.hyp.runtime.vocab.Settings;

/**
 * How one trial trains, from its parameters: epochs, batch size, normalization, the output
 * loss (the trainer encodes labels for it), and early stopping (patience 0: none). Generated code
 * starts from {@link #of(Loss)}, which has the vocabulary's defaults, and names what differs.
 */
public record TrialSettings(int epochs, int batch, Normalization normalize, Loss loss, int patience,
    double minDelta) {

  /** {@link Settings#EPOCHS} epochs, batches of {@link Settings#BATCH}, no normalization, no early stop. */
  public static TrialSettings of(Loss loss) {
    return new TrialSettings(Settings.EPOCHS.defaultInt(), Settings.BATCH.defaultInt(), Normalization.NONE, loss, 0,
        0.0);
  }

  public TrialSettings withEpochs(int epochs) {
    return new TrialSettings(epochs, batch, normalize, loss, patience, minDelta);
  }

  public TrialSettings withBatch(int batch) {
    return new TrialSettings(epochs, batch, normalize, loss, patience, minDelta);
  }

  public TrialSettings withNormalize(Normalization normalize) {
    return new TrialSettings(epochs, batch, normalize, loss, patience, minDelta);
  }

  /** Stop after {@code patience} epochs without an improvement larger than {@code minDelta}. */
  public TrialSettings withEarlyStopping(int patience, double minDelta) {
    return new TrialSettings(epochs, batch, normalize, loss, patience, minDelta);
  }
}
