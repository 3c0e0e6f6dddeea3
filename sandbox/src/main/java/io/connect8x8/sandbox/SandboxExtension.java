package io.connect8x8.sandbox;

import io.connect8x8.Connect8x8Client;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link Sandbox} on a free port and hands tests a {@link Connect8x8Client} pointed
 * at it.
 *
 * <pre>{@code
 * class SendsOtpTest {
 *     @RegisterExtension
 *     static final SandboxExtension SANDBOX = SandboxExtension.builder().build();
 *
 *     @Test
 *     void sendsOtp(Connect8x8Client client, Sandbox sandbox) {
 *         client.sms().send(Sms.builder().to("+6591234567").from("8x8").text("Your code is 123456").build());
 *
 *         assertEquals(1, sandbox.messagesTo("+6591234567").size());
 *     }
 * }
 * }</pre>
 *
 * <p>On a static field the simulator and the client start before all tests of the class (and its {@code @Nested}
 * classes) and are closed after them; on an instance field they live for one test. Before each test of a static
 * registration the recorded messages, counters, faults and rate windows are reset (unless turned off with
 * {@link Builder#resetBeforeEach(boolean)}). Both are kept in JUnit's {@link ExtensionContext.Store} of the class or
 * the test, which closes them (client first) when that scope ends; the extension holds no static state, so test
 * classes may run in parallel.
 *
 * <p>Test methods, lifecycle methods and constructors can declare parameters of these types:
 * <table>
 *   <caption>Injected parameters</caption>
 *   <tr><th>type</th><th>value</th></tr>
 *   <tr><td>{@link Sandbox}</td><td>the running simulator: base URLs, key, faults, recorded messages</td></tr>
 *   <tr><td>{@link Connect8x8Client}</td><td>a client for both of the simulator's base URLs, with its key and the
 *       sub-account {@link Builder#subAccountId(String)}; owned by the extension, do not close it</td></tr>
 * </table>
 * The client is built on first use. It keeps the facade's defaults (three attempts, real backoff sleeps) unless
 * {@link Builder#configureClient(Consumer)} changes them.
 */
public final class SandboxExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    /** The sub-account the injected client sends from unless configured. */
    public static final String DEFAULT_SUB_ACCOUNT_ID = "sandbox-subaccount";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            SandboxExtension.class);

    private final Consumer<Sandbox.Builder> configuration;
    private final Consumer<Connect8x8Client.Builder> clientConfiguration;
    private final String subAccountId;
    private final boolean resetBeforeEach;
    /** The resources of the current scope, for {@link #sandbox()} and {@link #client()}; the Store owns them. */
    private volatile SandboxResources current;

    private SandboxExtension(Builder builder) {
        this.configuration = builder.configuration;
        this.clientConfiguration = builder.clientConfiguration;
        this.subAccountId = builder.subAccountId;
        this.resetBeforeEach = builder.resetBeforeEach;
    }

    /**
     * A builder with the defaults: a default {@link Sandbox} on a free port, reset before each test, and a client for
     * sub-account {@value #DEFAULT_SUB_ACCOUNT_ID}.
     *
     * @return the builder
     */
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
        return running().sandbox();
    }

    /**
     * The client pointed at the running simulator, for use in static helpers; tests usually take it as a parameter.
     * The extension closes it.
     *
     * @return the client
     * @throws IllegalStateException outside the extension's lifetime
     */
    public Connect8x8Client client() {
        return running().client();
    }

    private SandboxResources running() {
        SandboxResources resources = current;
        if (resources == null || resources.isClosed()) {
            throw new IllegalStateException("the sandbox runs only while the tests of its class run");
        }
        return resources;
    }

    /** Starts the simulator for the test class (a static registration). */
    @Override
    public void beforeAll(ExtensionContext context) {
        resources(context);
    }

    /**
     * Resets the class's simulator, or starts one for this test when registered on an instance field (the test's
     * Store closes it after the test).
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        SandboxResources inherited = context.getStore(NAMESPACE).get(this, SandboxResources.class);
        if (inherited == null) {
            resources(context);
        } else if (resetBeforeEach) {
            inherited.sandbox().reset();
        }
    }

    /** The running simulator or client of this scope, started first if need be (a constructor may ask early). */
    private SandboxResources resources(ExtensionContext context) {
        SandboxResources resources = context.getStore(NAMESPACE).getOrComputeIfAbsent(this,
                key -> new SandboxResources(startSandbox(), this::newClient),
                SandboxResources.class);
        current = resources;
        return resources;
    }

    private Sandbox startSandbox() {
        Sandbox.Builder builder = Sandbox.builder();
        configuration.accept(builder);
        return builder.build().start();
    }

    private Connect8x8Client newClient(Sandbox sandbox) {
        Connect8x8Client.Builder builder = Connect8x8Client.builder()
                .apiKey(sandbox.apiKey())
                .smsBaseUrl(sandbox.smsBaseUrl())
                .chatAppsBaseUrl(sandbox.chatAppsBaseUrl())
                .verifyBaseUrl(sandbox.verifyBaseUrl())
                .subAccountId(subAccountId);
        clientConfiguration.accept(builder);
        return builder.build();
    }

    /** Whether the parameter is a {@link Sandbox} or a {@link Connect8x8Client}. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Sandbox.class || type == Connect8x8Client.class;
    }

    /** The simulator or the client of the current scope. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SandboxResources resources = resources(context);
        return parameter.getParameter().getType() == Sandbox.class ? resources.sandbox() : resources.client();
    }

    /** Builds a {@link SandboxExtension}. Not thread-safe; every option has a default. */
    public static final class Builder {

        private Consumer<Sandbox.Builder> configuration = builder -> { };
        private Consumer<Connect8x8Client.Builder> clientConfiguration = builder -> { };
        private String subAccountId = DEFAULT_SUB_ACCOUNT_ID;
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
         * Configures the injected client after the extension has set its key, three base URLs and the sub-account;
         * for example a {@link io.connect8x8.RetryPolicy} or a {@link io.connect8x8.Sleeper} that does not sleep.
         * Whatever is set here wins. The extension still owns and closes the client.
         *
         * @param configuration applied to the client's builder; default none (the facade's defaults)
         * @return this
         */
        public Builder configureClient(Consumer<Connect8x8Client.Builder> configuration) {
            this.clientConfiguration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /**
         * The sub-account the injected client sends from (both APIs). The simulator accepts any well-formed id
         * unless it runs in strict mode, where the key must own it ({@code addKey(key, subAccountId)}).
         *
         * @param subAccountId 3 to 50 of {@code A-Z a-z 0-9 - . _ &} (checked when the client is built); default
         *     {@value #DEFAULT_SUB_ACCOUNT_ID}
         * @return this
         */
        public Builder subAccountId(String subAccountId) {
            Objects.requireNonNull(subAccountId, "subAccountId");
            if (subAccountId.isBlank()) {
                throw new IllegalArgumentException("subAccountId must not be blank");
            }
            this.subAccountId = subAccountId;
            return this;
        }

        /**
         * Whether recorded messages, counters and faults are reset before each test of a static registration (an
         * instance registration gets a fresh simulator per test anyway).
         *
         * @param reset default true
         * @return this
         */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        /**
         * Returns the extension.
         *
         * @return the extension
         */
        public SandboxExtension build() {
            return new SandboxExtension(this);
        }
    }
}
