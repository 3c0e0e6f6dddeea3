package io.connect8x8.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A small OkHttp client for the tests: posts JSON and returns status, headers and the parsed body. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(10))
            .retryOnConnectionFailure(false)
            .build();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json; charset=utf-8");

    private Http() {
    }

    /** A response: status, a header and the body (parsed when it is JSON). */
    record Reply(int status, String retryAfter, String text) {
        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        int code() {
            return json().path("code").asInt();
        }
    }

    static Reply post(String url, String key, String body) {
        return send(new Request.Builder().url(url).post(RequestBody.create(body, APPLICATION_JSON)), key);
    }

    static Reply send(Request.Builder request, String key) {
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try (Response response = CLIENT.newCall(request.build()).execute()) {
            return new Reply(response.code(), response.header("Retry-After"), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply get(String url) {
        return send(new Request.Builder().url(url).get(), null);
    }

    /** Builds JSON from single quotes, to keep request bodies readable in tests. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
