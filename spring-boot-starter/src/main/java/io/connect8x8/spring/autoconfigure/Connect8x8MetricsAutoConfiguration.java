package io.connect8x8.spring.autoconfigure;

import io.connect8x8.spring.DeliveryReceiptEvent;
import io.connect8x8.spring.InboundMessageEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Counts what the webhook endpoint receives, when Micrometer is on the class path and the application has a
 * {@link MeterRegistry}: {@code connect8x8.webhook.receipts} (tags {@code namespace}, {@code state}) and
 * {@code connect8x8.webhook.inbound} (tag {@code namespace}). Tags take only bounded values: the state is one of
 * {@link io.connect8x8.webhooks.DeliveryState}'s, never a phone number, a text or a value a sender invented.
 * Metrics of sends come from {@link Connect8x8ObservationAutoConfiguration}, with {@code connect8x8-micrometer}.
 */
@AutoConfiguration(after = Connect8x8WebhookAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
public class Connect8x8MetricsAutoConfiguration {

    /**
     * Creates the auto-configuration; Spring Boot makes it from the starter's list of auto-configurations, applications
     * do not.
     */
    public Connect8x8MetricsAutoConfiguration() {
    }

    /**
     * The listener that counts receipts and inbound messages.
     *
     * @param registry the application's registry, looked up at the first event
     * @return the listener
     */
    @Bean
    public WebhookMetrics connect8x8WebhookMetrics(ObjectProvider<MeterRegistry> registry) {
        return new WebhookMetrics(registry);
    }

    /** Counts webhook events into the application's {@link MeterRegistry}, if it has one. */
    public static final class WebhookMetrics {

        private final ObjectProvider<MeterRegistry> registry;

        WebhookMetrics(ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        /**
         * Counts a receipt.
         *
         * @param event the receipt's event
         */
        @EventListener
        public void onReceipt(DeliveryReceiptEvent event) {
            registry.ifAvailable(meters -> Counter.builder("connect8x8.webhook.receipts")
                    .description("New delivery receipts received by the webhook endpoint")
                    .tag("namespace", event.receipt().namespace())
                    .tag("state", event.receipt().knownState().name().toLowerCase(Locale.ROOT))
                    .register(meters).increment());
        }

        /**
         * Counts an inbound message.
         *
         * @param event the message's event
         */
        @EventListener
        public void onInbound(InboundMessageEvent event) {
            registry.ifAvailable(meters -> Counter.builder("connect8x8.webhook.inbound")
                    .description("New inbound messages received by the webhook endpoint")
                    .tag("namespace", event.message().namespace())
                    .register(meters).increment());
        }
    }
}
