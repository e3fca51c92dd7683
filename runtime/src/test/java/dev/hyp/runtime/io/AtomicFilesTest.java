package dev.hyp.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void aNewFileIsReadableByAllLikeAnOrdinaryFile() throws IOException {
    Path file = dir.resolve("report.html");
    AtomicFiles.write(file, t -> Files.writeString(t, "<html>"));
    assertEquals("<html>", Files.readString(file));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void aReplacedFileKeepsItsPermissions() throws IOException {
    Path spec = dir.resolve("iris.hyp");
    Files.writeString(spec, "old");
    Files.setPosixFilePermissions(spec, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.write(spec, t -> Files.writeString(t, "new"));
    assertEquals("new", Files.readString(spec));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(spec)));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("best.json");
    Files.writeString(file, "kept");
    assertThrows(IOException.class, () -> AtomicFiles.write(file, t -> {
      Files.writeString(t, "half");
      throw new IOException("disk full");
    }));
    assertEquals("kept", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }
}
