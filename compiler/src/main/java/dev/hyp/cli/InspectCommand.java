package dev.hyp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hyp.runtime.data.ColumnProfile;
import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.data.TableInspection;
import dev.hyp.runtime.data.images.ImageFolderSummary;
import dev.hyp.runtime.run.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `hyp inspect DATA.csv`: rows, columns, kinds, distinct values, missing cells and class balance;
 * `hyp inspect FOLDER`: an image folder's classes, counts, sizes, formats and unreadable files.
 */
@Command(name = "inspect",
    description = "Show what a data file holds: each column's kind, distinct values and missing cells, and the "
        + "class balance of a label; what to look at before writing the `data` section.")
final class InspectCommand implements Callable<Integer> {
  /** At most this many classes are listed in text (JSON lists them all). */
  private static final int CLASSES_SHOWN = 20;

  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "DATA",
      description = "A CSV file, or an image folder (one subfolder per class).")
  Path data;

  @Option(names = "--label", paramLabel = "NAME", description = "The label column: show its class balance.")
  String label;

  @Option(names = "--no-header", description = "The file has no header row (columns are named 1, 2, ...).")
  boolean noHeader;

  @Option(names = "--delimiter", paramLabel = "TEXT", defaultValue = ",",
      description = "The cell delimiter (default: ${DEFAULT-VALUE}).")
  String delimiter;

  @Option(names = "--format", defaultValue = "text", converter = OutputFormat.TextOrJson.class,
      completionCandidates = OutputFormat.TextOrJson.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = common.out();
    PrintWriter err = common.err();
    if (Files.isDirectory(data)) {
      return images(out, err); // an image folder (one subfolder per class) has its own reader
    }
    if (delimiter.isEmpty()) {
      err.println("hyp: --delimiter is empty; give the character between cells, such as `,`");
      return common.exit(ExitCode.BAD_INPUT);
    }
    TableInspection inspection;
    try {
      inspection = TableInspection.of(data, label, !noHeader, delimiter);
    } catch (DataException e) {
      err.println("hyp: " + e.getMessage());
      return common.exit(ExitCode.BAD_INPUT);
    }
    if (format == OutputFormat.json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(inspection)));
    } else {
      text(inspection, out);
    }
    return common.exit(ExitCode.OK);
  }

  private int images(PrintWriter out, PrintWriter err) throws IOException {
    ImageFolderSummary summary;
    try {
      summary = ImageFolderSummary.of(data);
    } catch (DataException e) {
      err.println("hyp: " + e.getMessage());
      return common.exit(ExitCode.BAD_INPUT);
    }
    if (summary.classes().isEmpty()) {
      err.println("hyp: " + data + ": no class subfolders with images; an image folder has one subfolder per class"
          + " (or name a CSV file)");
      return common.exit(ExitCode.BAD_INPUT);
    }
    if (format == OutputFormat.json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
    } else {
      summary.lines().forEach(out::println);
    }
    return common.exit(ExitCode.OK);
  }

  private static ObjectNode json(TableInspection inspection) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("file", inspection.file().toString());
    root.put("rows", inspection.rows());
    ArrayNode columns = root.putArray("columns");
    for (ColumnProfile c : inspection.columns()) {
      ObjectNode column = columns.addObject();
      column.put("name", c.name());
      column.put("kind", c.kind().hypName());
      column.put("encoded_as", c.encodedAs().hypName());
      column.put("missing", c.missing());
      if (c.distinct() >= 0) {
        column.put("distinct", c.distinct());
      } else {
        column.putNull("distinct"); // more than RawColumn.NUMERIC_LEVELS numbers
      }
      ObjectNode top = column.putObject("top");
      c.top().forEach(top::put);
    }
    if (inspection.label() != null) {
      ObjectNode label = root.putObject("label");
      label.put("name", inspection.label());
      ObjectNode classes = label.putObject("classes");
      inspection.classes().forEach(classes::put);
      label.put("without_label", inspection.withoutLabel());
    }
    return root;
  }

  private static void text(TableInspection inspection, PrintWriter out) {
    out.printf(Locale.ROOT, "%s: %d rows, %d columns%n", inspection.file(), inspection.rows(),
        inspection.columns().size());
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"column", "kind", "distinct", "missing", "most frequent"});
    for (ColumnProfile c : inspection.columns()) {
      String missing = c.missing() == 0 ? "0" : String.format(Locale.ROOT, "%d (%.1f%%)", c.missing(),
          100.0 * c.missing() / Math.max(1, c.cells()));
      rows.add(new String[] {c.name(), c.kind().hypName(), c.distinct() < 0 ? "many" : Integer.toString(c.distinct()),
          missing, c.numeric() ? "" : top(c.top())});
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == 0 ? "" : "  ").append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    if (inspection.label() != null) {
      int total = inspection.rows() - inspection.withoutLabel();
      List<String> classes = new ArrayList<>();
      for (Map.Entry<String, Integer> entry : inspection.classes().entrySet()) {
        if (classes.size() == CLASSES_SHOWN) {
          classes.add("... " + (inspection.classes().size() - CLASSES_SHOWN) + " more");
          break;
        }
        classes.add(String.format(Locale.ROOT, "%s %d (%.1f%%)", entry.getKey(), entry.getValue(),
            100.0 * entry.getValue() / Math.max(1, total)));
      }
      out.println("label `" + inspection.label() + "`: " + inspection.classes().size() + " classes: "
          + String.join(", ", classes) + (inspection.withoutLabel() == 0 ? ""
          : "; " + inspection.withoutLabel() + " rows without a label (a run leaves them out)"));
    }
  }

  private static String top(Map<String, Integer> top) {
    List<String> parts = new ArrayList<>();
    top.forEach((value, count) -> parts.add(value + " " + count));
    return String.join(", ", parts);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
