package dev.hyp.runtime.data;

/** How the training file is divided: a holdout, or k folds. */
public sealed interface Split {

  /** `holdout(validation, test)`: fractions of the rows, seeded, stratified for classification. */
  record Holdout(double validation, double test) implements Split {
    public Holdout {
      if (!(validation > 0 && validation < 1) || !(test >= 0 && test < 1) || validation + test >= 1) {
        throw new IllegalArgumentException("bad holdout fractions: validation " + validation + ", test " + test);
      }
    }
  }

  /** `kfold(k)`: each row is in the validation part of exactly one fold. */
  record KFold(int folds) implements Split {
    public KFold {
      if (folds < 2) {
        throw new IllegalArgumentException("kfold needs k >= 2, got " + folds);
      }
    }
  }
}
