package io.connect8x8.cli.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.connect8x8.BatchResult;
import io.connect8x8.api.ApiResult;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.sms.SmsResult;

/** Renders the facade's results: one human line, or the API's response shape as JSON. */
public final class Results {

    private Results() {
    }

    /**
     * Renders a result as one human line: what a terminal user reads after a send.
     *
     * @param result an {@link SmsResult} or {@link ChatResult}, a {@link BatchResult} of either, or an operation's
     *     {@link ApiResult} (its answer as indented JSON)
     * @return one line such as {@code accepted umid=... status=QUEUED}
     */
    public static String summary(Object result) {
        if (result instanceof ApiResult r) {
            return r.body().isBlank() ? "HTTP " + r.status() : json(r);
        }
        if (result instanceof SmsResult r) {
            return (r.accepted() ? "accepted" : "rejected") + " umid=" + r.umid() + " status=" + r.status()
                    + " encoding=" + r.encoding() + (r.clientMessageId() != null
                    ? " clientMessageId=" + r.clientMessageId() : "");
        }
        if (result instanceof ChatResult r) {
            return (r.accepted() ? "accepted" : "rejected") + " umid=" + r.umid() + " state=" + r.state()
                    + (r.clientMessageId() != null ? " clientMessageId=" + r.clientMessageId() : "");
        }
        if (result instanceof BatchResult<?> r) {
            return "batch batchId=" + r.batchId() + " accepted=" + r.acceptedCount() + " rejected="
                    + r.rejectedCount() + (r.clientBatchId() != null ? " clientBatchId=" + r.clientBatchId() : "");
        }
        throw new IllegalArgumentException("not a result: " + result.getClass().getName());
    }

    /**
     * Renders a result as the JSON the API answered with, for {@code --json} output that scripts parse.
     *
     * @param result a result, as for {@link #summary(Object)}
     * @return the result in the API's response shape, indented
     */
    public static String json(Object result) {
        if (result instanceof ApiResult r) {
            // The answer as the API wrote it, indented; a body that is not JSON as received.
            try {
                return r.body().isBlank() ? "{}" : PRETTY.toJson(r.json());
            } catch (io.connect8x8.UnexpectedResponseException notJson) {
                return r.body();
            }
        }
        return PRETTY.toJson(tree(result));
    }

    private static final com.google.gson.Gson PRETTY =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create();

    private static JsonObject tree(Object result) {
        if (result instanceof SmsResult r) {
            return sms(r);
        }
        if (result instanceof ChatResult r) {
            return chat(r);
        }
        JsonObject json = new JsonObject();
        JsonArray messages = new JsonArray();
        if (result instanceof BatchResult<?> r) {
            batchHeader(json, r.batchId(), r.clientBatchId(), r.acceptedCount(), r.rejectedCount());
            r.messages().forEach(m -> messages.add(m instanceof SmsResult s ? sms(s) : chat((ChatResult) m)));
        } else {
            throw new IllegalArgumentException("not a result: " + result.getClass().getName());
        }
        json.add("messages", messages);
        return json;
    }

    private static void batchHeader(JsonObject json, String batchId, String clientBatchId, int accepted,
                                    int rejected) {
        json.addProperty("batchId", batchId);
        json.addProperty("clientBatchId", clientBatchId);
        json.addProperty("acceptedCount", accepted);
        json.addProperty("rejectedCount", rejected);
    }

    private static JsonObject sms(SmsResult r) {
        JsonObject json = new JsonObject();
        json.addProperty("umid", r.umid());
        json.addProperty("clientMessageId", r.clientMessageId());
        json.addProperty("destination", r.destination());
        json.addProperty("encoding", r.encoding());
        JsonObject status = new JsonObject();
        status.addProperty("code", r.status());
        status.addProperty("description", r.description());
        json.add("status", status);
        return json;
    }

    private static JsonObject chat(ChatResult r) {
        JsonObject json = new JsonObject();
        json.addProperty("umid", r.umid());
        JsonObject user = new JsonObject();
        user.addProperty("msisdn", r.msisdn());
        json.add("user", user);
        json.addProperty("clientMessageId", r.clientMessageId());
        JsonObject status = new JsonObject();
        status.addProperty("state", r.state());
        status.addProperty("timestamp", r.timestamp());
        if (r.errorCode() != null) {
            status.addProperty("errorCode", r.errorCode());
            status.addProperty("errorMessage", r.errorMessage());
        }
        json.add("status", status);
        return json;
    }
}
