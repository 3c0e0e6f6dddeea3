package io.connect8x8.internal;

import java.util.function.Function;

/**
 * A one-entry cache of a parse: the calls of one API repeat one URL and one content type, and OkHttp's parsers cost
 * a send more than the rest of building its request. The value must be immutable; a race at worst parses twice.
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

    T get(String text) {
        Entry<T> entry = last;
        if (entry == null || !entry.text().equals(text)) {
            entry = new Entry<>(text, parse.apply(text));
            last = entry;
        }
        return entry.value();
    }
}
