package dev.hyp.runtime.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.trial.Direction;
import java.util.List;

/** A study's objectives in the database: directions and names as JSON arrays of strings; null when not known. */
final class StudyObjectivesJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private StudyObjectivesJson() {}

  static String directions(List<Direction> directions) {
    return write(directions.stream().map(Direction::name).toList());
  }

  static String names(List<String> names) {
    return names.isEmpty() ? null : write(names);
  }

  static List<Direction> readDirections(String json) {
    return read(json).stream().map(Direction::valueOf).toList();
  }

  static List<String> readNames(String json) {
    return read(json);
  }

  private static String write(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // a list of strings always serializes
    }
  }

  private static List<String> read(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return JSON.readValue(json, STRINGS);
    } catch (JsonProcessingException e) {
      throw new StorageException("unreadable study objectives " + json, e);
    }
  }
}
