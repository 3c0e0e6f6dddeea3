package io.connect8x8.specupdates;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The changed document's operation index and prepared document, added to the thread's class path for one action: the
 * facade's generic path (and the CLI on it) read the index through the context class loader, so outside the action
 * they see only the artifacts they shipped with.
 */
final class UpdatedIndex {

    /** The set file's name. */
    static final String SET = "updated";

    /** The root of the changed artifact's generated packages. */
    static final String PACKAGE_ROOT = "io.connect8x8.generated.updated";

    private UpdatedIndex() {
    }

    /** Runs {@code action} with the changed artifact's operation index and prepared document on the class path. */
    static <T> T with(Callable<T> action) throws Exception {
        URL resources = Path.of(System.getProperty("spec.set.resources")).toUri().toURL();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader updated = new URLClassLoader(new URL[] {resources}, UpdatedIndex.class.getClassLoader())) {
            thread.setContextClassLoader(updated);
            return action.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
