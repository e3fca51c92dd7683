package dev.hyp.runtime.storage;

import dev.hyp.runtime.trial.Direction;

/** A stored study: its id in the storage, unique name, direction and the hash of its spec. */
public record StudyRecord(long id, String name, Direction direction, String specHash) {}
