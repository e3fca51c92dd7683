package dev.hyp.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.space.ParamValues;
import dev.hyp.runtime.trial.FrozenTrial;
import dev.hyp.runtime.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** `hyp trials --format json` shows the validation loss that breaks ties on the objective. */
class TrialTableJsonTest {
  private static FrozenTrial trial(int number, Double value, Double validationLoss) {
    return new FrozenTrial(number, TrialState.COMPLETE, ParamValues.of(Map.of("lr", 0.01)), value, null,
        new TreeMap<>(Map.of(1, value)), "test", Instant.EPOCH, Instant.EPOCH, null, List.of(), null, validationLoss);
  }

  @Test
  void eachRowCarriesItsValidationLossAndNullWhereNoneIsKnown() throws Exception {
    String json = new TrialTable(List.of(trial(0, 0.97, 0.081), trial(1, 0.97, null)), "accuracy").json();
    JsonNode rows = new ObjectMapper().readTree(json);
    assertEquals(0.081, rows.get(0).get("validation_loss").asDouble());
    assertTrue(rows.get(1).has("validation_loss"), json);
    assertTrue(rows.get(1).get("validation_loss").isNull(), json);
  }
}
