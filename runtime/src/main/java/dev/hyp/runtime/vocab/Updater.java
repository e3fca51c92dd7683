package dev.hyp.runtime.vocab;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * `updater = NAME(arguments)`: every updater and the arguments it takes, in the order a call
 * lists them. Every argument is optional; without `lr` an updater uses Deeplearning4j's default
 * rate for it.
 *
 * <p>Deliberately not in the language: DL4J's AdaDelta (no learning rate, so `lr` and the
 * schedules would not apply), AdaBelief and Noop, and each updater's own schedules (the language
 * has one `lr_schedule` for all). The `adamw` weight decay is applied by the network, not by the
 * updater: DL4J models it as a regularizer.
 */
public enum Updater implements Term {
  SGD(Arguments.LR),
  ADAM(Arguments.LR, Arguments.BETA1, Arguments.BETA2, Arguments.EPSILON),
  ADAMW(Arguments.LR, Arguments.BETA1, Arguments.BETA2, Arguments.EPSILON, Arguments.WEIGHT_DECAY),
  NESTEROVS(Arguments.LR, Arguments.MOMENTUM),
  RMSPROP(Arguments.LR, Arguments.DECAY, Arguments.EPSILON),
  ADAGRAD(Arguments.LR, Arguments.EPSILON),
  ADAMAX(Arguments.LR, Arguments.BETA1, Arguments.BETA2, Arguments.EPSILON),
  NADAM(Arguments.LR, Arguments.BETA1, Arguments.BETA2, Arguments.EPSILON),
  AMSGRAD(Arguments.LR, Arguments.BETA1, Arguments.BETA2, Arguments.EPSILON);

  /** What a network gets when the spec names none. */
  public static final Updater DEFAULT = ADAM;

  /** The arguments, each described once and shared by the updaters that take it. */
  public static final class Arguments {
    private Arguments() {}

    public static final Option LR = Option.number("lr", null, "the learning rate (default: DL4J's for the updater)")
        .above(0);
    public static final Option BETA1 = beta(1, 0.9);
    public static final Option BETA2 = beta(2, 0.999);
    public static final Option EPSILON = Option.number("epsilon", 1e-8, "added to the denominator for stability")
        .above(0);
    public static final Option WEIGHT_DECAY = Option.number("weight_decay", 0.01, "decoupled weight decay")
        .atLeast(0);
    public static final Option MOMENTUM = Option.number("momentum", 0.9, "the momentum").atLeast(0).atMost(1);
    public static final Option DECAY = Option.number("decay", 0.95, "the decay of the squared gradients' average")
        .above(0).atMost(1);

    private static Option beta(int which, double value) {
      return Option.number("beta" + which, value, "the decay of the " + (which == 1 ? "first" : "second")
          + " moment's average").above(0).atMost(1);
    }
  }

  private final List<Option> arguments;

  Updater(Option... arguments) {
    this.arguments = List.of(arguments);
  }

  /** The arguments this updater takes, in order. */
  public List<Option> arguments() {
    return arguments;
  }

  public Optional<Option> argument(String name) {
    return arguments.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  @Override
  public String hypName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a spec writes it, so a trial's parameters print as in the spec. */
  @Override
  public String toString() {
    return hypName();
  }

  public static Updater of(String name) {
    return Term.of(Updater.class, name, "updater");
  }
}
