package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.Block;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.model.Value;
import dev.hyp.compiler.source.Span;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks `data`. Reading the first line of each CSV costs microseconds and catches a wrong
 * path or label name before any compute is spent, so the checker does it when the spec
 * came from a file.
 */
final class DataChecker {
  private static final Map<String, Signature.Parameter> SETTINGS = Builtins.SETTINGS.get("data");

  private final Diagnostics diagnostics;
  private final ValueChecker values;
  private final Path baseDirectory;

  DataChecker(Diagnostics diagnostics, ValueChecker values, Path baseDirectory) {
    this.diagnostics = diagnostics;
    this.values = values;
    this.baseDirectory = baseDirectory;
  }

  /** Empty after reporting problems. */
  Optional<DataSpec> check(Block data) {
    Map<String, Signature.Parameter> known = new java.util.LinkedHashMap<>(SETTINGS);
    known.putAll(TablePlanChecker.SETTINGS);
    List<dev.hyp.compiler.ast.Member> others = new ArrayList<>();
    Map<String, Setting> settings = new SettingsReader(diagnostics).read(data.members(), "`data`", known, others);
    Map<String, Setting> tableSettings = new java.util.LinkedHashMap<>(settings);
    tableSettings.keySet().retainAll(TablePlanChecker.SETTINGS.keySet());
    settings.keySet().removeAll(TablePlanChecker.SETTINGS.keySet());
    Optional<DataSpec.Preparation> preparation = new TablePlanChecker(diagnostics).check(tableSettings, others);
    if (!settings.containsKey("source")) {
      diagnostics.add(Diagnostic.error(Code.HYP017, data.name().span(), "`data` has no `source`")
          .label("`source` is required")
          .help("add `source = csv(\"data.csv\", label = \"y\")`")
          .build());
    }
    SectionValues.Checked valid = SectionValues.checkEach(settings, "`data`", SETTINGS, values,
        Set.of("normalize", "encoding"));
    Value source = valid.values().get("source");
    if (!valid.complete() || source == null || preparation.isEmpty()) {
      if (source != null && !ImageSourceChecker.isImages(source)) {
        inspect(csv(source), source); // the file and its label do not depend on the other settings
      }
      return Optional.empty();
    }
    Map<String, Value> checked = valid.values();
    Value test = checked.get("test");
    Value split = checked.get("split");
    Value normalize = checked.get("normalize");
    Value shape = checked.get("shape");
    Value encoding = checked.get("encoding");
    if (encoding != null && (shape != null || ImageSourceChecker.isImages(source))) {
      diagnostics.add(Diagnostic.error(Code.HYP021, settings.get("encoding").name().span(), "`encoding` says how a "
              + "table's category columns are encoded, but " + (shape != null ? "pixel columns are numbers"
              : "an image folder has no columns"))
          .label("no categories to encode")
          .help("remove `encoding`")
          .build());
      return Optional.empty();
    }
    DataSpec.ImageShape imageShape = shape == null ? null : new DataSpec.ImageShape(
        Values.longOf(Values.argument(shape, "height")), Values.longOf(Values.argument(shape, "width")),
        Values.longOf(Values.argument(shape, "channels")));
    Optional<DataSpec.Split> splitSpec = split(split);
    if (splitSpec.isEmpty()) {
      return Optional.empty();
    }
    if (ImageSourceChecker.isImages(source) || ImageSourceChecker.isImages(test)) {
      return new ImageSourceChecker(diagnostics, baseDirectory).check(settings, checked, splitSpec.get(),
          normalize == null ? Value.symbol("none", Span.NONE) : normalize);
    }
    DataSpec.CsvSource sourceCsv = csv(source);
    DataSpec.CsvSource testCsv = test == null ? null : csv(test);
    Optional<List<String>> header = inspect(sourceCsv, source);
    if (testCsv != null) {
      inspect(testCsv, test);
    }
    if (header.isPresent() && imageShape != null) {
      checkShape(imageShape, header.get().size() - 1, shape);
    }
    if (header.isPresent() && imageShape == null && sourceCsv.header()) {
      Path file = baseDirectory.resolve(sourceCsv.path()).normalize();
      new TableDataChecker(diagnostics).check(file, sourceCsv, header.get(), preparation.get(), tableSettings,
          others, isUnder(file, baseDirectory), source.span());
    }
    return Optional.of(new DataSpec(sourceCsv, testCsv, splitSpec.get(),
        normalize == null ? Value.symbol("none", Span.NONE) : normalize, imageShape, null, null, preparation.get(),
        encoding == null ? Value.symbol(DataSpec.ONEHOT, Span.NONE) : encoding));
  }

