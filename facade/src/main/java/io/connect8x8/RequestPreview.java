package io.connect8x8;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Locale;
import java.util.Map;

/**
 * The exact request a send would make, rendered without sending it; the key redacted to {@code Bearer ****}.
 *
 * @param method the HTTP method
 * @param url the full URL, the sub-account id percent-encoded
 * @param headers the request headers, in order, the key redacted
 * @param body the body exactly as it would be sent (JSON for the sends; a multipart upload's text for
 *     {@code Upload-File}), empty when the request has none
 */
public record RequestPreview(String method, String url, Map<String, String> headers, String body) {

    /**
     * Makes a preview with its own unmodifiable copy of the headers.
     *
     * @param method the HTTP method
     * @param url the full URL
     * @param headers the request headers, the key already redacted
     * @param body the body exactly as it would be sent, empty when none
     */
    public RequestPreview {
        headers = Map.copyOf(headers);
    }

    /**
     * The preview as one JSON object: {@code {"method": ..., "url": ..., "headers": {...}, "body": {...}}}. A JSON
     * body is the object itself; a body of another media type (a multipart upload) is one JSON string of its text;
     * a request without a body has no {@code "body"} member.
     *
     * @param pretty whether to indent it
     * @return the JSON text
     */
    public String toJson(boolean pretty) {
        JsonObject json = new JsonObject();
        json.addProperty("method", method);
        json.addProperty("url", url);
        JsonObject headerJson = new JsonObject();
        headers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> headerJson.addProperty(e.getKey(), e.getValue()));
        json.add("headers", headerJson);
        json.add("body", bodyJson());
        GsonBuilder gson = new GsonBuilder().disableHtmlEscaping();
        if (pretty) {
            gson.setPrettyPrinting();
        }
        return gson.create().toJson(json);
    }

    /** The body as JSON when its Content-Type is JSON; otherwise its text, which JSON parsing would refuse. */
    private JsonElement bodyJson() {
        if (body.isEmpty()) {
            return JsonNull.INSTANCE;
        }
        String type = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse("application/json");
        return type.toLowerCase(Locale.ROOT).contains("json") ? JsonParser.parseString(body) : new JsonPrimitive(body);
    }

    @Override
    public String toString() {
        return method + " " + url + " " + body.length() + " bytes";
    }
}
