package dev.hyp.runtime.predict;

import dev.hyp.runtime.data.DataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a file's header puts the columns a model needs: matched by name, so the file may order
 * them as it likes and have more (the label among them).
 *
 * @param width the header's number of cells
 * @param positions {@code positions[i]} is the header position of the model's i-th column
 * @param label the label column's position, or -1 when the file has none
 * @param unused the header's columns the model does not take as features, in header order (the label too)
 */
record HeaderColumns(int width, int[] positions, int label, List<String> unused) {

  /** @throws DataException when a column the model needs is missing, or the header names one twice */
  static HeaderColumns match(Path file, List<String> header, List<String> needed, String labelName) {
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      if (!seen.add(name)) {
        throw new DataException(file, 1, name, "the header names this column twice");
      }
    }
    List<String> missing = needed.stream().filter(name -> !seen.contains(name)).toList();
    Set<String> neededSet = Set.copyOf(needed);
    List<String> unused = header.stream().filter(name -> !neededSet.contains(name)).toList();
    if (!missing.isEmpty()) {
      StringBuilder problem = new StringBuilder("the model needs this column and the header has none of that name");
      if (missing.size() > 1) {
        problem.append(" (nor ").append(quoted(missing.subList(1, missing.size()))).append(')');
      }
      List<String> others = unused.stream().filter(name -> !name.equals(labelName)).toList();
      if (!others.isEmpty()) {
        problem.append("; the header's columns the model does not know: ").append(quoted(others))
            .append(" (renamed?)");
      }
      throw new DataException(file, 1, missing.get(0), problem.toString());
    }
    int[] positions = new int[needed.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = header.indexOf(needed.get(i));
    }
    return new HeaderColumns(header.size(), positions, header.indexOf(labelName), List.copyOf(unused));
  }

  static String quoted(List<String> names) {
    return names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
  }

  static List<String> names(Iterable<String> headerCells) {
    List<String> names = new ArrayList<>();
    for (String cell : headerCells) {
      names.add(names.isEmpty() && cell.startsWith("\uFEFF") ? cell.substring(1) : cell);
    }
    return names;
  }
}
