package dev.hyp.runtime.bench.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * A wide mixed-type CSV for load times, 21 columns as business tables come: {@code id}, twelve
 * numbers {@code n1..n12} (4 decimals, 3% empty cells), two counts ({@code age}, {@code visits}),
 * five text columns of 4 to 2,000 levels ({@code plan}, {@code region}, {@code shop}, {@code
 * product}, {@code channel}, the last with {@code NA} cells) and a label {@code churned}
 * ({@code yes} about 12%, more often with many visits and the basic plan). About 185 bytes a row:
 * the default 1,080,000 rows are about 200 MB.
 */
public final class MixedTable {
  public static final String FILE_NAME = "mixed_1m.csv";
  public static final String LABEL = "churned";
  public static final long SEED = 21L;
  public static final long ROWS = 1_080_000L;
  private static final String[] PLANS = {"basic", "standard", "premium", "family"};
  private static final String[] CHANNELS = {"website", "retail_store", "call_centre", "partner", "mail_order", "NA"};

  private MixedTable() {}

  /** Writes {@code rows} rows drawn with {@code seed}; returns the file's size in bytes. */
  public static long write(Path file, long rows, long seed) throws IOException {
    Random random = new Random(seed);
    String header = "id,n1,n2,n3,n4,n5,n6,n7,n8,n9,n10,n11,n12,age,visits,plan,region,shop,product,channel,"
        + LABEL;
    return CsvOut.write(file, header, rows, (index, line) -> {
      line.append(index + 1);
      for (int j = 0; j < 12; j++) {
        line.append(',');
        double value = (random.nextGaussian() + j) * (100 + 400 * j);
        if (random.nextInt(33) != 0) {
          FixedDecimals.append(line, value, 4);
        }
      }
      int age = 18 + random.nextInt(70);
      int visits = (int) Math.abs(random.nextGaussian() * 12);
      int plan = random.nextInt(PLANS.length);
      line.append(',').append(age).append(',').append(visits).append(',').append(PLANS[plan]);
      line.append(",region-").append(random.nextInt(30));
      line.append(",shop-").append((int) Math.abs(random.nextGaussian() * 80));
      line.append(",product-").append(1000 + random.nextInt(2000));
      line.append(',').append(CHANNELS[random.nextInt(CHANNELS.length)]);
      double odds = -2.6 + 0.05 * visits + (plan == 0 ? 0.6 : 0.0) - 0.01 * (age - 50);
      boolean churned = random.nextDouble() < 1.0 / (1.0 + StrictMath.exp(-odds));
      line.append(',').append(churned ? "yes" : "no");
    });
  }
}
