package dev.sagaflow.internal;

/**
 * Free text the engine stores that it did not check at the API, such as a step's error message:
 * made storable (no NUL or other control characters but line breaks and tabs, no half surrogate
 * pairs, which some databases refuse) and cut to a length, so it can never make a write refused.
 */
public final class StoredText {
    /** Longest stored detail or failure text, in characters. */
    public static final int MAX_LENGTH = 4_000;
    private static final String CUT = " … (cut)";

    private StoredText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text;
        int bad = Identifiers.firstUnstorable(text, 0, true);
        if (bad >= 0) {
            StringBuilder out = new StringBuilder(text.length());
            int from = 0;
            for (; bad >= 0; bad = Identifiers.firstUnstorable(text, from, true)) {
                out.append(text, from, bad).append('\uFFFD');
                from = bad + 1;
            }
            cleaned = out.append(text, from, text.length()).toString();
        }
        if (cleaned.length() <= MAX_LENGTH) {
            return cleaned;
        }
        int end = MAX_LENGTH - CUT.length();
        if (Character.isHighSurrogate(cleaned.charAt(end - 1))) {
            end--;
        }
        return cleaned.substring(0, end) + CUT;
    }
}
