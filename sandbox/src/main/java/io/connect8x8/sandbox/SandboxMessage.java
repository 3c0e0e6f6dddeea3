package io.connect8x8.sandbox;

import java.util.List;

/**
 * A snapshot of one message the simulator received, accepted or rejected.
 *
 * @param api the API it was sent to
 * @param subAccountId the sub-account of the request path
 * @param umid the unique message id the simulator gave it (a rejected batch item gets one too)
 * @param batchId the batch id, or null for a single send
 * @param clientMessageId the client's message id, or null
 * @param clientBatchId the client's batch id, or null
 * @param msisdn the destination as sent
 * @param request the JSON of this message as validated (a batch item with the batch template applied)
 * @param accepted whether it was accepted
 * @param errorCode the 8x8 code it was rejected with, or null when accepted
 * @param state the current state: {@code queued}, {@code rejected}, or the state of the last receipt
 * @param receipts the receipts so far, in order
 */
public record SandboxMessage(Api api, String subAccountId, String umid, String batchId, String clientMessageId,
                             String clientBatchId, String msisdn, String request, boolean accepted, Integer errorCode,
                             String state, List<SandboxReceipt> receipts) {
}
