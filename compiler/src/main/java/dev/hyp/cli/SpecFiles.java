package dev.hyp.cli;

import dev.hyp.compiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Reads spec files for the commands, turning I/O failures into one-line messages. */
final class SpecFiles {
  private SpecFiles() {}

  /** The file, or null after telling the user why it could not be read. */
  static SourceFile read(Path path, PrintWriter err) {
    return read(path, reason -> err.println("hyp: " + reason));
  }

  /** The file, or null after handing {@code unreadable} the reason in one line ("cannot read FILE: why"). */
  static SourceFile read(Path path, Consumer<String> unreadable) {
    try {
      return SourceFile.read(path);
    } catch (NoSuchFileException e) {
      unreadable.accept("cannot read " + path + ": no such file");
    } catch (CharacterCodingException e) {
      unreadable.accept("cannot read " + path + ": not valid UTF-8 text");
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      unreadable.accept("cannot read " + path + ": " + reason);
    }
    return null;
  }
}
