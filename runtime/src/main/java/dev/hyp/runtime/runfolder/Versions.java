package dev.hyp.runtime.runfolder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hyp.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The versions of a spec that ran in one run folder, each kept readable forever under
 * {@code versions/N/}: its spec as written ({@code spec.hyp}), what it meant ({@code meaning.json},
 * when known) and {@code version.json} (how it came about). {@code version.json} is written last,
 * so a version exists once it is complete. A folder written before versions holds one version,
 * described by its top-level {@code run.json}.
 */
public final class Versions {
  public static final String FOLDER = "versions";
  public static final String SPEC = "spec.hyp";
  public static final String MEANING = "meaning.json";
  public static final String VERSION = "version.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One version.
   *
   * @param study its study's name in the database
   * @param specHash what its study was opened with (its fingerprint; a raw SHA-256 for a folder from before versions)
   * @param edit how it came from the one before: {@code first}, {@code search}, {@code meaning} or {@code no-resume}
   * @param reason that change in a few words
   * @param carried how many finished trials of the version before it carried over
   * @param createdAt when it started (ISO-8601)
   * @param commit, dirty the spec's git commit and whether its work tree had changes, when it was in a repository
   */
  public record Version(int number, String study, String specHash, String edit, String reason, int carried,
      String createdAt, String commit, Boolean dirty) {}

  private Versions() {}

  public static Path folder(Path runDirectory, int number) {
    return runDirectory.resolve(FOLDER).resolve(String.valueOf(number));
  }

  /** Every version, oldest first; a folder from before versions gives its one version. */
  public static List<Version> all(Path runDirectory) throws IOException {
    List<Version> versions = new ArrayList<>();
    Path root = runDirectory.resolve(FOLDER);
    if (Files.isDirectory(root)) {
      try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, "[0-9]*")) {
        for (Path folder : folders) {
          Path file = folder.resolve(VERSION);
          if (Files.isRegularFile(file)) {
            versions.add(JSON.readValue(file.toFile(), Version.class));
          }
        }
      }
    }
    if (versions.isEmpty() && Files.isRegularFile(runDirectory.resolve(RunInfo.FILE))) {
      RunInfo legacy = RunInfo.read(runDirectory);
      versions.add(new Version(1, legacy.studyName(), legacy.specHash(), "first", "", 0, null, null, null));
    }
    versions.sort(Comparator.comparingInt(Version::number));
    return versions;
  }

  public static Optional<Version> latest(Path runDirectory) throws IOException {
    List<Version> versions = all(runDirectory);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** The spec a version ran with; a folder from before versions kept it at its top. */
  public static Optional<String> spec(Path runDirectory, int number) throws IOException {
    Path file = folder(runDirectory, number).resolve(SPEC);
    if (!Files.isRegularFile(file) && number == 1) {
      file = runDirectory.resolve(SPEC);
    }
    return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
  }

  /** What a version meant, when it was recorded. */
  public static Optional<String> meaning(Path runDirectory, int number) throws IOException {
    Path file = folder(runDirectory, number).resolve(MEANING);
    return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
  }

  /** Keeps a new version: its spec, meaning and run info first, {@code version.json} last. */
  public static void record(Path runDirectory, Version version, String specText, String meaning, RunInfo info)
      throws IOException {
    Path folder = folder(runDirectory, version.number());
    Files.createDirectories(folder);
    AtomicFiles.write(folder.resolve(SPEC), temporary -> Files.writeString(temporary, specText, StandardCharsets.UTF_8));
    if (meaning != null) {
      AtomicFiles.write(folder.resolve(MEANING), temporary -> Files.writeString(temporary, meaning,
          StandardCharsets.UTF_8));
    }
    info.write(folder);
    AtomicFiles.write(folder.resolve(VERSION), temporary -> JSON.writeValue(temporary.toFile(), version));
  }
}
