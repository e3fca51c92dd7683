package dev.hyp.compiler.check;

import dev.hyp.compiler.ast.CallMember;
import dev.hyp.compiler.ast.Expression;
import dev.hyp.compiler.ast.ListLiteral;
import dev.hyp.compiler.ast.Member;
import dev.hyp.compiler.ast.Setting;
import dev.hyp.compiler.ast.StringLiteral;
import dev.hyp.compiler.diag.Code;
import dev.hyp.compiler.diag.Diagnostic;
import dev.hyp.compiler.diag.Diagnostics;
import dev.hyp.compiler.model.DataSpec;
import dev.hyp.compiler.source.Span;
import dev.hyp.runtime.data.CategoryEncoding;
import dev.hyp.runtime.data.ClassWeights;
import dev.hyp.runtime.data.ColumnKind;
import dev.hyp.runtime.data.ColumnProfile;
import dev.hyp.runtime.data.CsvSource;
import dev.hyp.runtime.data.DataException;
import dev.hyp.runtime.data.DataPlan;
import dev.hyp.runtime.data.Missing;
import dev.hyp.runtime.data.RawColumn;
import dev.hyp.runtime.data.RawTable;
import dev.hyp.runtime.data.TableReader;
import dev.hyp.runtime.data.Task;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What `hyp check` can tell from a table's header and first {@value #SAMPLE_ROWS} rows before
 * anything runs: a column that `features`, `drop` or `column(...)` names is in the header
 * (`HYP072`); a column declared a number holds only numbers, and no feature is empty in every row
 * (`HYP073`, the latter only when the sample is the whole file); a feature that looks like an id
 * is a warning (`HYP104`). The loader finds the same problems in the rows beyond the sample, with
 * their row, and a classification label left with one class (not checked here: a sample of the
 * first rows can miss a rare class).
 */
final class TableDataChecker {
  static final int SAMPLE_ROWS = 10_000;

  private final Diagnostics diagnostics;

  TableDataChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * @param under whether the file lies in the spec's folder (only then are its cells read and shown)
   * @param source the `source = csv(...)` value's span, where a problem of the file's columns points
   * @param label the label argument's span
   */
  void check(Path file, DataSpec.CsvSource csv, List<String> header, DataSpec.Preparation preparation,
      Map<String, Setting> settings, List<Member> others, boolean under, Span source) {
    Map<String, Span> named = named(settings, others);
    boolean ok = true;
    for (Map.Entry<String, Span> entry : named.entrySet()) {
      if (!header.contains(entry.getKey())) {
        ok = false;
        Diagnostic.Builder builder = Diagnostic.error(Code.HYP072, entry.getValue(), "`" + csv.path()
                + "` has no column `" + entry.getKey() + "`")
            .label("not in the header");
        if (under) {
          builder.help(ColumnHelp.forColumn(entry.getKey(), header));
        }
        diagnostics.add(builder.build());
      } else if (entry.getKey().equals(csv.label()) && preparation.features() != null
          && preparation.features().contains(entry.getKey())) {
        ok = false;
        diagnostics.add(Diagnostic.error(Code.HYP072, entry.getValue(), "the label `" + csv.label()
                + "` cannot also be a feature")
            .label("the label")
            .help("leave it out of `features`")
            .build());
      }
    }
    if (!ok || !under) {
      return;
    }
    DataPlan plan = plan(preparation);
    RawTable sample;
    try {
      sample = TableReader.sample(new CsvSource(file, csv.label(), csv.header(), csv.delimiter()),
          Task.CLASSIFICATION, plan, SAMPLE_ROWS);
    } catch (DataException | IllegalArgumentException e) {
      return; // the run reports bad rows with their place
    }
    boolean whole = sample.size() < SAMPLE_ROWS;
    for (RawColumn column : sample.columns()) {
      ColumnProfile profile = ColumnProfile.of(column);
      String name = column.name();
      Span at = named.getOrDefault(name, source);
      if (plan.kindOf(name) == ColumnKind.NUMBER && !column.isNumeric()) {
        diagnostics.add(Diagnostic.error(Code.HYP073, at, "column `" + name + "` is declared `kind = number`, but row "
                + column.textRow() + " has `" + column.text() + "`")
            .label("not all numbers")
            .help("fix the cell, or declare `kind = category`")
            .build());
      } else if (profile.kind() == ColumnKind.EMPTY && whole) {
        diagnostics.add(Diagnostic.error(Code.HYP073, at, "column `" + name + "` of `" + csv.path()
                + "` is empty in every row")
            .label("no values")
            .help("leave it out: `drop = [\"" + name + "\"]`")
            .build());
      } else if (profile.kind() == ColumnKind.ID_LIKE) {
        diagnostics.add(Diagnostic.warning(Code.HYP104, at, "column `" + name + "` looks like an id but is a feature")
            .label(profile.numeric() ? "whole numbers that grow row by row" : "every value different")
            .help("an id tells nothing about new rows: leave it out with `drop = [\"" + name + "\"]`")
            .build());
      }
    }
  }

  /** Every column the settings name, with the span of its name (the first mention). */
  private static Map<String, Span> named(Map<String, Setting> settings, List<Member> others) {
    Map<String, Span> named = new LinkedHashMap<>();
    for (String setting : List.of("features", "drop")) {
      if (settings.get(setting) != null && settings.get(setting).value() instanceof ListLiteral list) {
        for (Expression element : list.elements()) {
          if (element instanceof StringLiteral s) {
            named.putIfAbsent(s.value(), s.span());
          }
        }
      }
    }
    for (Member member : others) {
      if (member instanceof CallMember call && !call.call().arguments().isEmpty()
          && call.call().arguments().get(0).value() instanceof StringLiteral s) {
        named.putIfAbsent(s.value(), s.span());
      }
    }
    return named;
  }

  /** The runtime's plan for a checked preparation. */
  static DataPlan plan(DataSpec.Preparation preparation) {
    Map<String, DataPlan.ColumnPlan> columns = new LinkedHashMap<>();
    for (DataSpec.Column column : preparation.columns()) {
      columns.put(column.name(), new DataPlan.ColumnPlan(column.kind() == null ? null : ColumnKind.of(column.kind()),
          column.missing() == null ? null : Missing.of(column.missing()), column.indicator(),
          column.encoding() == null ? null : CategoryEncoding.of(column.encoding()),
          column.dim() == null ? null : Math.toIntExact(column.dim())));
    }
    ClassWeights weights = preparation.weights() != null ? ClassWeights.of(preparation.weights())
        : preparation.classWeights().equals("balanced") ? ClassWeights.BALANCED : ClassWeights.NONE;
    return new DataPlan(preparation.features(), preparation.drop(), Missing.of(preparation.missing()),
        preparation.indicator(), Math.toIntExact(preparation.maxOnehot()), columns, weights);
  }
}
