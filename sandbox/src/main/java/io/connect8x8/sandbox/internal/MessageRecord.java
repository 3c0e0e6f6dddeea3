package io.connect8x8.sandbox.internal;

import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.SandboxMessage;
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
    /** The request tree, never changed after recording; written as text only when a snapshot needs it. */
    private final com.fasterxml.jackson.databind.JsonNode request;
    private String requestText;
    final Integer errorCode;
    private String state;
    private final List<ReceiptRecord> receipts = new ArrayList<>();

    MessageRecord(Api api, String subAccountId, String umid, String batchId, String clientMessageId,
                  String clientBatchId, String msisdn, com.fasterxml.jackson.databind.JsonNode request,
                  Integer errorCode, String state) {
        this.api = api;
        this.subAccountId = subAccountId;
        this.umid = umid;
        this.batchId = batchId;
        this.clientMessageId = clientMessageId;
        this.clientBatchId = clientBatchId;
        this.msisdn = msisdn;
        this.request = request;
        this.errorCode = errorCode;
        this.state = state;
    }

    synchronized ReceiptRecord addReceipt(ReceiptRecord receipt) {
        receipts.add(receipt);
        state = receipt.state;
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
