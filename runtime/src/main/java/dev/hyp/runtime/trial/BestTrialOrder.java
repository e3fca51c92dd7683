package dev.hyp.runtime.trial;

import java.io.Serializable;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Which of two trials is the better, the one rule every view of "the best trial" follows (the
 * study, the progress line, `best-model.zip`, the run's summary, `hyp trials`, the report, the
 * dashboard, Spark's tasks): the objective first, as its {@link Direction} says (NaN last); on a
 * tie the lower validation loss (accuracy on a small validation set is coarse, and the loss says
 * which of the tied models is more confident on the same rows); then the earlier trial.
 *
 * <p>A trial without a stored validation loss (stored before hyp kept it, or of a study with
 * several objectives, where the front decides) comes before tied trials with one, so that studies
 * without losses rank exactly as by value and number alone.
 */
public final class BestTrialOrder implements Comparator<FrozenTrial> {
  private final Direction direction;

  public BestTrialOrder(Direction direction) {
    this.direction = java.util.Objects.requireNonNull(direction);
  }

  /**
   * Where a trial stands in the order: its objective's value, its validation loss (null when not
   * stored) and its number.
   */
  public record Standing(double value, Double validationLoss, int number) implements Serializable {
    public static Standing of(FrozenTrial trial) {
      return new Standing(trial.value() == null ? Double.NaN : trial.value(), trial.validationLoss(), trial.number());
    }
  }

  /** Negative when {@code a} is the better (best first), 0 only for the same value, loss and number. */
  public int compare(Standing a, Standing b) {
    if (direction.isBetter(a.value(), b.value())) {
      return -1;
    }
    if (direction.isBetter(b.value(), a.value())) {
      return 1;
    }
    Double la = lossOrNull(a.validationLoss());
    Double lb = lossOrNull(b.validationLoss());
    if (la == null || lb == null) {
      if (la != lb) {
        return la == null ? -1 : 1;
      }
    } else if (!la.equals(lb)) {
      return Double.compare(la, lb);
    }
    return Integer.compare(a.number(), b.number());
  }

  @Override
  public int compare(FrozenTrial a, FrozenTrial b) {
    return compare(Standing.of(a), Standing.of(b));
  }

  /** Whether {@code a} is strictly better than {@code b}; anything is better than a null {@code b}. */
  public boolean isBetter(Standing a, Standing b) {
    return b == null || compare(a, b) < 0;
  }

  /** Whether a trial may be the best: COMPLETE, feasible and with a value. */
  public static boolean isCandidate(FrozenTrial trial) {
    return trial.state() == TrialState.COMPLETE && trial.isFeasible() && trial.value() != null
        && !Double.isNaN(trial.value());
  }

  /** The best of the trials that may be the best, if any. */
  public Optional<FrozenTrial> best(Collection<FrozenTrial> trials) {
    return trials.stream().filter(BestTrialOrder::isCandidate).min(this);
  }

  /** A NaN loss is as good as none: SQLite cannot tell them apart. */
  private static Double lossOrNull(Double loss) {
    return loss == null || loss.isNaN() ? null : loss;
  }
}
