package io.connect8x8.internal;

import java.util.function.Function;

/**
 * A one-entry cache of a parse: the last text and what it parsed to. The calls of one API repeat one URL and one
 * content type, and OkHttp's parsers (URL, media type) cost a send more than the rest of building its request. The
 * value must be immutable; thread-safe (a race at worst parses twice).
 *
 * @param <T> what the text parses to
 */
final class LastParsed<T> {

    private record Entry<T>(String text, T value) {
    }

    private final Function<String, T> parse;
    private volatile Entry<T> last;

    LastParsed(Function<String, T> parse) {
        this.parse = parse;
    }

    /** The parse of {@code text}: the last one when the text is the same, else a fresh one, kept. */
    T get(String text) {
        Entry<T> entry = last;
        if (entry != null && entry.text().equals(text)) {
            return entry.value();
        }
        T value = parse.apply(text);
        last = new Entry<>(text, value);
        return value;
    }
}
