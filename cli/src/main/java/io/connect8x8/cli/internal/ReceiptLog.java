package io.connect8x8.cli.internal;

import io.connect8x8.webhooks.DeliveryReceipt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The receipts the demo's receiver got, in arrival order, so the main thread can print a message's receipts as
 * they arrive and stop at its last one, within a bounded wait.
 */
public final class ReceiptLog implements Consumer<DeliveryReceipt> {

    private final List<DeliveryReceipt> receipts = new ArrayList<>();

    /**
     * Creates an empty log, to be given to the demo's receiver as the consumer of its receipts.
     */
    public ReceiptLog() {
    }

    /** Records a receipt; called by the receiver's threads. */
    @Override
    public synchronized void accept(DeliveryReceipt receipt) {
        receipts.add(receipt);
        notifyAll();
    }

    /**
     * Hands each receipt of one message to {@code printer} as it arrives, until the last one expected (an SMS
     * delivered or failed; a chat message read or failed) or until {@code timeout}.
     *
     * @param umid the message
     * @param timeout the longest wait
     * @param printer called on this thread for each receipt, in arrival order
     * @return whether the last expected receipt arrived in time
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized boolean follow(String umid, Duration timeout, Consumer<DeliveryReceipt> printer)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < receipts.size(); seen++) {
                DeliveryReceipt receipt = receipts.get(seen);
                if (receipt.umid().equals(umid)) {
                    printer.accept(receipt);
                    if (receipt.isFinal()) {
                        return true;
                    }
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
