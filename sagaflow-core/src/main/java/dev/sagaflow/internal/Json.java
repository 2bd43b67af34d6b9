package dev.sagaflow.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sagaflow.SagaDataException;

/** Saga data to and from JSON, with errors that say whose data and what is wrong. */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static String encode(Object value, String whose) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new SagaDataException("Data of " + whose + " cannot be written as JSON ("
                    + value.getClass().getName() + "): " + originalMessage(e), e);
        }
    }

    public static <T> T decode(String json, Class<T> type, String whose) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new SagaDataException("Data of " + whose + " is JSON null, not a " + type.getName(), null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new SagaDataException("Data of " + whose + " does not deserialize as " + type.getName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String originalMessage(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
    }
}
