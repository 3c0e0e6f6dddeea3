package io.connect8x8.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made once, on first use, whichever thread asks first: the client's OkHttpClient, whose TLS set-up a client
 * that only previews requests never needs.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> factory;
    private volatile T value;

    /**
     * Makes the holder; nothing is made until the first get.
     *
     * @param factory makes the value at the first {@link #get()}; called at most once, must not return null
     */
    public Lazy(Supplier<? extends T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public T get() {
        T made = value;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (value == null) {
                value = Objects.requireNonNull(factory.get(), "the factory made null");
                factory = null;
            }
            return value;
        }
    }

    /** The value if it was made (null if not), without making it, for its owner to release; waits for a get(). */
    synchronized T ifMade() {
        return value;
    }
}
