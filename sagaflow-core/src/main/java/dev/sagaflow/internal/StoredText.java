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
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')
                    || (Character.isSurrogate(c) && !pair && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1))));
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        String cleaned = out == null ? text : out.toString();
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
