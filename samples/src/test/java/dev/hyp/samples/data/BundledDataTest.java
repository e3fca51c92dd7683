package dev.hyp.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The two real data sets copied into samples/data (from scikit-learn's bundled UCI copies). */
class BundledDataTest {

    @Test
    void irisHas150FlowersOf3Species() throws IOException {
        SampleCsv csv = SampleCsv.read("iris.csv");
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width", "species"), csv.header());
        assertEquals(150, csv.rows().size());
        assertEquals(Map.of("setosa", 50, "versicolor", 50, "virginica", 50), counts(csv, "species"));
    }

    @Test
    void breastCancerHas569TumoursWith30Features() throws IOException {
        SampleCsv csv = SampleCsv.read("breast_cancer.csv");
        assertEquals(31, csv.header().size());
        assertEquals("mean_radius", csv.header().get(0));
        assertEquals("diagnosis", csv.header().get(30));
        assertEquals(569, csv.rows().size());
        assertEquals(Map.of("benign", 357, "malignant", 212), counts(csv, "diagnosis"));
    }

    private static Map<String, Integer> counts(SampleCsv csv, String column) {
        int c = csv.column(column);
        Map<String, Integer> counts = new TreeMap<>();
        for (String[] row : csv.rows()) {
            assertEquals(csv.header().size(), row.length);
            counts.merge(row[c], 1, Integer::sum);
        }
        return counts;
    }
}
