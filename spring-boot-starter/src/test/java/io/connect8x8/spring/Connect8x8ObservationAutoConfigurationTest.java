package io.connect8x8.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.connect8x8.CallListener;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.micrometer.Connect8x8Observability;
import io.connect8x8.sms.Sms;
import io.connect8x8.spring.autoconfigure.Connect8x8AutoConfiguration;
import io.connect8x8.spring.autoconfigure.Connect8x8ObservationAutoConfiguration;
import io.connect8x8.webhooks.WebhookEvent;
import io.connect8x8.webhooks.WebhookParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 11, item 2 in Spring: the client bean's sends are observed in the application's ObservationRegistry when
 * connect8x8-micrometer is on the class path and the registry is a bean, and not otherwise.
 */
class Connect8x8ObservationAutoConfigurationTest {

    private static final String SMS_OK = "{\"umid\":\"u-1\",\"clientMessageId\":null,\"destination\":\"6512345678\","
            + "\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued\"}}";
    private static final String RECEIPT = "{\"namespace\":\"SMS\",\"eventType\":\"outbound_message_status_changed\","
            + "\"payload\":{\"umid\":\"u-1\",\"status\":{\"state\":\"delivered\","
            + "\"timestamp\":\"2026-01-01T00:00:00Z\"}}}";

    private MockWebServer api;
    private ApplicationContextRunner runner;

    @BeforeEach
    void start() throws IOException {
        api = new MockWebServer();
        api.start(InetAddress.getLoopbackAddress(), 0);
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(Connect8x8AutoConfiguration.class,
                        Connect8x8ObservationAutoConfiguration.class))
                .withPropertyValues("connect8x8.api-key=sk-test-properties-1", "connect8x8.sub-account-id=acme",
                        "connect8x8.sms-base-url=" + api.url("/").toString().replaceAll("/$", ""));
    }

    @AfterEach
    void stop() throws IOException {
        api.shutdown();
    }

    private static Sms sms() {
        return Sms.builder().to("+6512345678").from("8x8").text("hi").build();
    }

    @Test
    void theClientBeansSendsAreTimedInTheApplicationsRegistriesAndReceiptsAddTheirLag() {
        api.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(SMS_OK));
        runner.withUserConfiguration(Registries.class).run(context -> {
            context.getBean(Connect8x8Client.class).sms().send(sms());
            context.publishEvent(new DeliveryReceiptEvent(
                    ((WebhookEvent.Receipt) WebhookParser.parse(RECEIPT)).receipt()));

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertEquals(1, meters.get(Connect8x8Observability.CALLS).tags("api", "sms", "operation", "send",
                    "outcome", "success", "http.status", "200", "error", "none").timer().count());
            assertEquals(1, meters.get(Connect8x8Observability.RECEIPT_LAG).tags("state", "delivered").timer()
                    .count());
        });
    }

    @Test
    void anApplicationsOwnListenerIsKept() {
        runner.withUserConfiguration(Registries.class, OwnObservability.class).run(context ->
                assertSame(context.getBean("myObservability"), context.getBean(Connect8x8Observability.class)));
    }

    @Test
    void anApplicationsCustomizerSettingItsOwnListenerRunsAfterTheStartersAndKeepsIt() {
        api.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(SMS_OK));
        runner.withUserConfiguration(Registries.class, OwnListener.class).run(context -> {
            context.getBean(Connect8x8Client.class).sms().send(sms());
            assertEquals(List.of("sms send"), context.getBean(OwnListener.class).calls);
        });
    }

    @Test
    void withoutAnObservationRegistryBeanNothingIsObserved() {
        api.enqueue(new MockResponse().setHeader("Content-Type", "application/json").setBody(SMS_OK));
        runner.run(context -> {
            assertFalse(context.containsBean("connect8x8Observability"));
            context.getBean(Connect8x8Client.class).sms().send(sms());
        });
    }

    @Test
    void withoutTheMicrometerModuleNothingIsObserved() {
        runner.withUserConfiguration(Registries.class)
                .withClassLoader(new FilteredClassLoader(Connect8x8Observability.class))
                .run(context -> {
                    assertFalse(context.containsBean("connect8x8Observability"));
                    assertFalse(context.containsBean("connect8x8ObservabilityCustomizer"));
                });
    }

    /** What Spring Boot's actuator would define: a meter registry and an observation registry timing into it. */
    @Configuration(proxyBeanMethods = false)
    static class Registries {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observationRegistry(MeterRegistry meters) {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
            return registry;
        }
    }

    /** A customizer of the application's, without an order, that installs a listener of its own. */
    @Configuration(proxyBeanMethods = false)
    static class OwnListener {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Bean
        Connect8x8ClientCustomizer ownListener() {
            return builder -> builder.listener(call -> {
                calls.add(call.api().tag() + " " + call.operation().tag());
                return CallListener.CallEvents.NONE;
            });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnObservability {

        @Bean
        Connect8x8Observability myObservability(MeterRegistry meters) {
            return Connect8x8Observability.builder().meterRegistry(meters).build();
        }
    }
}
