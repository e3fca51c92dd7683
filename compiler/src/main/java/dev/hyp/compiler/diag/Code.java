package dev.hyp.compiler.diag;

/**
 * The stable codes of hyp's diagnostics. A code never changes meaning once released: tools
 * and CI scripts match on it. docs/language.md lists every code with an example.
 */
public enum Code {
  // Syntax (the parser)
  HYP001("syntax error"),
  HYP002("unterminated string"),
  HYP003("unterminated block comment"),
  HYP004("unexpected character"),
  HYP005("invalid escape in a string"),
  HYP006("unclosed `{`"),
  HYP007("number out of range"),
  HYP008("nested too deeply"),
  HYP009("expression too large"),

  // Structure and names
  HYP010("unknown section"),
  HYP011("missing required section"),
  HYP012("unknown name"),
  HYP013("unknown setting"),
  HYP014("duplicate definition"),
  HYP015("unknown function or layer"),
  HYP016("unknown argument"),
  HYP017("missing argument"),
  HYP018("wrong type"),
  HYP019("too many arguments"),
  HYP020("value out of range"),
  HYP021("not allowed here"),

  // Parameters
  HYP030("empty range"),
  HYP031("log range not positive"),
  HYP032("step does not fit the range"),
  HYP033("duplicate parameter"),
  HYP034("duplicate choice"),
  HYP035("condition on an unknown parameter"),
  HYP036("condition on a later parameter"),
  HYP037("per-layer index can exceed its bound"),
  HYP038("conditional parameter used where it may not exist"),
  HYP039("bad per-layer bound"),
  HYP040("comparison that can never hold"),
  HYP041("too many parameters"),

  // Search
  HYP050("grid over an infinite space"),
  HYP051("bad pick rule"),

  // Model, task and objective
  HYP060("metric does not fit the task"),
  HYP061("loss does not fit the output activation"),
  HYP062("layer cannot follow the previous one"),
  HYP063("bad output layer"),
  HYP064("objective on a split that does not exist"),
  HYP065("too many layers"),
  HYP066("image folder with a regression loss"),
  HYP067("unknown measure"),
  HYP068("objective given twice"),
  HYP069("constraint no trial can meet"),

  // Data files named by the spec
  HYP070("data file not found"),
  HYP071("label column not found"),
  HYP072("column not found"),
  HYP073("bad data in a column"),

  // Warnings
  HYP100("unused parameter"),
  HYP101("grid larger than the trial budget"),
  HYP102("every trial too large for this machine's memory"),
  HYP103("a budget of several trials for a space of one point"),
  HYP104("id-like column used as a feature");

  private final String title;

  Code(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** A problem with a data file the spec names, not with the spec's text: commands exit 2 for it, as for bad data. */
  public boolean isDataFile() {
    return this == HYP070 || this == HYP071 || this == HYP072 || this == HYP073;
  }
}
