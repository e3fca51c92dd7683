package dev.hyp.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte parser gives exactly Double.parseDouble's double, or throws as it does. */
class DecimalParserTest {
  private static void same(String text) {
    byte[] bytes = ("#" + text + "#").getBytes(StandardCharsets.UTF_8); // a cell inside a longer buffer
    double expected;
    try {
      expected = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      assertThrows(NumberFormatException.class, () -> DecimalParser.parse(bytes, 1, bytes.length - 1), text);
      return;
    }
    double actual = DecimalParser.parse(bytes, 1, bytes.length - 1);
    assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), text);
  }

  @Test
  void handWrittenCases() {
    for (String text : List.of("0", "-0", "+0", "0.0", "-0.0", "00012", "1.", ".5", "-.5", "+.5", "1e5", "1E5", "1e+5",
        "1e-5", "-1.25e-3", "3.4028235e38", "3.4028236e38", "1e22", "1e23", "1e-22", "1e-23", "123456789012345",
        "1234567890123456", "12345678901234567890", "0.1", "0.2", "0.3", "2.675", "9007199254740993",
        "4.9e-324", "1e-400", "1e400", "0e999", "0.000000000000000000000000001", "1.7976931348623157e308",
        "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "0x1p3", "1.5f", "2d", "1e", "1e+", "e5", ".", "-", "+",
        "", "1..2", "1.2.3", "1-2", "12a", "1,5", " 1", "1 ", "--1", "1e5.5", "0.0045", "100", "1_000")) {
      same(text);
    }
  }

  @Test
  void manyRandomValuesAsCsvFilesWriteThem() {
    Random random = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 200_000; i++) {
      double v = switch (i % 5) {
        case 0 -> random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6);
        case 1 -> random.nextInt(2_000_000) - 1_000_000;
        case 2 -> Double.longBitsToDouble(random.nextLong());
        case 3 -> random.nextFloat();
        default -> random.nextDouble() * 1000;
      };
      texts.add(Double.toString(v));
      texts.add(Float.toString((float) v));
      texts.add(String.format(Locale.ROOT, "%." + random.nextInt(10) + "f", v));
      texts.add(String.format(Locale.ROOT, "%." + random.nextInt(17) + "e", v));
    }
    for (int i = 0; i < 20_000; i++) { // random digit strings: leading zeros, long mantissas, odd exponents
      StringBuilder b = new StringBuilder();
      if (random.nextBoolean()) {
        b.append(random.nextBoolean() ? '-' : '+');
      }
      int digits = random.nextInt(20);
      for (int d = 0; d < digits; d++) {
        b.append((char) ('0' + random.nextInt(10)));
      }
      if (random.nextBoolean()) {
        b.append('.');
        for (int d = random.nextInt(20); d > 0; d--) {
          b.append((char) ('0' + random.nextInt(10)));
        }
      }
      if (random.nextInt(3) == 0) {
        b.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(60) - 30);
      }
      texts.add(b.toString());
    }
    for (String text : texts) {
      same(text);
    }
  }
}
