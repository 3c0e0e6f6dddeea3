package io.connect8x8.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link Sandbox} on a free port for a test class.
 *
 * <pre>{@code
 * class SendsOtpTest {
 *     @RegisterExtension
 *     static final SandboxExtension SANDBOX = SandboxExtension.builder()
 *             .configure(sandbox -> sandbox.receiptTimeFactor(0.001))
 *             .build();
 *
 *     @Test
 *     void sendsOtp(Sandbox sandbox) {
 *         // sandbox.smsBaseUrl(), sandbox.apiKey(), sandbox.messages() ...
 *     }
 * }
 * }</pre>
 *
 * <p>On a static field the simulator starts before all tests of the class and stops after them; on an instance field
 * it lives for one test. Before each test the recorded messages, counters and faults are reset (unless turned off).
 * Test methods, constructors and lifecycle methods can declare a {@link Sandbox} parameter.
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Consumer<Sandbox.Builder> configuration;
    private final boolean resetBeforeEach;
    /** The parameter types this extension injects; the place to add a configured client when the facade has one. */
    private final Map<Class<?>, Function<Sandbox, Object>> injectables = Map.of(Sandbox.class, sandbox -> sandbox);
    private volatile Sandbox sandbox;
    private volatile boolean perClass;

    private SandboxExtension(Builder builder) {
        this.configuration = builder.configuration;
        this.resetBeforeEach = builder.resetBeforeEach;
    }

    /** @return a builder with the defaults: a default {@link Sandbox} on a free port, reset before each test */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The running simulator, for use in static helpers; tests usually take it as a parameter instead.
     *
     * @return the simulator
     * @throws IllegalStateException outside the extension's lifetime
     */
    public Sandbox sandbox() {
        Sandbox running = sandbox;
        if (running == null) {
            throw new IllegalStateException("the sandbox runs only while the tests of its class run");
        }
        return running;
    }

    /** Starts the simulator for the test class. */
    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        startSandbox();
    }

    /** Stops the simulator of the test class. */
    @Override
    public void afterAll(ExtensionContext context) {
        stopSandbox();
    }

    /** Resets the class's simulator, or starts one for this test when registered on an instance field. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            startSandbox();
        } else if (resetBeforeEach) {
            sandbox().reset();
        }
    }

    /** Stops a simulator that lives for one test. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stopSandbox();
        }
    }

    private synchronized void startSandbox() {
        if (sandbox == null) {
            Sandbox.Builder builder = Sandbox.builder();
            configuration.accept(builder);
            sandbox = builder.build().start();
        }
    }

    private synchronized void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    /** Whether the parameter is of an injectable type ({@link Sandbox}). */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return injectables.containsKey(parameter.getParameter().getType());
    }

    /** The running simulator (started first when a constructor asks before {@code beforeEach}). */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (sandbox == null) {
            // A test-instance constructor runs before beforeEach: start early for an instance-field extension.
            startSandbox();
        }
        return injectables.get(parameter.getParameter().getType()).apply(sandbox());
    }

    /** Builds a {@link SandboxExtension}. */
    public static final class Builder {

        private Consumer<Sandbox.Builder> configuration = builder -> { };
        private boolean resetBeforeEach = true;

        private Builder() {
        }

        /**
         * Configures the simulator the extension starts (the port stays 0, a free one, unless set here).
         *
         * @param configuration applied to a fresh {@link Sandbox.Builder}; default none
         * @return this
         */
        public Builder configure(Consumer<Sandbox.Builder> configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /**
         * Whether recorded messages, counters and faults are reset before each test.
         *
         * @param reset default true
         * @return this
         */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        /** @return the extension */
        public SandboxExtension build() {
            return new SandboxExtension(this);
        }
    }
}
