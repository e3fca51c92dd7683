package dev.hyp.runtime.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hyp.runtime.space.ParamValues;
import java.util.LinkedHashMap;

/**
 * A trial's parameters as one JSON object in declaration order. Integers stay integers (Long)
 * and floats keep a decimal point (Double), so {@code 1} and {@code 1.0} survive a round trip as
 * different values.
 */
final class ParamsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private ParamsJson() {}

  static String write(ParamValues params) {
    try {
      return MAPPER.writeValueAsString(params.asMap());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write parameters " + params, e);
    }
  }

  static ParamValues read(String json) {
    try {
      return ParamValues.of(MAPPER.readValue(json, MAP));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored parameters are not valid JSON: " + json, e);
    }
  }
}
