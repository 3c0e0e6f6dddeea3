package io.connect8x8.spring.autoconfigure;

import io.connect8x8.micrometer.Connect8x8Observability;
import io.connect8x8.spring.Connect8x8ClientCustomizer;
import io.connect8x8.spring.DeliveryReceiptEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * Observes every send of the {@link io.connect8x8.Connect8x8Client} bean in the application's
 * {@link ObservationRegistry}, when {@code connect8x8-micrometer} is on the class path and the application has that
 * registry (Spring Boot's actuator makes one): a timer and, with a tracing bridge, a span per call, and the
 * counters of {@link Connect8x8Observability} in the application's {@link MeterRegistry} if it has one. Receipts
 * from the webhook endpoint add their lag; {@link Connect8x8MetricsAutoConfiguration} counts them. An application
 * that declares its own {@link Connect8x8Observability} bean keeps it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration"})
@ConditionalOnClass({Connect8x8Observability.class, ObservationRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
public class Connect8x8ObservationAutoConfiguration {

    /**
     * Creates the auto-configuration; Spring Boot makes it from the starter's list of auto-configurations, applications
     * do not.
     */
    public Connect8x8ObservationAutoConfiguration() {
    }

    /**
     * Creates the listener over the application's registries.
     *
     * @param observations the application's observation registry
     * @param meters the application's meter registry, if it has one
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean
    public Connect8x8Observability connect8x8Observability(ObservationRegistry observations,
                                                           ObjectProvider<MeterRegistry> meters) {
        Connect8x8Observability.Builder builder = Connect8x8Observability.builder().observationRegistry(observations);
        meters.ifAvailable(builder::meterRegistry);
        return builder.build();
    }

    /**
     * Installs the listener on the client bean's builder, before the application's own customizers (order 0, theirs
     * default to the lowest precedence): one that sets a listener of its own keeps it, and may wrap this one (the
     * {@link Connect8x8Observability} bean) to keep both.
     *
     * @param observability the listener
     * @return the customizer
     */
    @Bean
    // Without an order it ran after the application's customizers and replaced their listener, without a word.
    @Order(0)
    public Connect8x8ClientCustomizer connect8x8ObservabilityCustomizer(Connect8x8Observability observability) {
        return builder -> builder.listener(observability);
    }

    /**
     * Records the lag of each receipt the webhook endpoint publishes.
     *
     * @param observability the listener
     * @return the event listener
     */
    @Bean
    public ReceiptLag connect8x8ReceiptLag(Connect8x8Observability observability) {
        return new ReceiptLag(observability);
    }

    /** Hands each published receipt to {@link Connect8x8Observability#recordReceiptLag}. */
    public static final class ReceiptLag {

        private final Connect8x8Observability observability;

        ReceiptLag(Connect8x8Observability observability) {
            this.observability = observability;
        }

        /**
         * Records the receipt's lag.
         *
         * @param event the receipt's event
         */
        @EventListener
        public void onReceipt(DeliveryReceiptEvent event) {
            observability.recordReceiptLag(event.receipt());
        }
    }
}
