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
        int bad = firstUnstorable(value, 0, false);
        if (bad >= 0) {
            char c = value.charAt(bad);
            throw new IllegalArgumentException(Character.isSurrogate(c)
                    ? field + " must be valid Unicode text; found half of a surrogate pair at index " + bad
                    : field + " must not contain a control character; found U+" + String.format("%04X", (int) c)
                    + " at index " + bad);
        }
        return value;
    }

    /**
     * The index of the first character some database refuses to store or mangles (a control
     * character, but line breaks and tabs when {@code breaksAllowed}; half of a surrogate pair) at or
     * after {@code from}, or -1.
     */
    static int firstUnstorable(String text, int from, boolean breaksAllowed) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)
                    || Character.isISOControl(c) && !(breaksAllowed && (c == '\n' || c == '\t' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }
}
