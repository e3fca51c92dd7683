package dev.hyp.runtime.run;

import picocli.CommandLine;

/** `30s`, `10m`, `2h`, or plain seconds, into seconds. */
final class DurationConverter implements CommandLine.ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    if (!value.matches("\\d+[smh]?")) {
      throw new CommandLine.TypeConversionException("`" + value + "` is not a duration such as 30s, 10m or 2h");
    }
    char unit = value.charAt(value.length() - 1);
    try {
      long amount = Long.parseLong(Character.isDigit(unit) ? value : value.substring(0, value.length() - 1));
      return switch (unit) {
        case 'h' -> Math.multiplyExact(amount, 3600L);
        case 'm' -> Math.multiplyExact(amount, 60L);
        default -> amount;
      };
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CommandLine.TypeConversionException("`" + value + "` is too long a duration");
    }
  }
}
