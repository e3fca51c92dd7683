package dev.hyp.runtime.trial;

import dev.hyp.runtime.space.ParamValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An immutable snapshot of a trial as stored.
 *
 * @param value the objective for COMPLETE trials, the last intermediate value (or null) for PRUNED
 * @param reason why a FAILED trial failed, else null
 * @param intermediate one value per reported step (epoch)
 * @param owner which process runs or ran the trial (see {@link dev.hyp.runtime.study.ProcessOwner})
 * @param finishedAt null while RUNNING
 * @param carriedFrom for a trial carried into a new version of its study from an earlier one
 *     (`v1#12`: version 1, trial 12), else null; it was not run here and does not count against
 *     the budget, but samplers and pruners learn from it and a grid does not visit it again
 * @param values every objective's value in the spec's order when the study has several (the first
 *     equals {@code value}; NaN where a measure was not taken), empty for a single objective
 * @param violation how far a trial misses its constraints (the sum of each missed bound's
 *     relative shortfall, see {@link Constraint#violation}): null or 0 feasible, above 0 infeasible
 * @param validationLoss the loss on validation of the trial's model (the mean over folds for k-fold),
 *     kept for a COMPLETE trial of a single-objective study: it breaks ties on the objective ({@link
 *     BestTrialOrder}); null when not known (older studies, several objectives, a pruned or failed trial)
 */
public record FrozenTrial(
    int number,
    TrialState state,
    ParamValues params,
    Double value,
    String reason,
    NavigableMap<Integer, Double> intermediate,
    String owner,
    Instant startedAt,
    Instant finishedAt,
    String carriedFrom,
    List<Double> values,
    Double violation,
    Double validationLoss) {

  /** The reason given to trials whose process died while they ran. */
  public static final String INTERRUPTED = "interrupted";

  public FrozenTrial {
    Objects.requireNonNull(state);
    Objects.requireNonNull(params);
    intermediate = Collections.unmodifiableNavigableMap(new TreeMap<>(intermediate));
    values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
  }

  /** A trial without a validation loss. */
  public FrozenTrial(int number, TrialState state, ParamValues params, Double value, String reason,
      NavigableMap<Integer, Double> intermediate, String owner, Instant startedAt, Instant finishedAt,
      String carriedFrom, List<Double> values, Double violation) {
    this(number, state, params, value, reason, intermediate, owner, startedAt, finishedAt, carriedFrom, values,
        violation, null);
  }

  /** A trial of a single-objective study without constraints. */
  public FrozenTrial(int number, TrialState state, ParamValues params, Double value, String reason,
      NavigableMap<Integer, Double> intermediate, String owner, Instant startedAt, Instant finishedAt,
      String carriedFrom) {
    this(number, state, params, value, reason, intermediate, owner, startedAt, finishedAt, carriedFrom, List.of(),
        null);
  }

  /** A trial run in its own study (not carried). */
  public FrozenTrial(int number, TrialState state, ParamValues params, Double value, String reason,
      NavigableMap<Integer, Double> intermediate, String owner, Instant startedAt, Instant finishedAt) {
    this(number, state, params, value, reason, intermediate, owner, startedAt, finishedAt, null, List.of(), null);
  }

  /** The same trial with other objective values and violation (storages finish trials with it). */
  public FrozenTrial withOutcome(List<Double> newValues, Double newViolation) {
    return new FrozenTrial(number, state, params, value, reason, intermediate, owner, startedAt, finishedAt,
        carriedFrom, newValues, newViolation, validationLoss);
  }

  /** The same trial with another validation loss (storages complete trials with it). */
  public FrozenTrial withValidationLoss(Double newValidationLoss) {
    return new FrozenTrial(number, state, params, value, reason, intermediate, owner, startedAt, finishedAt,
        carriedFrom, values, violation, newValidationLoss);
  }

  /** Objective {@code i}'s value (0 is {@link #value()}), NaN when it was not measured. */
  public double objectiveValue(int i) {
    if (i == 0 && values.isEmpty()) {
      return value == null ? Double.NaN : value;
    }
    Double v = i < values.size() ? values.get(i) : null;
    return v == null ? Double.NaN : v;
  }

  /** Whether the trial meets every constraint (a study without constraints: always). */
  public boolean isFeasible() {
    return violation == null || violation <= 0;
  }

  public boolean isCarried() {
    return carriedFrom != null;
  }

  public boolean isInterrupted() {
    return state == TrialState.FAILED && INTERRUPTED.equals(reason);
  }

  /** Whether the trial counts against the trial budget: everything run here except interrupted trials. */
  public boolean countsTowardBudget() {
    return !isInterrupted() && !isCarried();
  }

  /** The last reported step, or -1. */
  public int lastStep() {
    return intermediate.isEmpty() ? -1 : intermediate.lastKey();
  }
}