  private static DataSpec.CsvSource csv(Value source) {
    return new DataSpec.CsvSource(Values.stringOf(Values.argument(source, "path")),
        Values.stringOf(Values.argument(source, "label")), Values.booleanOf(Values.argument(source, "header")),
        Values.stringOf(Values.argument(source, "delimiter")));
  }

  private Optional<DataSpec.Split> split(Value split) {
    if (split == null) {
      return Optional.of(new DataSpec.Holdout(0.2, 0.0));
    }
    if (Values.calleeOf(split).equals("kfold")) {
      return Optional.of(new DataSpec.KFold(Values.longOf(Values.argument(split, "k"))));
    }
    double validation = Values.doubleOf(Values.argument(split, "validation"));
    double test = Values.doubleOf(Values.argument(split, "test"));
    if (validation + test >= 0.95) {
      diagnostics.add(Diagnostic.error(Code.HYP020, split.span(), "`validation` and `test` leave no data to train on")
          .label("together " + Math.round((validation + test) * 100) + "% of the rows")
          .help("keep `validation + test` below 0.95, for example `holdout(validation = 0.2, test = 0.1)`")
          .build());
      return Optional.empty();
    }
    return Optional.of(new DataSpec.Holdout(validation, test));
  }

  /**
   * The first row of a CSV named by the spec, after checking that the file exists and has the
   * label; empty when it cannot be read (reported when the spec is wrong).
   */
  private Optional<List<String>> inspect(DataSpec.CsvSource csv, Value source) {
    if (baseDirectory == null) {
      return Optional.empty();
    }
    Path file;
    try {
      file = baseDirectory.resolve(csv.path()).normalize();
    } catch (java.nio.file.InvalidPathException invalid) {
      diagnostics.add(Diagnostic.error(Code.HYP070, Values.argument(source, "path").span(),
              "`" + csv.path().replace("\0", "\\0") + "` is not a usable file path")
          .label("not a path")
          .note(invalid.getReason())
          .build());
      return Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      diagnostics.add(Diagnostic.error(Code.HYP070, Values.argument(source, "path").span(),
              "data file `" + csv.path() + "` not found")
          .label("no such file")
          .note("paths are relative to the spec's folder: looked for " + file)
          .build());
      return Optional.empty();
    }
    Optional<List<String>> firstRow = firstRow(file, csv.delimiter());
    if (firstRow.isEmpty() || !csv.header()) {
      return firstRow;
    }
    List<String> header = firstRow.get();
    if (!header.contains(csv.label())) {
      Diagnostic.Builder builder = Diagnostic.error(Code.HYP071, Values.argument(source, "label").span(),
              "`" + csv.path() + "` has no column `" + csv.label() + "`")
          .label("not in the header");
      if (!isUnder(file, baseDirectory)) {
        // a spec from someone else must not make `hyp check` print a line of any file it names
        diagnostics.add(builder.note("the file is outside the spec's folder, so its header is not shown here").build());
        return Optional.empty();
      }
      diagnostics.add(builder.help(ColumnHelp.forLabel(csv.label(), header)).build());
      return Optional.empty();
    }
    return firstRow;
  }

  /** Whether {@code file}, links resolved, lies in {@code folder}'s tree. */
  private static boolean isUnder(Path file, Path folder) {
    try {
      return file.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** The cells of the file's first line; empty when it has none or cannot be read. */
  private static Optional<List<String>> firstRow(Path file, String delimiter) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null) {
        return Optional.empty();
      }
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      List<String> names = new ArrayList<>();
      for (String cell : Arrays.asList(line.split(java.util.regex.Pattern.quote(delimiter), -1))) {
        String name = cell.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
          name = name.substring(1, name.length() - 1);
        }
        names.add(name);
      }
      return Optional.of(names);
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty(); // the trainer reports unreadable files with their row and column
    }
  }

  private void checkShape(DataSpec.ImageShape shape, int features, Value written) {
    long pixels = shape.height() * shape.width() * shape.channels();
    if (pixels != features) {
      diagnostics.add(Diagnostic.error(Code.HYP020, written.span(), "`image(" + shape.height() + ", "
              + shape.width() + ", " + shape.channels() + ")` has " + pixels + " pixels, but the data has " + features
              + " feature columns")
          .label("does not match the data")
          .help("height * width * channels must equal the number of columns besides the label")
          .build());
    }
  }
}
