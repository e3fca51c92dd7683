package dev.hyp.runtime.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hyp.runtime.data.Normalization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/language.md, the language's reference, says what the vocabulary says: the same
 * activations, losses (with their task and default output activation), weight inits,
 * normalizations, paddings, updaters and their arguments, strategies and pruners and their
 * options, with the same defaults. A name or default changed on one side only fails here.
 */
class LanguageReferenceTest {
  private static final Pattern CODE = Pattern.compile("`([^`]*)`");
  private static List<String> lines;

  @BeforeAll
  static void read() throws IOException {
    lines = Files.readAllLines(Path.of("../docs/language.md"));
  }

  @Test
  void activations() {
    int start = indexOf("Activations: ");
    StringBuilder paragraph = new StringBuilder();
    for (int i = start; i < lines.size() && !lines.get(i).isBlank(); i++) {
      paragraph.append(lines.get(i)).append(' ');
    }
    assertEquals(set(Term.names(Activation.class)), new TreeSet<>(codes(paragraph.toString())));
  }

  @Test
  void lossesTheirTasksAndDefaultActivations() {
    Map<String, String> documented = new TreeMap<>();
    for (List<String> row : table("| loss | task | output activation |")) {
      String activation = defaultActivation(row.get(2));
      for (String loss : codes(row.get(0))) {
        documented.put(loss, row.get(1) + " " + activation);
      }
    }
    Map<String, String> vocabulary = new TreeMap<>();
    for (Loss loss : Loss.values()) {
      vocabulary.put(loss.hypName(), (loss.classification() ? "classification" : "regression") + " "
          + loss.defaultActivation().hypName());
    }
    assertEquals(vocabulary, documented);
  }

  @Test
  void weightInitsNormalizationsAndPaddings() {
    List<String> weightInit = row("| setting | value | default |", "`weight_init`");
    assertEquals(set(Term.names(WeightInit.class)), new TreeSet<>(codes(weightInit.get(1))));
    assertEquals(List.of(WeightInit.DEFAULT.hypName()), codes(weightInit.get(2)));
    List<String> normalize = row("| setting | value | default |", "`normalize`");
    assertEquals(Arrays.stream(Normalization.values()).map(Normalization::hypName).collect(Collectors.toSet()),
        Set.copyOf(codes(normalize.get(1))));
    List<String> conv2d = row("| layer | arguments (defaults) |", "`conv2d`");
    Matcher padding = Pattern.compile("\\(`(\\w+)` or `(\\w+)`\\)").matcher(conv2d.get(1));
    assertTrue(padding.find(), conv2d.get(1));
    assertEquals(set(Term.names(Padding.class)), new TreeSet<>(List.of(padding.group(1), padding.group(2))));
  }

  @Test
  void missingValueRulesAndTheirDefault() {
    List<String> missing = row("| setting | value | default |", "`missing`");
    assertEquals(Arrays.stream(dev.hyp.runtime.data.Missing.values()).map(dev.hyp.runtime.data.Missing::hypName)
        .collect(Collectors.toSet()), Set.copyOf(codes(missing.get(1))));
    assertEquals(List.of(dev.hyp.runtime.data.Missing.DEFAULT.hypName()), codes(missing.get(2)));
    assertEquals(List.of(Integer.toString(dev.hyp.runtime.data.DataPlan.MAX_ONEHOT)),
        codes(row("| setting | value | default |", "`max_onehot`").get(2)));
  }

  @Test
  void categoryEncodingsAndTheirDefault() {
    List<String> encoding = row("| setting | value | default |", "`encoding`");
    assertEquals(Arrays.stream(dev.hyp.runtime.data.CategoryEncoding.values())
        .map(dev.hyp.runtime.data.CategoryEncoding::hypName).collect(Collectors.toSet()),
        Set.copyOf(codes(encoding.get(1))));
    assertEquals(List.of(dev.hyp.runtime.data.CategoryEncoding.DEFAULT.hypName()), codes(encoding.get(2)));
  }

  @Test
  void updatersAndTheirArguments() {
    Map<String, Map<String, Double>> documented = new TreeMap<>();
    for (List<String> row : table("| updater | arguments (defaults) |")) {
      Map<String, Double> arguments = new LinkedHashMap<>();
      List<String> written = codes(row.get(1));
      if (row.get(1).startsWith("as ")) { // "as `adam`, and ...": adam's arguments and more
        arguments.putAll(documented.get(written.get(0)));
        written = written.subList(1, written.size());
      }
      arguments.putAll(options(written));
      for (String updater : codes(row.get(0))) {
        documented.put(updater, arguments);
      }
    }
    Map<String, Map<String, Double>> vocabulary = new TreeMap<>();
    for (Updater updater : Updater.values()) {
      vocabulary.put(updater.hypName(), defaults(updater.arguments()));
    }
    assertEquals(vocabulary, documented);
    assertEquals(List.of(Updater.DEFAULT.hypName()), codes(row("| setting | value | default |", "`updater`").get(2)));
  }

