package dev.hyp.runtime.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the `data` section prepares a table, as the spec says it (before any data is read): which
 * columns are features, what a missing cell becomes, how categories are encoded, and the class
 * weights. The data then decides the rest (each column's kind, the category levels) when it is
 * loaded, in a {@link TableLayout}.
 *
 * @param features the feature columns, or null for every column but the label and {@code drop}
 * @param drop columns that are not features
 * @param missing the rule for a missing cell where a column does not give its own
 * @param indicator whether each column with missing cells gets a 0/1 feature saying which were missing
 * @param maxOnehot at most this many one-hot slots per category column (the most frequent
 *     levels); the other levels share one `other` slot
 * @param columns per-column settings by column name
 * @param classWeights how classification losses weigh the classes
 */
public record DataPlan(List<String> features, List<String> drop, Missing missing, boolean indicator, int maxOnehot,
    Map<String, ColumnPlan> columns, ClassWeights classWeights) {

  /** The default cardinality cap of a one-hot encoding. */
  public static final int MAX_ONEHOT = 20;

  /** Every column but the label a feature, kinds from the data, missing cells the mean, no class weights. */
  public static final DataPlan DEFAULT = new DataPlan(null, List.of(), Missing.DEFAULT, false, MAX_ONEHOT, Map.of(),
      ClassWeights.NONE);

  public DataPlan {
    features = features == null ? null : List.copyOf(features);
    drop = List.copyOf(drop);
    Objects.requireNonNull(missing, "missing");
    if (maxOnehot < 1) {
      throw new IllegalArgumentException("max_onehot must be at least 1, got " + maxOnehot);
    }
    columns = Map.copyOf(columns);
    Objects.requireNonNull(classWeights, "classWeights");
  }

  /**
   * `column("name", kind = ..., missing = ..., indicator = ..., encoding = ..., dim = ...)`: what
   * the spec says of one column.
   *
   * @param kind {@link ColumnKind#NUMBER} or {@link ColumnKind#CATEGORY}, or null to infer it
   * @param missing the column's own rule, or null for the data-wide one
   * @param indicator the column's own indicator setting, or null for the data-wide one
   * @param encoding the column's own encoding (a category), or null for the trial's `encoding`
   * @param dim the column's embedding dimension when it is embedded, or null for the default rule
   *     ({@link CategoryEncoding#defaultDim})
   */
  public record ColumnPlan(ColumnKind kind, Missing missing, Boolean indicator, CategoryEncoding encoding,
      Integer dim) {
    public ColumnPlan {
      if (kind != null && kind != ColumnKind.NUMBER && kind != ColumnKind.CATEGORY) {
        throw new IllegalArgumentException("a column is declared `number` or `category`, not `" + kind + "`");
      }
      if (dim != null && (dim < 1 || dim > CategoryEncoding.MAX_DIM)) {
        throw new IllegalArgumentException("an embedding's dim must be in [1, " + CategoryEncoding.MAX_DIM + "]");
      }
    }

    /** Without an encoding of its own. */
    public ColumnPlan(ColumnKind kind, Missing missing, Boolean indicator) {
      this(kind, missing, indicator, null, null);
    }
  }

  /** The column's missing-value rule. */
  public Missing missingOf(String column) {
    ColumnPlan plan = columns.get(column);
    return plan != null && plan.missing() != null ? plan.missing() : missing;
  }

  /** Whether the column's missing cells get an indicator feature. */
  public boolean indicatorOf(String column) {
    ColumnPlan plan = columns.get(column);
    return plan != null && plan.indicator() != null ? plan.indicator() : indicator;
  }

  /** The declared kind, or null. */
  public ColumnKind kindOf(String column) {
    ColumnPlan plan = columns.get(column);
    return plan == null ? null : plan.kind();
  }

  /** The column's encoding if it is a category: its own, else the trial's {@code encoding}. */
  public CategoryEncoding encodingOf(String column, CategoryEncoding encoding) {
    ColumnPlan plan = columns.get(column);
    return plan != null && plan.encoding() != null ? plan.encoding() : encoding;
  }

  /** The column's embedding dimension, or null for the default rule. */
  public Integer dimOf(String column) {
    ColumnPlan plan = columns.get(column);
    return plan == null ? null : plan.dim();
  }

  /** A plan with other class weights. */
  public DataPlan withClassWeights(ClassWeights weights) {
    return new DataPlan(features, drop, missing, indicator, maxOnehot, columns, weights);
  }
}
