package dev.hyp.samples.data;

import java.util.List;

/**
 * A CSV table held as already formatted cells: a header row and data rows of the same width.
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    public CsvTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException(
                        "row has " + row.size() + " cells, header has " + header.size());
            }
        }
    }
}
