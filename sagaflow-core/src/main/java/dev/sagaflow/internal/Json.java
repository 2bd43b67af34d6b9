package dev.sagaflow.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sagaflow.SagaDataException;

import java.util.Iterator;
import java.util.Map;

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

    /** Stored JSON (written by this class) as a tree, to embed in another document. */
    public static JsonNode tree(String json, String whose) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SagaDataException("Data of " + whose + " is not JSON: " + e.getOriginalMessage(), e);
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
            throw new SagaDataException("Data of " + whose + " does not deserialize as " + type.getName()
                    + fieldOf(e) + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Where in the JSON the error is, as " at field 'a.b'", or nothing when Jackson cannot say. */
    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? "" : " at field '" + path + "'";
        }
        return "";
    }

    /**
     * Data as it is stored, and the copy read back from it: what every later attempt will see.
     */
    public record Stored(String json, Object copy) {
    }

    /**
     * Writes saga data (start data, a step's result) as JSON, refusing what the store could not give
     * back: JSON over {@code maxChars}, JSON that does not read back as {@code type}, or reads back as
     * something else (a field written but not read). The message names the type and the field.
     */
    public static Stored storable(Object value, Class<?> type, String whose, int maxChars) {
        String json = encode(value, whose);
        if (json.length() > maxChars) {
            throw new SagaDataException("Data of " + whose + " (" + type.getName() + ") is " + json.length()
                    + " characters of JSON, over the limit of " + maxChars, null);
        }
        Object copy;
        try {
            copy = MAPPER.readValue(json, type);
        } catch (JsonProcessingException | RuntimeException e) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? " at field '" + path(m) + "'" : "";
            throw new SagaDataException("Data of " + whose + " (" + type.getName() + ") is written as JSON but cannot be "
                    + "read back" + field + ": " + originalMessage(e), e);
        }
        if (copy == null) {
            throw new SagaDataException("Data of " + whose + " (" + type.getName() + ") is written as JSON null", null);
        }
        String difference = firstDifference(tree(json), tree(encode(copy, whose)), "");
        if (difference != null) {
            throw new SagaDataException("Data of " + whose + " (" + type.getName() + ") does not survive a JSON round "
                    + "trip: " + difference, null);
        }
        return new Stored(json, copy);
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson cannot read the JSON it wrote: " + e.getOriginalMessage(), e);
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Where {@code read} differs from {@code written}, named by field, or null when they are equal. */
    private static String firstDifference(JsonNode written, JsonNode read, String at) {
        if (written.equals(read)) {
            return null;
        }
        String here = at.isEmpty() ? "the data itself" : "field '" + at + "'";
        if (written.isObject() && read.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = written.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                if (!read.has(field.getKey())) {
                    return "field '" + name + "' is written but not read back";
                }
                String inner = firstDifference(field.getValue(), read.get(field.getKey()), name);
                if (inner != null) {
                    return inner;
                }
            }
            for (Iterator<String> it = read.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!written.has(name)) {
                    return "field '" + (at.isEmpty() ? name : at + "." + name) + "' is read back but was not written";
                }
            }
        }
        if (written.isArray() && read.isArray() && written.size() == read.size()) {
            for (int i = 0; i < written.size(); i++) {
                String inner = firstDifference(written.get(i), read.get(i), at + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return here + " is written as " + shorten(written) + " but read back as " + shorten(read);
    }

    private static String shorten(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static String originalMessage(Exception e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
    }
}
