package dev.hyp.runtime.storage;

import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.Direction;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiPredicate;

/**
 * Where studies and their trials live. Every method is safe to call from several threads;
 * implementations backed by a database are also safe to share between processes.
 */
public interface Storage extends AutoCloseable {

  /**
   * Creates the study, or returns the existing one of that name.
   *
   * @throws StudyMismatchException if it exists with another direction or spec hash
   */
  StudyRecord openStudy(String name, Direction direction, String specHash);

  /**
   * The same with every objective: their directions and names are stored with a new study, and an
   * existing one opened with other objectives is refused (a study stored before hyp kept them has
   * only its first direction compared, and gains the rest).
   *
   * @param objectives each objective's name ({@code accuracy on validation}), or empty when not known
   * @throws StudyMismatchException if it exists with other objectives or another spec hash
   */
  default StudyRecord openStudy(String name, List<Direction> directions, List<String> objectives, String specHash) {
    return openStudy(name, directions.get(0), specHash);
  }

  /** The stored study of that name, if any, without creating it or writing anything (for readers). */
  Optional<StudyRecord> findStudy(String name);

  /**
   * Adds a RUNNING trial with the next number, unless the study already holds {@code budget}
   * trials that count toward it (all but interrupted ones); check and insert are atomic.
   *
   * @param budget the trial budget, or {@link Integer#MAX_VALUE} for none
   * @return the new trial's number, or empty when the budget is used up
   */
  OptionalInt createTrial(long studyId, ParamValues params, String owner, Instant startedAt, int budget);

  /**
   * Records the value of a RUNNING (or interrupted, see {@link #finishTrial}) trial at one step;
   * reporting a step again overwrites it.
   */
  void reportIntermediate(long studyId, int number, int step, double value);

  /**
   * Moves a RUNNING trial to a finished state. A trial marked interrupted can be finished too:
   * its process was alive after all (say, suspended past the heartbeat's staleness), and its
   * result is worth keeping.
   *
   * @throws IllegalStateException if the trial is already finished otherwise
   */
  void finishTrial(long studyId, int number, TrialState state, Double value, String reason, Instant finishedAt);

  /**
   * {@link #finishTrial(long, int, TrialState, Double, String, Instant)} for a study with several
   * objectives or constraints: the value is {@code values}' first (null when it is NaN), and the
   * trial keeps every objective's value and its constraint violation ({@link FrozenTrial#values()},
   * {@link FrozenTrial#violation()}).
   */
  void finishTrial(long studyId, int number, TrialState state, List<Double> values, Double violation, String reason,
      Instant finishedAt);

  /**
   * {@link #finishTrial(long, int, TrialState, Double, String, Instant)} COMPLETE for a study with one
   * objective, keeping the trained model's validation loss ({@link FrozenTrial#validationLoss()}),
   * which breaks ties between trials of equal value ({@link dev.hyp.runtime.trial.BestTrialOrder}).
   */
  void completeTrial(long studyId, int number, double value, Double validationLoss, Instant finishedAt);

  /**
   * Adds a finished trial of an earlier version as the study's next trial, with {@code params} (its
   * values as the new version names them) and {@code carriedFrom} set; returns its number.
   */
  int carryTrial(long studyId, FrozenTrial finished, ParamValues params, String carriedFrom);

  /** All trials of the study, ordered by number. */
  List<FrozenTrial> trials(long studyId);

  FrozenTrial trial(long studyId, int number);

  /**
   * Records that the given RUNNING trials are still being worked on (trials that are no longer
   * running are skipped).
   */
  void heartbeat(long studyId, Collection<Integer> numbers, Instant now);

  /**
   * Marks FAILED with reason {@link FrozenTrial#INTERRUPTED} every RUNNING trial that
   * {@code gone} declares abandoned, given its owner and its last heartbeat (its start if none).
   *
   * @return how many were marked
   */
  int markInterrupted(long studyId, BiPredicate<String, Instant> gone);

  @Override
  void close();
}
