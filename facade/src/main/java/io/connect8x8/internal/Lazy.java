package io.connect8x8.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, once, whichever thread asks first. The client's OkHttpClient is one: building it loads
 * the JDK's TLS stack and reads the trust store, which a client that only previews requests (the CLI's dry run)
 * never needs.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {

    private Supplier<? extends T> factory;
    private volatile T value;

    /**
     * A value that {@code factory} makes on the first {@link #get()}.
     *
     * @param factory makes the value; called at most once, and never with null as its result
     */
    public Lazy(Supplier<? extends T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * The value, made now if this is the first call.
     *
     * @return the value
     */
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

    /**
     * The value if it was made, without making it: what there is to release when its owner closes. Waits for a
     * {@link #get()} that is making it on another thread, so a value being made is not missed.
     *
     * @return the value, or null when {@link #get()} was never called
     */
    public synchronized T ifMade() {
        return value;
    }
}
