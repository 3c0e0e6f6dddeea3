package io.connect8x8.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.connect8x8.RawJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one lenient reader of the four send operations' answers (single and batch, SMS and chat apps). The body is
 * parsed once, into a tree, and read from it:
 * <ul>
 *   <li>the id without which a result is useless ({@code umid}, {@code batchId}) must be present, and a count must
 *       be an integer, else the answer is unusable; nothing else is required, whatever the spec set (8x8's
 *       complete documents mark {@code user} and {@code status} required in a chat answer, the guides' none), so
 *       the same answer reads the same with either set;</li>
 *   <li>everything else is optional and read as text, so an enum value or a format this version does not know
 *       arrives as spelled instead of failing the call;</li>
 *   <li>a batch's {@code messages} that is not an array of objects is skipped (the counts still tell the outcome);
 *       </li>
 *   <li>every result keeps its raw JSON, so fields a later spec adds are reachable without a new release.</li>
 * </ul>
 */
public final class ResponseReader {

    private ResponseReader() {
    }

    /**
     * Checks that an answer has the id that makes it usable.
     *
     * @param json the answer
     * @param idField the field without which the result is useless
     * @return the id
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
     * A batch answer's envelope and items.
     *
     * @param json the answer, owned by the result
     * @param item reads one item
     * @param <T> the item result type
     * @return the parts of a batch result
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
     * A member object, or an empty object when absent or not an object.
     *
     * @param o the object
     * @param name the member
     * @return the member object
     */
    public static JsonObject object(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : EMPTY;
    }

    private static final JsonObject EMPTY = new JsonObject();

    /**
     * A string member, or null when absent, null or not a primitive.
     *
     * @param o the object
     * @param name the member
     * @return the text
     */
    public static String string(JsonObject o, String name) {
        return Json.string(o, name);
    }

    /**
     * An integer member, or null when absent or not an integer.
     *
     * @param o the object
     * @param name the member
     * @return the integer
     */
    public static Integer integer(JsonObject o, String name) {
        return Json.integer(o, name);
    }

    /** A count: absent or null is 0; anything but an integer fails. */
    private static int count(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        Integer value = Json.integer(o, name);
        if (value == null || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalStateException(name + " is not an integer");
        }
        return value;
    }
}
