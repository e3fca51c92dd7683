package dev.hyp.runtime.storage;

import dev.hyp.runtime.trial.Direction;
import java.util.List;

/**
 * A stored study: its id in the storage, unique name, direction and the hash of its spec.
 *
 * @param direction the first objective's direction (the study's, for single-objective views)
 * @param directions every objective's direction, in order; for a study stored before hyp kept
 *     them, the first alone
 * @param objectives every objective's name ({@code accuracy on validation}, {@code params}); empty
 *     when not known (a study stored before hyp kept them, or opened without names)
 */
public record StudyRecord(long id, String name, Direction direction, String specHash, List<Direction> directions,
    List<String> objectives) {

  public StudyRecord {
    directions = directions == null || directions.isEmpty() ? List.of(direction) : List.copyOf(directions);
    objectives = objectives == null ? List.of() : List.copyOf(objectives);
  }

  /** One objective, its name not known. */
  public StudyRecord(long id, String name, Direction direction, String specHash) {
    this(id, name, direction, specHash, List.of(direction), List.of());
  }
}
