package dev.sagaflow.internal;

/**
 * The rule for the identifiers users hand the engine (idempotency keys, correlation ids, node ids,
 * saga ids): text that every store can hold as it is. Checked at the API, so that a value a database
 * would refuse never reaches a commit batch shared with other instances.
 */
public final class Identifiers {
    /** Longest idempotency key or correlation id, in characters; the columns hold more. */
    public static final int MAX_KEY_LENGTH = 200;

    private Identifiers() {
    }

    /**
     * @throws IllegalArgumentException naming {@code field} when {@code value} is null, blank, longer
     *                                  than {@code maxLength}, or holds a control character or half
     *                                  of a surrogate pair
     */
    public static String require(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters; was "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(field + " must not contain a control character; found U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(field + " must be valid Unicode text; found half of a surrogate "
                        + "pair at index " + i);
            }
        }
        return value;
    }
}
