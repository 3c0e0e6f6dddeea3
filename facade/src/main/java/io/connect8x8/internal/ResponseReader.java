package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connect8x8.RawJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The lenient reader of the four send operations' answers. Only the id that makes a result usable ({@code umid},
 * {@code batchId}) and the counts' types are required, whatever the spec set, so the same answer reads the same with
 * either; everything else is read as text, so a value this version does not know arrives as spelled; a batch's
 * {@code messages} that is not an array of objects is skipped; every result keeps its raw JSON.
 */
public final class ResponseReader {

    private static final JsonObject EMPTY = new JsonObject();

    private ResponseReader() {
    }

    /**
     * {@return the id without which the result is useless}
     *
     * @param json the answer
     * @param idField the id's field
     * @throws IllegalStateException naming the missing field
     */
    public static String require(JsonObject json, String idField) {
        String id = string(json, idField);
        if (id == null) {
            throw new IllegalStateException("the required field " + idField + " is missing");
        }
        return id;
    }

    /**
     * {@return a batch answer's envelope and items}
     *
     * @param json the answer, owned by the result
     * @param item reads one item
     * @param <T> the item result type
     */
    public static <T> Batch<T> batch(JsonObject json, Function<JsonObject, T> item) {
        String batchId = require(json, "batchId");
        List<T> items = new ArrayList<>();
        JsonElement list = json.get("messages");
        if (list != null && list.isJsonArray()) {
            for (JsonElement e : list.getAsJsonArray()) {
                if (e.isJsonObject()) {
                    items.add(item.apply(e.getAsJsonObject()));
                }
            }
        }
        return new Batch<>(batchId, string(json, "clientBatchId"), count(json, "acceptedCount"),
                count(json, "rejectedCount"), items, Access.raw(json));
    }

    /**
     * The parts of a batch result.
     *
     * @param batchId 8x8's id of the batch
     * @param clientBatchId the caller's id, as echoed
     * @param acceptedCount how many were queued
     * @param rejectedCount how many were rejected
     * @param messages each item's result
     * @param raw the whole answer
     * @param <T> the item type
     */
    public record Batch<T>(String batchId, String clientBatchId, int acceptedCount, int rejectedCount,
                           List<T> messages, RawJson raw) {
    }

    /**
     * {@return a member object, or an empty object when absent or not an object}
     *
     * @param o the object
     * @param name the member
     */
    public static JsonObject object(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : EMPTY;
    }

    /**
     * {@return a string member, or null when absent, null or not a primitive}
     *
     * @param o the object
     * @param name the member
     */
    public static String string(JsonObject o, String name) {
        return Json.string(o, name);
    }

    /**
     * {@return an integer member, or null when absent or not an integer}
     *
     * @param o the object
     * @param name the member
     */
    public static Integer integer(JsonObject o, String name) {
        return Json.integer(o, name);
    }

    /** A count: absent or null is 0; anything but an integer fails. */
    private static int count(JsonObject o, String name) {
        JsonElement e = o.get(name);
        Integer value = Json.integer(o, name);
        if (e != null && !e.isJsonNull() && (value == null || !e.getAsJsonPrimitive().isNumber())) {
            throw new IllegalStateException(name + " is not an integer");
        }
        return value == null ? 0 : value;
    }
}
