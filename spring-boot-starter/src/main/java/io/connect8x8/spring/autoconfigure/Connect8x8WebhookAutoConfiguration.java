package io.connect8x8.spring.autoconfigure;

import io.connect8x8.servlet.ReceiptReceiverServlet;
import io.connect8x8.spring.Connect8x8Properties;
import io.connect8x8.spring.DeliveryReceiptEvent;
import io.connect8x8.spring.InboundMessageEvent;
import io.connect8x8.spring.OtherWebhookEvent;
import io.connect8x8.spring.WebhookAuthorizationCheck;
import io.connect8x8.webhooks.ReceiptLedger;
import io.connect8x8.webhooks.ReceiptReceiver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The webhook endpoint: a {@link ReceiptReceiver} that publishes {@link DeliveryReceiptEvent},
 * {@link InboundMessageEvent} and {@link OtherWebhookEvent}, mounted as a servlet at {@code connect8x8.webhook.path}.
 * Duplicates are dropped by the receiver's ledger: a {@link ReceiptLedger} bean when there is one (shared between
 * instances), else one in memory bounded by the {@code connect8x8.webhook.max-tracked-*} properties.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "jakarta.servlet.Servlet")
@Conditional(WebhookEnabledCondition.class)
@EnableConfigurationProperties(Connect8x8Properties.class)
public class Connect8x8WebhookAutoConfiguration {

    /**
     * Creates the auto-configuration; Spring Boot makes it from the starter's list of auto-configurations, applications
     * do not.
     */
    public Connect8x8WebhookAutoConfiguration() {
    }

    /**
     * Builds the receiver.
     *
     * @param properties the properties
     * @param publisher  where the events go
     * @param ledger     a shared ledger, if the application has one
     * @param check      the application's check of the {@code Authorization} header (an OAuth token), if it has one
     * @return the receiver
     * @throws IllegalStateException when none of {@code connect8x8.webhook.authorization}, a
     *                               {@link WebhookAuthorizationCheck} bean and
     *                               {@code connect8x8.webhook.authorization-disabled=true} is chosen, or both the
     *                               first two are (outside sandbox mode)
     * @throws org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException naming
     *     the {@code connect8x8.webhook.*} size or count the receiver refused, or {@code connect8x8.sandbox.enabled}
     *     without {@code connect8x8-sandbox} on the class path
     */
    @Bean
    @ConditionalOnMissingBean
    public ReceiptReceiver connect8x8ReceiptReceiver(Connect8x8Properties properties,
                                                     ApplicationEventPublisher publisher,
                                                     ObjectProvider<ReceiptLedger> ledger,
                                                     ObjectProvider<WebhookAuthorizationCheck> check) {
        Connect8x8Properties.Webhook webhook = properties.getWebhook();
        ReceiptReceiver.Builder builder = ReceiptReceiver.builder()
                .onReceipt(receipt -> publisher.publishEvent(new DeliveryReceiptEvent(receipt)))
                .onInbound(message -> publisher.publishEvent(new InboundMessageEvent(message)))
                .onOther(other -> publisher.publishEvent(new OtherWebhookEvent(other)));
        long maxBodyBytes = webhook.getMaxBodySize().toBytes();
        if (maxBodyBytes > Integer.MAX_VALUE) {
            // Math.toIntExact said only "integer overflow", naming nothing.
            throw InvalidProperty.of("connect8x8.webhook.max-body-size", webhook.getMaxBodySize(),
                    new IllegalArgumentException("must be at most " + Integer.MAX_VALUE + " bytes"));
        }
        set("connect8x8.webhook.max-body-size", webhook.getMaxBodySize(),
                () -> builder.maxBodyBytes((int) maxBodyBytes));
        set("connect8x8.webhook.max-tracked-messages", webhook.getMaxTrackedMessages(),
                () -> builder.maxTrackedMessages(webhook.getMaxTrackedMessages()));
        set("connect8x8.webhook.max-tracked-size", webhook.getMaxTrackedSize(),
                () -> builder.maxTrackedBytes(webhook.getMaxTrackedSize().toBytes()));
        set("connect8x8.webhook.max-in-flight-size", webhook.getMaxInFlightSize(),
                () -> builder.maxInFlightBytes(webhook.getMaxInFlightSize().toBytes()));
        WebhookAuthorizationCheck authorizationCheck = check.getIfUnique();
        boolean fixedAuthorization = webhook.getAuthorization() != null && !webhook.getAuthorization().isBlank();
        if (properties.getSandbox().isEnabled()) {
            // An application with a client bean of its own has no connect8x8Client bean to make this check.
            InvalidProperty.requireSimulatorInSandboxMode(properties);
            // The simulator posts receipts without an Authorization header: a production value left in the
            // application's properties answered each of them 401, and a sandbox test never saw a receipt.
            builder.withoutAuthorization();
        } else if (fixedAuthorization && authorizationCheck != null) {
            throw new IllegalStateException("The connect8x8 webhook endpoint has both connect8x8.webhook.authorization "
                    + "and a WebhookAuthorizationCheck bean: keep the one matching the 8x8 webhook's configuration");
        } else if (fixedAuthorization) {
            builder.expectedAuthorization(webhook.getAuthorization());
        } else if (authorizationCheck != null) {
            builder.authorization(authorizationCheck::accepts);
        } else if (webhook.isAuthorizationDisabled()) {
            builder.withoutAuthorization();
        } else {
            throw new IllegalStateException("The connect8x8 webhook endpoint needs connect8x8.webhook.authorization "
                    + "(the Authorization header value configured on the 8x8 webhook), a WebhookAuthorizationCheck "
                    + "bean (a webhook configured with oauth) or, explicitly, "
                    + "connect8x8.webhook.authorization-disabled=true");
        }
        ledger.ifAvailable(builder::ledger);
        try {
            return builder.build();
        } catch (IllegalStateException tooSmall) {
            // The one cross-field check left (the authorization choice was made above): in flight below body size.
            throw InvalidProperty.of("connect8x8.webhook.max-in-flight-size", webhook.getMaxInFlightSize(), tooSmall);
        }
    }

    /** Applies one property to the receiver's builder, naming the property when the builder refuses its value. */
    private static void set(String property, Object value, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            throw InvalidProperty.of(property, value, e);
        }
    }

    /**
     * Mounts the receiver at the configured path.
     *
     * @param receiver   the receiver
     * @param properties the properties
     * @return the servlet registration
     */
    @Bean
    @ConditionalOnMissingBean(name = "connect8x8WebhookServlet")
    public ServletRegistrationBean<ReceiptReceiverServlet> connect8x8WebhookServlet(ReceiptReceiver receiver,
                                                                                   Connect8x8Properties properties) {
        String path = properties.getWebhook().getPath();
        if (path == null || !path.startsWith("/")) {
            // Else the servlet container refuses the mapping at start-up in its own words, without the property.
            throw new InvalidConfigurationPropertyValueException("connect8x8.webhook.path", path, "must start with '/'");
        }
        ServletRegistrationBean<ReceiptReceiverServlet> registration = new ServletRegistrationBean<>(
                new ReceiptReceiverServlet(receiver), path);
        registration.setName("connect8x8Webhook");
        return registration;
    }
}
