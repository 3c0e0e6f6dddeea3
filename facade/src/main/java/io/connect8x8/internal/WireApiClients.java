package io.connect8x8.internal;

import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The generated {@code ApiClient}s with three methods replaced on the hot path: the JSON media-type test and the
 * path-parameter escaping (the generated ones compile a regular expression at every call, the same rules without),
 * and the body serialiser ({@link WireJson}: one streaming pass instead of a tree per level). Everything else (URL, headers, authentication) stays the generated code's.
 */
public final class WireApiClients {

    private WireApiClients() {
    }

    /**
     * The SMS API's client.
     *
     * @param http the shared OkHttp client
     * @return the generated client, with the fast paths
     */
    // The same three overrides stand in messaging(..) below: each API's document generates its own ApiClient class with
    // its own checked ApiException, so the two anonymous subclasses cannot share one body.
    public static io.connect8x8.generated.sms.ApiClient sms(OkHttpClient http) {
        return new io.connect8x8.generated.sms.ApiClient(http) {
            @Override
            public boolean isJsonMime(String mime) {
                return WireJson.isJsonMime(mime);
            }

            @Override
            public String escapeString(String str) {
                return WireJson.escape(str);
            }

            @Override
            public RequestBody serialize(Object obj, String contentType)
                    throws io.connect8x8.generated.sms.ApiException {
                if (obj != null && WireJson.isJsonMime(contentType)) {
                    return RequestBody.create(WireJson.toJson(obj), WireJson.mediaType(contentType));
                }
                return super.serialize(obj, contentType);
            }
        };
    }

    /**
     * The Messaging Apps API's client.
     *
     * @param http the shared OkHttp client
     * @return the generated client, with the fast paths
     */
    public static io.connect8x8.generated.messaging.ApiClient messaging(OkHttpClient http) {
        return new io.connect8x8.generated.messaging.ApiClient(http) {
            @Override
            public boolean isJsonMime(String mime) {
                return WireJson.isJsonMime(mime);
            }

            @Override
            public String escapeString(String str) {
                return WireJson.escape(str);
            }

            @Override
            public RequestBody serialize(Object obj, String contentType)
                    throws io.connect8x8.generated.messaging.ApiException {
                if (obj != null && WireJson.isJsonMime(contentType)) {
                    return RequestBody.create(WireJson.toJson(obj), WireJson.mediaType(contentType));
                }
                return super.serialize(obj, contentType);
            }
        };
    }
}
