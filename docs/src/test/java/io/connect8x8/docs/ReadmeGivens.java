package io.connect8x8.docs;

import io.connect8x8.ApiKey;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.sms.Sms;
import io.connect8x8.webhooks.DeliveryReceipt;
import io.connect8x8.webhooks.DeliveryState;
import io.connect8x8.webhooks.InboundMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.ServletContext;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * What the READMEs' examples use without declaring it: the reader's client, configuration and own code. Every
 * compiled block extends this class, so an example may use these names as they are, and may declare its own
 * {@code client} (a local variable shadows the field). Only the compiler sees them; nothing is run.
 */
public abstract class ReadmeGivens {

    /** The client built in the README's first send. */
    protected Connect8x8Client client;

    /** A message's umid, as a send's result or a receipt gives it. */
    protected String umid;

    /** A WhatsApp channel id of the account. */
    protected String channelId;

    /** A chat message built earlier. */
    protected io.connect8x8.chatapps.ChatMessage message;

    /** An SMS built earlier. */
    protected io.connect8x8.sms.Sms sms;

    /** An async send in flight. */
    protected java.util.concurrent.CompletableFuture<io.connect8x8.sms.SmsResult> future;

    /** The API key, however the application reads it. */
    protected ApiKey key;

    /** The secret configured on the 8x8 webhook. */
    protected String webhookSecret;

    /** The application's database, e.g. a connection pool. */
    protected DataSource dataSource;

    /** The application's logger. */
    protected Logger log;

    /** The application's Micrometer registries. */
    protected ObservationRegistry observationRegistry;

    /** The application's Micrometer registries. */
    protected MeterRegistry meterRegistry;

    /** The application's servlet context, in a {@code ServletContextListener}. */
    protected ServletContext servletContext;

    /** The application's own receipt handling. */
    protected Consumer<DeliveryReceipt> myListener;

    /** A campaign's size, when known, for the progress estimate. */
    protected long total;

    /** This worker's name in a campaign shared by several. */
    protected String hostAndPid;

    /** The same campaign input, read by every worker. */
    protected Stream<Sms> sameInputOnEveryWorker;

    /** The application's orders, told of deliveries. */
    protected Orders orders;

    /** The application's inbox of inbound messages. */
    protected Inbox inbox;

    /**
     * The clientMessageIds among {@code ids} that the application's receipt ledger has seen.
     *
     * @param ids the ids asked about
     * @return those seen
     */
    protected java.util.Collection<String> receiptsFor(java.util.Collection<String> ids) {
        return java.util.List.of();
    }

    /**
     * The application's customers, read once.
     *
     * @return the customers
     */
    protected Stream<Customer> customers() {
        return Stream.empty();
    }

    /**
     * A customer of the application.
     *
     * @param phone the number, E.164
     * @param name the name
     */
    protected record Customer(String phone, String name) {
    }

    /** The application's orders. */
    protected interface Orders {
        /**
         * Records a delivery state.
         *
         * @param clientMessageId the id the message was sent with
         * @param state the state
         */
        void markDelivery(String clientMessageId, DeliveryState state);
    }

    /** The application's inbox. */
    protected interface Inbox {
        /**
         * Stores an inbound message.
         *
         * @param message the message
         */
        void store(InboundMessage message);
    }
}
