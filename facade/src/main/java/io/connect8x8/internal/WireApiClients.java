package io.connect8x8.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The generated {@code ApiClient}s with three methods replaced on the hot path, the same rules at less cost: the JSON
 * media-type test and the path-parameter escaping (the generated ones compile a regular expression at every call),
 * and the building of a request with a JSON body. The generated {@code buildRequest} serialises the body with a tree
 * per level, renders it a second time and parses the URL twice only to hand them to an authentication that may sign
 * them; bearer authentication reads neither, so under it a JSON request is built without them, its body written by
 * {@link WireJson} in one streaming pass, from the generated URL, header and authentication methods.
 */
public final class WireApiClients {

    /**
     * What the send pipeline's generated clients make their calls on: the pipeline takes only each call's request,
     * which the transport executes, so nothing runs on this one. Cleartext only: building it loads no TLS and reads no
     * trust store, so a client that only previews (the CLI's dry run) never pays for them.
     */
    public static final OkHttpClient REQUEST_FACTORY = new OkHttpClient.Builder()
            .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();

    private WireApiClients() {
    }

    /**
     * The SMS API's client.
     *
     * @param http what its calls run on: {@link #REQUEST_FACTORY}, or the client's own for the escape hatch
     * @return the generated client, with the fast paths
     */
    public static io.connect8x8.generated.sms.ApiClient sms(OkHttpClient http) {
        return new Sms(http);
    }

    /**
     * The Messaging Apps API's client.
     *
     * @param http what its calls run on, as for {@link #sms(OkHttpClient)}
     * @return the generated client, with the fast paths
     */
    public static io.connect8x8.generated.messaging.ApiClient messaging(OkHttpClient http) {
        return new Messaging(http);
    }

    /**
     * Points a client of {@link #sms} or {@link #messaging} at a host, with the key and the User-Agent.
     *
     * @param client the client
     * @param baseUrl the API's base URL
     * @param key the API key, read at each request
     * @param userAgent the User-Agent header
     * @param <C> the client's type
     * @return the client
     */
    public static <C> C configure(C client, String baseUrl, Supplier<String> key, String userAgent) {
        Generated<?, ?> generated = (Generated<?, ?>) client;
        generated.setBasePath(baseUrl);
        generated.setBearerToken(key);
        generated.setUserAgent(userAgent);
        return client;
    }

    /**
     * The public methods of every generated {@code ApiClient}, which the subclasses below inherit as they are: each
     * document generates its own {@code ApiClient}, {@code Pair} and {@code ApiException}, so the fast paths are
     * written once against this.
     */
    interface Generated<P, E extends Exception> {
        Map<String, ?> getAuthentications();

        Object setBasePath(String basePath);

        void setBearerToken(Supplier<String> tokenSupplier);

        Object setUserAgent(String userAgent);

        String buildUrl(String baseUrl, String path, List<P> queryParams, List<P> collectionQueryParams);

        void processHeaderParams(Map<String, String> headerParams, Request.Builder reqBuilder);

        void processCookieParams(Map<String, String> cookieParams, Request.Builder reqBuilder);

        void updateParamsForAuth(String[] authNames, List<P> queryParams, Map<String, String> headerParams,
                                 Map<String, String> cookieParams, String payload, String method, URI uri) throws E;
    }

    /** A generated {@code buildRequest}, with the types of its document. */
    @FunctionalInterface
    interface BuildRequest<P, C, E extends Exception> {
        Request build(String baseUrl, String path, String method, List<P> queryParams, List<P> collectionQueryParams,
                      Object body, Map<String, String> headerParams, Map<String, String> cookieParams,
                      Map<String, Object> formParams, String[] authNames, C callback) throws E;
    }

    /**
     * One client's fast paths: its {@code buildRequest} is this, which falls back to the generated one it was given
     * (the subclass's {@code super::buildRequest}) for what the lean path does not build.
     */
    private static final class Lean<P, C, E extends Exception> implements BuildRequest<P, C, E> {
        private final Generated<P, E> client;
        private final BuildRequest<P, C, E> generated;
        private final boolean bearerOnly;
        /** The calls of one API repeat one URL: it is parsed once per distinct URL. */
        private final LastParsed<HttpUrl> urls = new LastParsed<>(HttpUrl::get);

        Lean(Generated<P, E> client, Class<?> bearer, BuildRequest<P, C, E> generated) {
            this.client = client;
            this.generated = generated;
            this.bearerOnly = client.getAuthentications().values().stream().allMatch(bearer::isInstance);
        }

