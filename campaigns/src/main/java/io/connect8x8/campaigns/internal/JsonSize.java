package io.connect8x8.campaigns.internal;

/** Upper estimates of how many bytes a string takes once written as a JSON string (quotes and escapes included). */
final class JsonSize {

    private JsonSize() {
    }

    static int of(String text) {
        if (text == null) {
            return 0;
        }
        int bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == '=' || c == '\'') {
                bytes += 6; // an escape: the longest form is \\uXXXX
            } else if (c < 0x80) {
                bytes += 1;
            } else {
                bytes += 3; // a UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, 4 bytes for 2 units)
            }
        }
        return bytes;
    }
}