  @Test
  void strategiesAndTheirOptions() {
    Map<String, Map<String, Double>> documented = new TreeMap<>();
    for (List<String> row : table("| strategy | options (defaults) |")) {
      documented.put(codes(row.get(0)).get(0), options(codes(row.get(1))));
    }
    Map<String, Map<String, Double>> vocabulary = new TreeMap<>();
    for (Strategy strategy : Strategy.values()) {
      vocabulary.put(strategy.hypName(), defaults(strategy.options()));
    }
    assertEquals(vocabulary, documented);
  }

  @Test
  void prunersAndTheirOptions() {
    String value = row("| setting | value | default |", "`pruner`").get(1);
    int notes = value.indexOf(" (`");
    Map<String, Map<String, Double>> documented = new TreeMap<>();
    for (String pruner : codes(notes < 0 ? value : value.substring(0, notes))) {
      Matcher call = Pattern.compile("(\\w+)(?:\\((.*)\\))?").matcher(pruner);
      assertTrue(call.matches(), pruner);
      List<String> arguments = call.group(2) == null ? List.of() : List.of(call.group(2).split(",\\s*"));
      documented.put(call.group(1), options(arguments));
    }
    Map<String, Map<String, Double>> vocabulary = new TreeMap<>();
    for (PrunerKind pruner : PrunerKind.values()) {
      vocabulary.put(pruner.hypName(), defaults(pruner.options()));
    }
    assertEquals(vocabulary, documented);
    assertEquals(List.of(PrunerKind.DEFAULT.hypName()), codes(row("| setting | value | default |", "`pruner`").get(2)));
  }

  @Test
  void settingsDefaults() {
    for (Option setting : List.of(Settings.EPOCHS, Settings.BATCH, Settings.TRIALS, Settings.PARALLEL)) {
      String documented = row("| setting | value | default |", "`" + setting.name() + "`").get(2);
      assertEquals(setting.defaultValue().toString(), documented.split("[;\\s]")[0], setting.name());
    }
  }

  @Test
  void refitDefault() {
    String documented = row("| setting | value | default |", "`" + Settings.REFIT + "`").get(2);
    assertEquals("`" + Settings.REFIT_DEFAULT + "`", documented);
  }

  /** {@code name = 0.9} and bare {@code name} (no fixed default: null) as a map in order. */
  private static Map<String, Double> options(List<String> written) {
    Map<String, Double> options = new LinkedHashMap<>();
    for (String option : written) {
      String[] parts = option.split("\\s*=\\s*");
      assertTrue(parts[0].matches("\\w+"), "not an option: " + option);
      options.put(parts[0], parts.length > 1 ? Double.valueOf(parts[1]) : null);
    }
    return options;
  }

  private static Map<String, Double> defaults(List<Option> options) {
    Map<String, Double> defaults = new LinkedHashMap<>();
    options.forEach(o -> defaults.put(o.name(), o.defaultValue() == null ? null : o.defaultValue().doubleValue()));
    return defaults;
  }

  /** The default in "`softmax` (the default)" or "anything but `softmax`; default `identity`". */
  private static String defaultActivation(String cell) {
    Matcher m = Pattern.compile("`(\\w+)` \\(the default\\)|default `(\\w+)`").matcher(cell);
    assertTrue(m.find(), "no default activation in " + cell);
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** The rows of the table under {@code header}, as cells. */
  private static List<List<String>> table(String header) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = indexOf(header) + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String line = lines.get(i);
      rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList());
    }
    assertFalse(rows.isEmpty(), "an empty table: " + header);
    return rows;
  }

  /** The row whose first cell is {@code first}, in any table with this header. */
  private static List<String> row(String header, String first) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).equals(header)) {
        for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
          String line = lines.get(j);
          List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim)
              .toList();
          if (cells.get(0).equals(first)) {
            return cells;
          }
        }
      }
    }
    throw new AssertionError("no row " + first + " under " + header);
  }

  private static List<String> codes(String text) {
    List<String> codes = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  private static int indexOf(String start) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(start)) {
        return i;
      }
    }
    throw new AssertionError("docs/language.md has no line starting " + start);
  }

  private static Set<String> set(List<String> names) {
    return new TreeSet<>(names);
  }
}
