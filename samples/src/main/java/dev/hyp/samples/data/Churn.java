package dev.hyp.samples.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A customer table as churn data comes: an id column, numbers with empty cells, text columns
 * (one with rare levels and `NA` cells), and a rare positive class (about one customer in eight
 * leaves), with a few rows whose label is missing. Who leaves depends on tenure, plan, support
 * calls and charges, through a logistic model; city and payment add little.
 *
 * <pre>java -cp samples/target/classes dev.hyp.samples.data.Churn [output-dir]</pre>
 */
public final class Churn {

    public static final String FILE_NAME = "churn.csv";
    public static final long SEED = 2024L;
    public static final int ROWS = 1200;
    public static final String LABEL = "churned";

    private static final String[] PLANS = {"basic", "standard", "premium", "family"};
    private static final double[] PLAN_EFFECT = {1.0, 0.2, -0.4, -0.9};
    private static final String[] CITIES = {"Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Nantes", "Brest",
        "Dijon", "Arles"};
    private static final int[] CITY_WEIGHTS = {30, 20, 15, 12, 10, 8, 2, 2, 1};
    private static final String[] PAYMENTS = {"card", "bank", "paypal"};

    private Churn() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 1 ? args[0] : GenerateSampleData.DEFAULT_OUTPUT_DIR).resolve(FILE_NAME);
        CsvWriter.write(generate(), out);
        System.out.println("wrote " + out);
    }

    public static List<String> header() {
        return List.of("customer_id", "tenure_months", "plan", "city", "payment", "monthly_charges", "support_calls",
            LABEL);
    }

    public static CsvTable generate() {
        return generate(SEED, ROWS);
    }

    public static CsvTable generate(long seed, int rows) {
        Random random = new Random(seed);
        List<List<String>> table = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            int tenure = (int) StrictMath.min(72, StrictMath.floor(-18 * StrictMath.log(1 - random.nextDouble())));
            int plan = random.nextInt(PLANS.length);
            String city = CITIES[pick(random, CITY_WEIGHTS)];
            String payment = PAYMENTS[random.nextInt(PAYMENTS.length)];
            double charges = 15 + 20 * plan + 25 * random.nextDouble();
            int calls = (int) StrictMath.min(9, StrictMath.floor(-1.6 * StrictMath.log(1 - random.nextDouble())));
            double logit = -2.2 - 0.07 * tenure + PLAN_EFFECT[plan] + 0.45 * calls + 0.02 * (charges - 50);
            boolean churned = random.nextDouble() < 1 / (1 + StrictMath.exp(-logit));
            List<String> row = new ArrayList<>(8);
            row.add(String.format(java.util.Locale.ROOT, "C%05d", r + 1));
            row.add(random.nextInt(20) == 0 ? "" : Integer.toString(tenure));
            row.add(PLANS[plan]);
            row.add(random.nextInt(30) == 0 ? "" : city);
            row.add(random.nextInt(25) == 0 ? "NA" : payment);
            row.add(random.nextInt(40) == 0 ? "" : Decimals.format(charges, 2));
            row.add(random.nextInt(15) == 0 ? "" : Integer.toString(calls));
            row.add(random.nextInt(100) == 0 ? "" : churned ? "yes" : "no");
            table.add(row);
        }
        return new CsvTable(header(), table);
    }

    private static int pick(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
