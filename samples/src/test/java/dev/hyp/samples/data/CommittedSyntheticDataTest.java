package dev.hyp.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed synthetic CSVs are exactly what the generator writes today. */
class CommittedSyntheticDataTest {

    @Test
    void regeneratingGivesTheCommittedFilesByteForByte(@TempDir Path tmp) throws IOException {
        GenerateSampleData.main(new String[] {tmp.toString()});

        for (String name : new String[] {Friedman1.FILE_NAME, Shapes8x8.FILE_NAME}) {
            Path committed = SampleCsv.dataDir().resolve(name);
            assertTrue(Files.isRegularFile(committed), "missing committed file " + committed);
            assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(tmp.resolve(name)),
                    name + " differs from a fresh run of GenerateSampleData; regenerate it (see data/README.md)");
        }
    }

    @Test
    void generateAllWritesBothFilesAndCreatesTheDirectory(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("nested/dir");
        Path[] written = GenerateSampleData.generateAll(out);

        assertEquals(2, written.length);
        assertTrue(Files.isRegularFile(out.resolve(Friedman1.FILE_NAME)));
        assertTrue(Files.isRegularFile(out.resolve(Shapes8x8.FILE_NAME)));
    }

    @Test
    void syntheticFilesUseUnixLineEndingsAndEndWithANewline() throws IOException {
        for (String name : new String[] {Friedman1.FILE_NAME, Shapes8x8.FILE_NAME}) {
            String text = Files.readString(SampleCsv.dataDir().resolve(name));
            assertTrue(text.indexOf('\r') < 0, name + " contains '\\r'");
            assertTrue(text.endsWith("\n"), name + " does not end with a newline");
        }
    }
}
