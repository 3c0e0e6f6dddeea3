package io.connect8x8.sandbox.internal;

import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sms.SmsParts;
import java.util.ArrayList;
import java.util.List;

/** One recorded message; its mutable parts (state, receipts) change under its own lock. */
public final class MessageRecord {

    final Api api;
    final String subAccountId;
    final String umid;
    final String batchId;
    final String clientMessageId;
    final String clientBatchId;
    final String msisdn;
    /** An SMS's encoding and parts, counted once when it was received; null for a chat-app message. */
    final SmsParts parts;
    /** The request tree, never changed after recording; written as text only when a snapshot needs it. */
    private final com.fasterxml.jackson.databind.JsonNode request;
    private String requestText;
    final Integer errorCode;
    /** When the simulator received it, on its clock. */
    final java.time.Instant createdAt;
    private String state;
    /** When it was cancelled (its status's time), null if it was not. */
    private java.time.Instant cancelledAt;
    private final List<ReceiptRecord> receipts = new ArrayList<>();
    /** Its position in the store's {@link MessageLog}, which keeps its status once the whole record is forgotten. */
    long seq = -1;
    private MessageLog log;

    MessageRecord(Api api, String subAccountId, String umid, String batchId, String clientMessageId,
                  String clientBatchId, String msisdn, SmsParts parts,
                  com.fasterxml.jackson.databind.JsonNode request, Integer errorCode, String state,
                  java.time.Instant createdAt) {
        this.api = api;
        this.subAccountId = subAccountId;
        this.umid = umid;
        this.batchId = batchId;
        this.clientMessageId = clientMessageId;
        this.clientBatchId = clientBatchId;
        this.msisdn = msisdn;
        this.parts = parts;
        this.request = request;
        this.errorCode = errorCode;
        this.state = state;
        this.createdAt = createdAt;
    }

    /**
     * Returns the request tree as recorded.
     *
     * @return the request tree as recorded
     */
    com.fasterxml.jackson.databind.JsonNode request() {
        return request;
    }

    synchronized String state() {
        return state;
    }

    /** The state, for a caller that holds this record's lock. */
    String stateUnlocked() {
        return state;
    }

    synchronized void setState(String state) {
        this.state = state;
        logStatus();
    }

    /**
     * Cancels it (a scheduled message not yet sent): its status is {@code cancelled} from {@code at} on.
     *
     * @param at the time of the cancel, on the simulator's clock
     */
    synchronized void cancel(java.time.Instant at) {
        this.cancelledAt = at;
        this.state = "cancelled";
        logStatus();
    }

    /** When it was cancelled, null if it was not, for a caller that holds this record's lock. */
    java.time.Instant cancelledAtUnlocked() {
        return cancelledAt;
    }

    /** Set by the store when the message is recorded. */
    synchronized void logged(MessageLog log, long seq) {
        this.log = log;
        this.seq = seq;
    }

    /** Keeps the log's copy of the status current; the log's lock never takes a record's, so this cannot deadlock. */
    private void logStatus() {
        if (log != null) {
            MessageOps.StatusAt status = MessageOps.statusOf(this, receipts.isEmpty() ? null
                    : receipts.get(receipts.size() - 1));
            log.status(seq, status.status(), status.at());
        }
    }

    /**
     * Returns a copy of the receipts so far, oldest first.
     *
     * @return a copy of the receipts so far
     */
    synchronized List<ReceiptRecord> receipts() {
        return List.copyOf(receipts);
    }

    synchronized ReceiptRecord addReceipt(ReceiptRecord receipt) {
        receipts.add(receipt);
        if (!"cancelled".equals(state)) {
            state = receipt.state;
        }
        logStatus();
        return receipt;
    }

    synchronized String receiptBody(ReceiptRecord receipt) {
        return receipt.body();
    }

    /** Runs {@code change} under this record's lock, so snapshots never see half an attempt. */
    synchronized void update(Runnable change) {
        change.run();
    }

    /**
     * Returns an immutable snapshot.
     *
     * @return an immutable snapshot
     */
    public synchronized SandboxMessage snapshot() {
        List<io.connect8x8.sandbox.SandboxReceipt> copies = new ArrayList<>();
        receipts.forEach(receipt -> copies.add(receipt.snapshot()));
        if (requestText == null) {
            requestText = Json.text(request);
        }
        return new SandboxMessage(api, subAccountId, umid, batchId, clientMessageId, clientBatchId, msisdn, requestText,
                errorCode == null, errorCode, state, List.copyOf(copies));
    }
}
