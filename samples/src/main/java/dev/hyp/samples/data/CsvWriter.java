package dev.hyp.samples.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link CsvTable} as UTF-8 with comma separators and '\n' line endings, whatever the platform.
 * Cells are written as given; the generators only produce cells that need no quoting.
 */
public final class CsvWriter {

    private CsvWriter() {
    }

    public static String toCsv(CsvTable table) {
        StringBuilder out = new StringBuilder();
        appendLine(out, table.header());
        for (List<String> row : table.rows()) {
            appendLine(out, row);
        }
        return out.toString();
    }

    public static void write(CsvTable table, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toCsv(table), StandardCharsets.UTF_8);
    }

    private static void appendLine(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("cell needs quoting, which is not supported: " + cell);
            }
            if (i > 0) {
                out.append(',');
            }
            out.append(cell);
        }
        out.append('\n');
    }
}
