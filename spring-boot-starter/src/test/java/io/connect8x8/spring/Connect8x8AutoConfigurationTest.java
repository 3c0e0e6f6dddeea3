package io.connect8x8.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.connect8x8.ClientClosedException;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.OperationCall;
import io.connect8x8.api.Operations;
import io.connect8x8.sms.Sms;
import io.connect8x8.spring.autoconfigure.Connect8x8ActuatorAutoConfiguration;
import io.connect8x8.spring.autoconfigure.Connect8x8AutoConfiguration;
import io.connect8x8.spring.autoconfigure.Connect8x8MetricsAutoConfiguration;
import io.connect8x8.spring.autoconfigure.Connect8x8SandboxAutoConfiguration;
import io.connect8x8.spring.autoconfigure.Connect8x8WebhookAutoConfiguration;
import io.connect8x8.webhooks.ReceiptLedger;
import io.connect8x8.webhooks.ReceiptReceiver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The auto-configurations in Spring Boot's context runner: which beans exist for which properties. */
class Connect8x8AutoConfigurationTest {

    private static final String SMS_OK = "{\"umid\":\"u-1\",\"clientMessageId\":null,\"destination\":\"6512345678\","
            + "\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued\"}}";
    private static final String RECEIPT = """
            {"namespace": "SMS", "eventType": "outbound_message_status_changed",
             "payload": {"umid": "u-1", "status": {"state": "delivered", "timestamp": "2026-01-01T00:00:00Z"}}}
            """;

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Connect8x8SandboxAutoConfiguration.class,
                    Connect8x8AutoConfiguration.class, Connect8x8WebhookAutoConfiguration.class,
                    Connect8x8ActuatorAutoConfiguration.class, Connect8x8MetricsAutoConfiguration.class));

    private MockWebServer api;

    @BeforeEach
    void startApi() throws IOException {
        api = new MockWebServer();
        api.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopApi() throws IOException {
        api.shutdown();
    }

    private String apiUrl() {
        return api.url("/sms").toString().replaceAll("/$", "");
    }

    @Test
    void buildsTheClientFromProperties() {
        api.enqueue(new MockResponse().setResponseCode(503).setHeader("Content-Type", "application/json")
                .setBody("{\"code\":2000,\"message\":\"busy\"}"));
        api.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(SMS_OK));
        runner.withPropertyValues("connect8x8.api-key=sk-test-properties-1", "connect8x8.sub-account-id=acme_sub",
                        "connect8x8.sms-base-url=" + apiUrl(), "connect8x8.call-timeout=20s",
                        "connect8x8.retry.max-attempts=2", "connect8x8.retry.initial-backoff=1ms",
                        "connect8x8.retry.max-backoff=1ms")
                .run(context -> {
                    Connect8x8Client client = context.getBean(Connect8x8Client.class);
                    client.sms().send(Sms.builder().to("+6512345678").from("8x8").text("hi").build());

                    RecordedRequest first = api.takeRequest(10, TimeUnit.SECONDS);
                    RecordedRequest second = api.takeRequest(10, TimeUnit.SECONDS);
                    assertEquals("/sms/api/v1/subaccounts/acme_sub/messages", first.getPath());
                    assertEquals("Bearer sk-test-properties-1", first.getHeader("Authorization"));
                    assertEquals(first.getBody().readUtf8(), second.getBody().readUtf8(),
                            "retried once after the 503, as connect8x8.retry.max-attempts=2 allows");
                    assertFalse(context.containsBean("connect8x8WebhookServlet"), "no webhook unless chosen");
                });
    }

    @Test
    void pointsTheVerificationApiAndTheAccountWhereThePropertiesSay() {
        runner.withPropertyValues("connect8x8.api-key=sk-test-properties-1", "connect8x8.sub-account-id=acme_sub",
                        "connect8x8.verify-base-url=http://127.0.0.1:9/verify",
                        "connect8x8.account-id=0123456789abcdef0123456789abcdef")
                .run(context -> {
                    Operations api = context.getBean(Connect8x8Client.class).api();
                    assertEquals("http://127.0.0.1:9/verify/api/v2/subaccounts/acme_sub/sessions",
                            api.preview(OperationCall.of("verification:verify-request-v2")
                                    .body(Map.of("destination", "+6591234567"))).url());
                    assertEquals("https://chatapps.8x8.com/api/v1/accounts/0123456789abcdef0123456789abcdef/channels"
                            + "/wa/templates", api.preview(OperationCall.of("messaging-apps:get-whatsapp-templates")
                            .param("channelId", "wa")).url());
                });
    }

    @Test
    void readsTheKeyFromAFile(@TempDir Path dir) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("key"), "sk-test-from-file-2\n");
        api.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(SMS_OK));
        runner.withPropertyValues("connect8x8.api-key-file=" + keyFile, "connect8x8.sub-account-id=acme_sub",
                        "connect8x8.sms-base-url=" + apiUrl())
                .run(context -> {
                    context.getBean(Connect8x8Client.class).sms()
                            .send(Sms.builder().to("+6512345678").from("8x8").text("hi").build());
                    assertEquals("Bearer sk-test-from-file-2",
                            api.takeRequest(10, TimeUnit.SECONDS).getHeader("Authorization"));
                });
    }

    @Test
    void theKeyPropertyWinsOverTheKeyFileAsDocumented(@TempDir Path dir) throws IOException {
        // A file that cannot hold a key: it was read, and its key replaced api-key's, even with api-key set.
        Path keyFile = Files.writeString(dir.resolve("key"), "not a key\n");
        api.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(SMS_OK));
        runner.withPropertyValues("connect8x8.api-key=sk-test-properties-1", "connect8x8.api-key-file=" + keyFile,
                        "connect8x8.sub-account-id=acme_sub", "connect8x8.sms-base-url=" + apiUrl())
                .run(context -> {
                    context.getBean(Connect8x8Client.class).sms()
                            .send(Sms.builder().to("+6512345678").from("8x8").text("hi").build());
                    assertEquals("Bearer sk-test-properties-1",
                            api.takeRequest(10, TimeUnit.SECONDS).getHeader("Authorization"));
                });
    }

    @Test
    void aKeyFileHoldingAMalformedKeyFailsStartupNamingTheFileProperty(@TempDir Path dir) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("key"), "sk live key-4\n");
        runner.withPropertyValues("connect8x8.api-key-file=" + keyFile, "connect8x8.sub-account-id=acme_sub")
                .run(context -> {
                    InvalidConfigurationPropertyValueException failure = startupFailure(context.getStartupFailure());
                    assertEquals("connect8x8.api-key-file", failure.getName());
                    assertEquals(keyFile, failure.getValue());
                    assertEquals("the API key contains whitespace at position 3 of 13", failure.getReason());
                    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                        assertFalse(String.valueOf(t.getMessage()).contains("sk live key-4"), t.getMessage());
                    }
                });
    }

    @Test
    void sandboxModeIgnoresTheProductionKeyFile(@TempDir Path dir) {
        // The application's properties name the key file of production; a sandbox test runs where it is absent,
        // and the simulator's key replaces it anyway.
        runner.withPropertyValues("connect8x8.api-key-file=" + dir.resolve("absent"),
                        "connect8x8.sandbox.enabled=true")
                .run(context -> {
                    assertNull(context.getStartupFailure());
                    assertNotNull(context.getBean(Connect8x8Client.class));
                });
    }

    @Test
    void mountsTheWebhookAtTheConfiguredPathAndPublishesEventsOncePerReceipt() {
        runner.withUserConfiguration(Listener.class)
                .withPropertyValues("connect8x8.api-key=sk-test-properties-1", "connect8x8.webhook.path=/hooks/8x8",
                        "connect8x8.webhook.authorization=Bearer hook-secret")
                .run(context -> {
                    ServletRegistrationBean<?> registration = context.getBean("connect8x8WebhookServlet",
                            ServletRegistrationBean.class);
                    assertEquals(List.of("/hooks/8x8"), List.copyOf(registration.getUrlMappings()));
                    ReceiptReceiver receiver = context.getBean(ReceiptReceiver.class);

                    assertEquals(401, post(receiver, null).status());
                    assertEquals("accepted", post(receiver, "Bearer hook-secret").body());
                    assertEquals("duplicate", post(receiver, "Bearer hook-secret").body());

                    Listener listener = context.getBean(Listener.class);
                    assertEquals(1, listener.receipts.size());
                    assertEquals("u-1", listener.receipts.get(0).receipt().umid());
                });
    }

    @Test
    void refusesToStartAWebhookWithoutAnAuthorizationChoice() {
        runner.withPropertyValues("connect8x8.api-key=sk-test-properties-1", "connect8x8.webhook.enabled=true")
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    while (failure.getCause() != null) {
                        failure = failure.getCause();
                    }
                    assertInstanceOf(IllegalStateException.class, failure);
                    assertTrue(failure.getMessage().contains("connect8x8.webhook.authorization-disabled=true"),
                            failure.getMessage());
                });
    }

    static Stream<Arguments> refusedValues() {
        return Stream.of(
                Arguments.of("connect8x8.read-timeout=-5s", "connect8x8.read-timeout",
                        "must be 1 ms to 2147483647 ms"),
                Arguments.of("connect8x8.retry.initial-backoff=-1s", "connect8x8.retry.initial-backoff",
                        "must not be negative"),
                Arguments.of("connect8x8.retry.max-attempts=0", "connect8x8.retry.max-attempts",
                        "must be 1 to 20, was 0"),
                Arguments.of("connect8x8.api-key=sk live key-4", "connect8x8.api-key",
                        "the API key contains whitespace at position 3 of 13"),
                Arguments.of("connect8x8.webhook.max-body-size=4GB", "connect8x8.webhook.max-body-size",
                        "must be at most 2147483647 bytes"),
                Arguments.of("connect8x8.webhook.max-tracked-messages=0", "connect8x8.webhook.max-tracked-messages",
                        "maxTrackedMessages must be at least 1, was 0"),
                Arguments.of("connect8x8.webhook.max-in-flight-size=10KB", "connect8x8.webhook.max-in-flight-size",
                        "maxInFlightBytes (10240) must be at least maxBodyBytes (1048576), or a body of the largest "
                                + "size could never be read"),
                Arguments.of("connect8x8.sandbox.port=-3", "connect8x8.sandbox.port",
                        "must be 0 (a free port) to 65535"),
                Arguments.of("connect8x8.sandbox.receipt-time-factor=-1", "connect8x8.sandbox.receipt-time-factor",
                        "receiptTimeFactor must be a finite number >= 0: -1.0"),
                Arguments.of("connect8x8.sandbox.webhook-url=ftp://127.0.0.1/hook", "connect8x8.sandbox.webhook-url",
                        "webhookUrl must be http or https: ftp://127.0.0.1/hook"),
                Arguments.of("connect8x8.webhook.path=hooks/8x8", "connect8x8.webhook.path", "must start with '/'"));
    }

    @ParameterizedTest
    @MethodSource("refusedValues")
    void aRefusedValueFailsStartupNamingItsPropertyNeverTheKey(String setting, String property, String reason) {
        runner.withPropertyValues("connect8x8.api-key=sk-test-properties-1", "connect8x8.sub-account-id=acme_sub",
                        "connect8x8.webhook.authorization-disabled=true", "connect8x8.sandbox.enabled="
                                + setting.startsWith("connect8x8.sandbox"), setting)
                .run(context -> {
                    InvalidConfigurationPropertyValueException failure = startupFailure(context.getStartupFailure());
                    assertEquals(property, failure.getName());
                    assertEquals(reason, failure.getReason());
                    for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                        assertFalse(String.valueOf(t.getMessage()).contains("sk live key-4"), t.getMessage());
                    }
                });
    }

    @Test
    void sandboxModeWithoutTheSimulatorOnTheClassPathFailsStartupInsteadOfReaching8x8() {
        // Without the check the client bean kept the configured key and the region's live hosts, and the webhook
        // endpoint still accepted requests without Authorization, as it does in sandbox mode.
        WebApplicationContextRunner withoutSimulator = runner
                .withClassLoader(new FilteredClassLoader("io.connect8x8.sandbox."))
                .withPropertyValues("connect8x8.api-key=sk-test-properties-1", "connect8x8.sub-account-id=acme_sub",
                        "connect8x8.sandbox.enabled=true");
        // The second: an application with a client of its own, where only the webhook endpoint is the starter's.
        for (WebApplicationContextRunner each : List.of(withoutSimulator,
                withoutSimulator.withUserConfiguration(OwnClient.class))) {
            each.run(context -> {
                InvalidConfigurationPropertyValueException failure = startupFailure(context.getStartupFailure());
                assertEquals("connect8x8.sandbox.enabled", failure.getName());
                assertEquals("needs connect8x8-sandbox on the class path (a test dependency): without it the "
                        + "client would send to 8x8 and the webhook endpoint accept requests without "
                        + "Authorization", failure.getReason());
            });
        }
    }

    @Test
    void aMissingKeyFailsStartupNamingTheProperties() {
        assumeTrue(System.getenv("CONNECT8X8_API_KEY") == null, "the key must be missing from the environment too");
        runner.withPropertyValues("connect8x8.sub-account-id=acme_sub").run(context -> {
            InvalidConfigurationPropertyValueException failure = startupFailure(context.getStartupFailure());
            assertEquals("connect8x8.api-key", failure.getName());
            assertEquals("no API key given and CONNECT8X8_API_KEY is not set; set connect8x8.api-key or "
                    + "connect8x8.api-key-file (or the environment variable CONNECT8X8_API_KEY)", failure.getReason());
        });
    }

    private static InvalidConfigurationPropertyValueException startupFailure(Throwable failure) {
        while (failure != null && !(failure instanceof InvalidConfigurationPropertyValueException)) {
            failure = failure.getCause();
        }
        assertNotNull(failure, "no InvalidConfigurationPropertyValueException among the causes");
        return (InvalidConfigurationPropertyValueException) failure;
    }

    @Test
    void usesTheApplicationsLedger() {
        runner.withUserConfiguration(SharedLedger.class)
                .withPropertyValues("connect8x8.api-key=sk-test-properties-1",
                        "connect8x8.webhook.authorization-disabled=true")
                .run(context -> {
                    post(context.getBean(ReceiptReceiver.class), null);
                    ReceiptLedger ledger = context.getBean(ReceiptLedger.class);
                    assertEquals("delivered", ledger.latest("u-1").orElseThrow().state());
                });
    }

    @Test
    void countsReceiptsByStateInTheApplicationsMeterRegistry() {
        runner.withUserConfiguration(Meters.class)
                .withPropertyValues("connect8x8.api-key=sk-test-properties-1",
                        "connect8x8.webhook.authorization-disabled=true")
                .run(context -> {
                    post(context.getBean(ReceiptReceiver.class), null);
                    post(context.getBean(ReceiptReceiver.class), null);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertEquals(1.0, registry.get("connect8x8.webhook.receipts").tag("namespace", "SMS")
                            .tag("state", "delivered").counter().count());
                });
    }

    @Test
    void masksTheKeyAndTheWebhookSecretInActuator() {
        runner.withPropertyValues("connect8x8.api-key=sk-test-properties-1").run(context -> {
            SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
            for (String key : List.of("connect8x8.api-key", "connect8x8.apiKey", "CONNECT8X8_API_KEY",
                    "connect8x8.webhook.authorization", "apiKey")) {
                assertEquals(SanitizableData.SANITIZED_VALUE,
                        sanitizer.apply(new SanitizableData(null, key, "s3cret")).getValue(), key);
            }
            assertEquals("/tmp/key", sanitizer.apply(new SanitizableData(null, "connect8x8.api-key-file",
                    "/tmp/key")).getValue());
            assertEquals("acme", sanitizer.apply(new SanitizableData(null, "connect8x8.sub-account-id", "acme"))
                    .getValue());
        });
    }

    @Test
    void closesItsClientWithTheContextSoNothingIsSentAfterShutdown() {
        AtomicReference<Connect8x8Client> built = new AtomicReference<>();
        runner.withPropertyValues("connect8x8.api-key=sk-test-properties-1", "connect8x8.sub-account-id=acme_sub",
                        "connect8x8.sms-base-url=" + apiUrl())
                .run(context -> built.set(context.getBean(Connect8x8Client.class)));

        Sms sms = Sms.builder().to("+6512345678").from("8x8").text("hi").build();
        assertThrows(ClientClosedException.class, () -> built.get().sms().send(sms));
        assertEquals(0, api.getRequestCount(), "nothing reached the API after the context closed");
    }

    @Test
    void keepsAClientTheApplicationDeclared() {
        runner.withUserConfiguration(OwnClient.class).run(context ->
                assertSame(context.getBean(OwnClient.class).client, context.getBean(Connect8x8Client.class)));
    }

    private static ReceiptReceiver.Response post(ReceiptReceiver receiver, String authorization) {
        return receiver.handle("POST", authorization,
                new ByteArrayInputStream(RECEIPT.getBytes(StandardCharsets.UTF_8)), -1);
    }

    @Configuration(proxyBeanMethods = false)
    static class Listener {
        final List<DeliveryReceiptEvent> receipts = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DeliveryReceiptEvent event) {
            receipts.add(event);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SharedLedger {
        @Bean
        ReceiptLedger sharedLedger() {
            return ReceiptLedger.inMemory(10, 1 << 20);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        final Connect8x8Client client = Connect8x8Client.builder().apiKey("sk-test-own-client-3")
                .subAccountId("own").build();

        @Bean(destroyMethod = "close")
        Connect8x8Client ownClient() {
            return client;
        }
    }
}
