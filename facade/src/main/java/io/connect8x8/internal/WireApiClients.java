package io.connect8x8.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The generated {@code ApiClient}s with four methods replaced on the hot path, the same rules at less cost: the JSON
 * media-type test and the path-parameter escaping (the generated ones compile a regular expression at every call),
 * the body serialiser ({@link WireJson}: one streaming pass instead of a tree per level, the media type parsed
 * once), and the building of a request with a JSON body. The generated {@code buildRequest} renders the body a
 * second time and parses the URL twice (once as a {@code java.net.URI}) only to hand them to an authentication that
 * may sign them; bearer authentication reads neither, so for a JSON body under bearer authentication the request is
 * built without them, from the generated URL, header and authentication methods. Everything else (URL, headers,
 * authentication, other bodies) stays the generated code's.
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
     * Whether a request can be built on the lean path: a JSON body, no progress callback, under authentications that
     * read neither the payload nor the URI.
     */
    private static boolean lean(boolean bearerOnly, String method, Object body, Map<String, String> headerParams,
                                Object callback) {
        return bearerOnly && callback == null && body != null && !"GET".equals(method) && !"HEAD".equals(method)
                && WireJson.isJsonMime(headerParams.get("Content-Type"));
    }

    /** The request's URL, parsed once per distinct URL (the calls of one API repeat one). */
    private static final class Urls {
        private final LastParsed<HttpUrl> last = new LastParsed<>(HttpUrl::get);

        Request.Builder builder(String url) {
            return new Request.Builder().url(last.get(url));
        }
    }

    /**
     * The SMS API's client.
     *
     * @param http the OkHttp client its calls are made on: {@link #REQUEST_FACTORY} for the pipeline's, the client's
     *     own for the generated APIs it exposes
     * @return the generated client, with the fast paths
     */
    // The same four overrides stand in messaging(..) below: each API's document generates its own ApiClient class
    // (with its own Pair, ApiCallback, checked ApiException and authentication classes), so the two anonymous
    // subclasses cannot share one body; what they can share is in WireJson and the helpers above.
    public static io.connect8x8.generated.sms.ApiClient sms(OkHttpClient http) {
        return new io.connect8x8.generated.sms.ApiClient(http) {
            private final boolean bearerOnly = getAuthentications().values().stream()
                    .allMatch(a -> a instanceof io.connect8x8.generated.sms.auth.HttpBearerAuth);
            private final Urls urls = new Urls();

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
                    return WireJson.body(obj, contentType);
                }
                return super.serialize(obj, contentType);
            }

            @Override
            public Request buildRequest(String baseUrl, String path, String method,
                                        List<io.connect8x8.generated.sms.Pair> queryParams,
                                        List<io.connect8x8.generated.sms.Pair> collectionQueryParams, Object body,
                                        Map<String, String> headerParams, Map<String, String> cookieParams,
                                        Map<String, Object> formParams, String[] authNames,
                                        io.connect8x8.generated.sms.ApiCallback callback)
                    throws io.connect8x8.generated.sms.ApiException {
                if (!lean(bearerOnly, method, body, headerParams, callback)) {
                    return super.buildRequest(baseUrl, path, method, queryParams, collectionQueryParams, body,
                            headerParams, cookieParams, formParams, authNames, callback);
                }
                RequestBody json = serialize(body, headerParams.get("Content-Type"));
                List<io.connect8x8.generated.sms.Pair> query = new ArrayList<>(queryParams);
                updateParamsForAuth(authNames, query, headerParams, cookieParams, null, method, null);
                Request.Builder request = urls.builder(buildUrl(baseUrl, path, query, collectionQueryParams));
                processHeaderParams(headerParams, request);
                processCookieParams(cookieParams, request);
                return request.method(method, json).build();
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
            private final boolean bearerOnly = getAuthentications().values().stream()
                    .allMatch(a -> a instanceof io.connect8x8.generated.messaging.auth.HttpBearerAuth);
            private final Urls urls = new Urls();

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
                    return WireJson.body(obj, contentType);
                }
                return super.serialize(obj, contentType);
            }

            @Override
            public Request buildRequest(String baseUrl, String path, String method,
                                        List<io.connect8x8.generated.messaging.Pair> queryParams,
                                        List<io.connect8x8.generated.messaging.Pair> collectionQueryParams,
                                        Object body, Map<String, String> headerParams,
                                        Map<String, String> cookieParams, Map<String, Object> formParams,
                                        String[] authNames, io.connect8x8.generated.messaging.ApiCallback callback)
                    throws io.connect8x8.generated.messaging.ApiException {
                if (!lean(bearerOnly, method, body, headerParams, callback)) {
                    return super.buildRequest(baseUrl, path, method, queryParams, collectionQueryParams, body,
                            headerParams, cookieParams, formParams, authNames, callback);
                }
                RequestBody json = serialize(body, headerParams.get("Content-Type"));
                List<io.connect8x8.generated.messaging.Pair> query = new ArrayList<>(queryParams);
                updateParamsForAuth(authNames, query, headerParams, cookieParams, null, method, null);
                Request.Builder request = urls.builder(buildUrl(baseUrl, path, query, collectionQueryParams));
                processHeaderParams(headerParams, request);
                processCookieParams(cookieParams, request);
                return request.method(method, json).build();
            }
        };
    }
}
