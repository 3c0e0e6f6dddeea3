package io.connect8x8.campaigns;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.NotFoundException;
import io.connect8x8.api.MessageCalls;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * 8x8's message details by umid as a {@link MessageRecords} source: for each message of an ambiguous chunk whose umid
 * is known (a receipt ledger that stored it, a partly recorded answer, your own logs), it asks 8x8 for the message's
 * details ({@code get-sms-message-details} or {@code get-chatapps-message-details}, through the client's generic
 * operation path) and counts the message as found when 8x8 holds it under the same clientMessageId. A message whose
 * umid is unknown, or that 8x8 does not find (404), stays unknown: details never prove a message absent, so this
 * source never covers a window (put a {@link LogExportRecords} beside it for that).
 *
 * <p>One request per known umid, paced by nothing but the client: give it the few umids a chunk's lost answer left
 * known, not a whole campaign's. The operations are in 8x8's complete documents: put
 * {@code connect8x8-generated-published} on the class path.
 *
 * <pre>{@code
 * Campaigns.sms(client).campaignId("spring")
 *     .records(MessageDetailsRecords.sms(client, ids -> ledger.umidsOf(ids)),   // clientMessageId -> umid
 *              LogExportRecords.sms(client).build())
 *     .build().send(messages);
 * }</pre>
 */
public final class MessageDetailsRecords implements MessageRecords {

    private final Function<Connect8x8Client, MessageCalls> api;
    private final Connect8x8Client client;
    private final Function<? super Set<String>, ? extends Map<String, String>> umids;

    private MessageDetailsRecords(Connect8x8Client client, Function<Connect8x8Client, MessageCalls> api,
                                  Function<? super Set<String>, ? extends Map<String, String>> umids) {
        this.client = Objects.requireNonNull(client, "client");
        this.api = api;
        this.umids = Objects.requireNonNull(umids, "umids");
    }

    /**
     * Makes the source over the SMS API's message details.
     *
     * @param client the client whose key and sub-account read the details
     * @param umids given a chunk's clientMessageIds, returns the umids known for some of them (clientMessageId to
     *     umid); ids it leaves out stay unknown
     * @return the source
     */
    public static MessageDetailsRecords sms(Connect8x8Client client,
                                            Function<? super Set<String>, ? extends Map<String, String>> umids) {
        return new MessageDetailsRecords(client, c -> c.api().sms(), umids);
    }

    /**
     * Makes the source over the Messaging Apps API's message details.
     *
     * @param client the client whose key and sub-account read the details
     * @param umids given a chunk's clientMessageIds, returns the umids known for some of them (clientMessageId to
     *     umid)
     * @return the source
     */
    public static MessageDetailsRecords chatApps(Connect8x8Client client,
                                                 Function<? super Set<String>, ? extends Map<String, String>> umids) {
        return new MessageDetailsRecords(client, c -> c.api().chatApps(), umids);
    }

    @Override
    public RecordsAnswer lookup(AmbiguousChunk chunk) {
        Set<String> wanted = Set.copyOf(chunk.clientMessageIds());
        Map<String, String> known = umids.apply(wanted);
        Set<String> found = new HashSet<>();
        MessageCalls calls = api.apply(client);
        for (Map.Entry<String, String> entry : known.entrySet()) {
            if (!wanted.contains(entry.getKey()) || entry.getValue() == null) {
                continue;
            }
            JsonElement details;
            try {
                details = calls.status(entry.getValue()).json();
            } catch (NotFoundException e) {
                continue;
            }
            if (holds(details, entry.getKey())) {
                found.add(entry.getKey());
            }
        }
        return new RecordsAnswer(found, false);
    }

    /** Whether the details (SMS: one object; Messaging Apps: {@code data}, one item per channel) carry the id. */
    private static boolean holds(JsonElement details, String clientMessageId) {
        if (!details.isJsonObject()) {
            return false;
        }
        JsonObject object = details.getAsJsonObject();
        if (object.has("data") && object.get("data").isJsonArray()) {
            for (JsonElement item : object.getAsJsonArray("data")) {
                if (item.isJsonObject() && holds(item, clientMessageId)) {
                    return true;
                }
            }
            return false;
        }
        JsonElement id = object.get("clientMessageId");
        return id != null && id.isJsonPrimitive() && clientMessageId.equals(id.getAsString());
    }
}
