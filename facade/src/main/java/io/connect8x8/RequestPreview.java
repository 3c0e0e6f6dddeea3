package io.connect8x8;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;

/**
 * The exact request a send would make, rendered without sending it; the key redacted to {@code Bearer ****}.
 *
 * @param method the HTTP method
 * @param url the full URL, the sub-account id percent-encoded
 * @param headers the request headers, in order, the key redacted
 * @param body the JSON body exactly as it would be sent
 */
public record RequestPreview(String method, String url, Map<String, String> headers, String body) {

    /**
     * Makes a preview with its own unmodifiable copy of the headers.
     *
     * @param method the HTTP method
     * @param url the full URL
     * @param headers the request headers, the key already redacted
     * @param body the JSON body exactly as it would be sent
     */
    public RequestPreview {
        headers = Map.copyOf(headers);
    }

    /**
     * The preview as one JSON object: {@code {"method": ..., "url": ..., "headers": {...}, "body": {...}}}.
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
        json.add("body", JsonParser.parseString(body));
        GsonBuilder gson = new GsonBuilder().disableHtmlEscaping();
        if (pretty) {
            gson.setPrettyPrinting();
        }
        return gson.create().toJson(json);
    }

    @Override
    public String toString() {
        return method + " " + url + " " + body.length() + " bytes";
    }
}
