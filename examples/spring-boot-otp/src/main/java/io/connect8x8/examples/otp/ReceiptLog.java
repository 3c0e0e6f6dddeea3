package io.connect8x8.examples.otp;

import io.connect8x8.spring.DeliveryReceiptEvent;
import io.connect8x8.webhooks.DeliveryReceipt;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs every delivery receipt (the starter drops duplicates) and keeps the latest state of each message. */
@Component
public class ReceiptLog {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptLog.class);

    private final Map<String, DeliveryReceipt> latest = new ConcurrentHashMap<>();

    /**
     * Creates an empty log; Spring makes the one instance, found by component scanning.
     */
    public ReceiptLog() {
    }

    /**
     * Logs a receipt; its {@code toString()} masks the phone number.
     *
     * @param event the starter's event
     */
    @EventListener
    public void on(DeliveryReceiptEvent event) {
        DeliveryReceipt receipt = event.receipt();
        LOG.info("OTP {} is {}{}", receipt.umid(), receipt.state(),
                receipt.status().detail() == null ? "" : " (" + receipt.status().detail() + ")");
        latest.merge(receipt.umid(), receipt, (held, arrived) ->
                held.timestamp() != null && arrived.timestamp() != null
                        && arrived.timestamp().isBefore(held.timestamp()) ? held : arrived);
    }

    /**
     * The latest receipt of a message.
     *
     * @param umid the message id
     * @return the receipt, or empty when none arrived yet
     */
    public Optional<DeliveryReceipt> latest(String umid) {
        return Optional.ofNullable(latest.get(umid));
    }
}
