package io.connect8x8.spring.autoconfigure;

import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.spring.Connect8x8ClientCustomizer;
import io.connect8x8.spring.Connect8x8Properties;
import io.connect8x8.spring.SandboxServer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Sandbox mode ({@code connect8x8.sandbox.enabled=true}, or {@code @AutoConfigureConnect8x8Sandbox} on a test): starts
 * the simulator of {@code connect8x8-sandbox} and points the client bean at it, with the simulator's key and, unless
 * set, its default sub-account. Receipts go to {@code connect8x8.sandbox.webhook-url}, else to this application's
 * webhook endpoint on the port the web server was given.
 */
@AutoConfiguration(before = Connect8x8AutoConfiguration.class)
@ConditionalOnClass(name = InvalidProperty.SIMULATOR)
@ConditionalOnProperty(prefix = "connect8x8.sandbox", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(Connect8x8Properties.class)
public class Connect8x8SandboxAutoConfiguration {

    /** The sub-account the client sends from in sandbox mode when none is configured. */
    static final String SANDBOX_SUB_ACCOUNT = "sandbox-subaccount";

    /**
     * Creates the auto-configuration; Spring Boot makes it from the starter's list of auto-configurations, applications
     * do not.
     */
    public Connect8x8SandboxAutoConfiguration() {
    }

    /**
     * The simulator, started after the web server.
     *
     * @param properties  the properties
     * @param environment where the web server's port appears once it has started
     * @return the simulator's bean
     * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException when
     *     {@code connect8x8.sandbox.port} is not 0 to 65535, {@code connect8x8.sandbox.receipt-time-factor} is
     *     negative or {@code connect8x8.sandbox.webhook-url} is not http or https
     */
    @Bean
    public SandboxServer connect8x8SandboxServer(Connect8x8Properties properties, Environment environment) {
        Connect8x8Properties.Sandbox sandbox = properties.getSandbox();
        if (sandbox.getPort() < 0 || sandbox.getPort() > 65_535) {
            // Else the client refused the simulator's URL, naming connect8x8.sms-base-url, which nobody had set.
            throw InvalidProperty.of("connect8x8.sandbox.port", sandbox.getPort(),
                    new IllegalArgumentException("must be 0 (a free port) to 65535"));
        }
        // Checked now by the simulator's builder: it was at the start of the simulator, after the web server, in the
        // builder's words (receiptTimeFactor, webhookUrl) and without the property.
        check("connect8x8.sandbox.receipt-time-factor", sandbox.getReceiptTimeFactor(),
                () -> Sandbox.builder().receiptTimeFactor(sandbox.getReceiptTimeFactor()));
        check("connect8x8.sandbox.webhook-url", sandbox.getWebhookUrl(),
                () -> Sandbox.builder().webhookUrl(sandbox.getWebhookUrl()));
        return new SandboxServer(sandbox.getPort(), sandbox.getReceiptTimeFactor(), () -> {
            if (sandbox.getWebhookUrl() != null) {
                return sandbox.getWebhookUrl();
            }
            String port = environment.getProperty("local.server.port");
            // The endpoint is a servlet of the application's context: without its context path, every receipt
            // the simulator posted was a 404.
            String contextPath = environment.getProperty("server.servlet.context-path", "");
            if (contextPath.equals("/")) {
                contextPath = "";
            }
            return port == null ? null
                    : "http://127.0.0.1:" + port + contextPath + properties.getWebhook().getPath();
        });
    }

    private static void check(String property, Object value, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            throw InvalidProperty.of(property, value, e);
        }
    }

    /**
     * Points the client at the simulator.
     *
     * @param server     the simulator
     * @param properties the properties
     * @return the customizer
     */
    @Bean
    public Connect8x8ClientCustomizer connect8x8SandboxClientCustomizer(SandboxServer server,
                                                                       Connect8x8Properties properties) {
        return builder -> {
            builder.apiKey(server.apiKey()).smsBaseUrl(server.smsBaseUrl()).chatAppsBaseUrl(server.chatAppsBaseUrl())
                    .verifyBaseUrl(server.verifyBaseUrl());
            if (properties.getSubAccountId() == null) {
                builder.subAccountId(SANDBOX_SUB_ACCOUNT);
            }
        };
    }
}