        /**
         * The request on the lean path: a JSON body (or none, for a GET or HEAD), no progress callback, under
         * authentications that read neither the payload nor the URI; any other, the generated {@code buildRequest}'s.
         */
        @Override
        public Request build(String baseUrl, String path, String method, List<P> queryParams,
                             List<P> collectionQueryParams, Object body, Map<String, String> headerParams,
                             Map<String, String> cookieParams, Map<String, Object> formParams, String[] authNames,
                             C callback) throws E {
            // A GET or HEAD has no body; the generated buildRequest would still build and parse its URL twice.
            boolean bodiless = "GET".equals(method) || "HEAD".equals(method);
            if (!bearerOnly || callback != null || (bodiless ? body != null
                    : body == null || !WireJson.isJsonMime(headerParams.get("Content-Type")))) {
                return generated.build(baseUrl, path, method, queryParams, collectionQueryParams, body, headerParams,
                        cookieParams, formParams, authNames, callback);
            }
            RequestBody json = bodiless ? null : WireJson.body(body, headerParams.get("Content-Type"));
            List<P> query = new ArrayList<>(queryParams);
            client.updateParamsForAuth(authNames, query, headerParams, cookieParams, null, method, null);
            Request.Builder request = new Request.Builder()
                    .url(urls.get(client.buildUrl(baseUrl, path, query, collectionQueryParams)));
            client.processHeaderParams(headerParams, request);
            client.processCookieParams(cookieParams, request);
            return request.method(method, json).build();
        }
    }

    /*
     * One subclass per document, as each extends its own generated ApiClient: each only hands its three methods to the
     * shared code above. (One generic class cannot extend two classes; the generator's template would have to be
     * copied whole to add a hook.)
     */
    private static final class Sms extends io.connect8x8.generated.sms.ApiClient
            implements Generated<io.connect8x8.generated.sms.Pair, io.connect8x8.generated.sms.ApiException> {
        private final Lean<io.connect8x8.generated.sms.Pair, io.connect8x8.generated.sms.ApiCallback,
                io.connect8x8.generated.sms.ApiException> lean =
                new Lean<>(this, io.connect8x8.generated.sms.auth.HttpBearerAuth.class, super::buildRequest);

        Sms(OkHttpClient http) {
            super(http);
        }

        @Override
        public boolean isJsonMime(String mime) {
            return WireJson.isJsonMime(mime);
        }

        @Override
        public String escapeString(String str) {
            return WireJson.escape(str);
        }

        @Override
        public Request buildRequest(String baseUrl, String path, String method,
                                    List<io.connect8x8.generated.sms.Pair> queryParams,
                                    List<io.connect8x8.generated.sms.Pair> collectionQueryParams, Object body,
                                    Map<String, String> headerParams, Map<String, String> cookieParams,
                                    Map<String, Object> formParams, String[] authNames,
                                    io.connect8x8.generated.sms.ApiCallback callback)
                throws io.connect8x8.generated.sms.ApiException {
            return lean.build(baseUrl, path, method, queryParams, collectionQueryParams, body, headerParams,
                    cookieParams, formParams, authNames, callback);
        }
    }

    /** As {@link Sms}, for the other document's generated classes. */
    private static final class Messaging extends io.connect8x8.generated.messaging.ApiClient
            implements Generated<io.connect8x8.generated.messaging.Pair,
                    io.connect8x8.generated.messaging.ApiException> {
        private final Lean<io.connect8x8.generated.messaging.Pair, io.connect8x8.generated.messaging.ApiCallback,
                io.connect8x8.generated.messaging.ApiException> lean =
                new Lean<>(this, io.connect8x8.generated.messaging.auth.HttpBearerAuth.class, super::buildRequest);

        Messaging(OkHttpClient http) {
            super(http);
        }

        @Override
        public boolean isJsonMime(String mime) {
            return WireJson.isJsonMime(mime);
        }

        @Override
        public String escapeString(String str) {
            return WireJson.escape(str);
        }

        @Override
        public Request buildRequest(String baseUrl, String path, String method,
                                    List<io.connect8x8.generated.messaging.Pair> queryParams,
                                    List<io.connect8x8.generated.messaging.Pair> collectionQueryParams,
                                    Object body, Map<String, String> headerParams,
                                    Map<String, String> cookieParams, Map<String, Object> formParams,
                                    String[] authNames, io.connect8x8.generated.messaging.ApiCallback callback)
                throws io.connect8x8.generated.messaging.ApiException {
            return lean.build(baseUrl, path, method, queryParams, collectionQueryParams, body, headerParams,
                    cookieParams, formParams, authNames, callback);
        }
    }
}
