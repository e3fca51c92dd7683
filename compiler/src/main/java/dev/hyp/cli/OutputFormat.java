package dev.hyp.cli;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one `--format` type. A command accepts the formats it can print, named by its subset below,
 * which picocli uses both to list them in --help and to turn away any other.
 */
enum OutputFormat {
  text, table, csv, json;

  /** `check`, `best` and `diff`. */
  static final class TextOrJson extends Accepted {
    TextOrJson() {
      super(text, json);
    }
  }

  /** `trials`. */
  static final class TableCsvOrJson extends Accepted {
    TableCsvOrJson() {
      super(table, csv, json);
    }
  }

  /** `history`. */
  static final class TableOrJson extends Accepted {
    TableOrJson() {
      super(table, json);
    }
  }

  /** A command's formats in the order its help lists them: its completion candidates and its converter. */
  abstract static class Accepted implements Iterable<String>, ITypeConverter<OutputFormat> {
    private final List<OutputFormat> formats;

    Accepted(OutputFormat... formats) {
      this.formats = List.of(formats);
    }

    @Override
    public Iterator<String> iterator() {
      return formats.stream().map(Enum::name).iterator();
    }

    /** Any other value is a usage error worded as picocli words it for an enum of these formats alone. */
    @Override
    public OutputFormat convert(String value) {
      return formats.stream().filter(format -> format.name().equals(value)).findFirst()
          .orElseThrow(() -> new TypeConversionException(
              "expected one of " + formats + " (case-sensitive) but was '" + value + "'"));
    }
  }
}
