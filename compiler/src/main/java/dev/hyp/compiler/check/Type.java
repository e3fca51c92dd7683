package dev.hyp.compiler.check;

/** What kind of value a place in a spec expects. */
enum Type {
  INT("an integer"),
  NUMBER("a number"),
  STRING("a string"),
  BOOLEAN("`true` or `false`"),
  DURATION("a duration such as `10m`"),
  ACTIVATION("an activation"),
  LOSS("a loss"),
  UPDATER("an updater"),
  WEIGHT_INIT("a weight init"),
  NORMALIZE("a normalization"),
  ENCODING("a category encoding"),
  PADDING("a padding"),
  PRUNER("a pruner"),
  SOURCE("a data source"),
  SPLIT("a split"),
  SHAPE("a shape"),
  EARLY_STOPPING("an early stopping rule"),
  SCHEDULE("a learning-rate schedule");

  private final String description;

  Type(String description) {
    this.description = description;
  }

  /** "an activation", for messages. */
  String description() {
    return description;
  }

  /** "activation", for "unknown activation `x`". */
  String noun() {
    return description.replaceFirst("^(an|a) ", "");
  }

  boolean isNumeric() {
    return this == INT || this == NUMBER;
  }
}
