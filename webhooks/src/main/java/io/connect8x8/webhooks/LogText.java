package io.connect8x8.webhooks;

/**
 * Makes a value taken from a webhook body safe to put in a log line. Anyone holding the webhook secret chooses those
 * values: a line break in a umid would forge a second log entry, and a 1 MiB umid would write 1 MiB per request.
 */
final class LogText {

    /** The most characters of one value a log line shows: a whole event's description fits, a flood does not. */
    static final int MAX_CHARS = 1000;

    private LogText() {
    }

    /**
     * Returns {@code String.valueOf(value)} with each control, line or paragraph separator and format character (CR,
     * LF, NEL, U+2028, bidi overrides ...) written as an escape, cut to {@value #MAX_CHARS} characters of the value
     * followed by how many were left off.
     *
     * @param value the value, or null
     * @return one line of at most {@value #MAX_CHARS} characters of the value and a note of what was cut
     */
    static String of(Object value) {
        String text = String.valueOf(value);
        int end = text.length() <= MAX_CHARS ? text.length() : MAX_CHARS;
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // a lone half of a pair would print as '?'
        }
        StringBuilder out = new StringBuilder(end + 32);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (end < text.length()) {
            out.append("...(").append(text.length() - end).append(" more chars)");
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        if (Character.isISOControl(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT;
    }
}
