package io.connect8x8.internal;

import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The generated {@code ApiClient}s with three methods replaced on the hot path: the JSON media-type test and the
 * path-parameter escaping (the generated ones compile a regular expression at every call, the same rules without),
 * and the body serialiser ({@link WireJson}: one streaming pass instead of a tree per level). Everything else (URL, headers, authentication) stays the generated code's.
 */
public final class WireApiClients {

    /**
     * What the send pipeline's generated clients make their calls on. The pipeline takes only each call's
     * {@link okhttp3.Request}, which the transport executes on the client's own OkHttpClient, so nothing is ever
     * executed on this one. Cleartext only: building it loads no TLS and reads no trust store, so a client that only
     * previews (the CLI's dry run) never pays for them.
     */
    public static final OkHttpClient REQUEST_FACTORY = new OkHttpClient.Builder()
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();

    private WireApiClients() {
    }

    /**
     * The SMS API's client.
     *
     * @param http the OkHttp client its calls are made on: {@link #REQUEST_FACTORY} for the pipeline's, the client's
     *     own for the generated APIs it exposes
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
     * @param http the OkHttp client its calls are made on, as for {@link #sms(OkHttpClient)}
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
