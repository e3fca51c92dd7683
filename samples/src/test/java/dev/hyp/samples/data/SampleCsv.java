package dev.hyp.samples.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: reads a committed sample CSV (no quoted cells; '\n' or '\r\n' line endings). */
record SampleCsv(List<String> header, List<String[]> rows) {

    /** The committed data directory; tests run with working directory samples/. */
    static Path dataDir() {
        Path fromModule = Path.of("data");
        if (Files.isRegularFile(fromModule.resolve(Friedman1.FILE_NAME))) {
            return fromModule;
        }
        return Path.of("samples", "data"); // when run from the repository root
    }

    static SampleCsv read(String fileName) throws IOException {
        return parse(Files.readString(dataDir().resolve(fileName), StandardCharsets.UTF_8));
    }

    static SampleCsv parse(String text) {
        List<String> lines = text.lines().filter(line -> !line.isEmpty()).toList();
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return new SampleCsv(header, rows);
    }

    int column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        return index;
    }
}
