package io.connect8x8.api;

import java.util.List;
import java.util.Set;

/**
 * One operation of a generated artifact on the class path, as its OpenAPI document declares it.
 *
 * @param operationId the id as written in the document, such as {@code get-sms-message-details}
 * @param document the document's key in its spec set: {@code sms}, {@code messaging-apps}, {@code verification}
 * @param set the spec set the artifact was generated from: {@code guides} or {@code published}
 * @param artifact the Maven artifact holding it, as its index names it: {@code connect8x8-generated-client},
 *     {@code connect8x8-generated-published}, or the module that generated its own
 * @param host which configured base URL it goes to: {@code sms}, {@code chatapps} or {@code verify}
 * @param method the HTTP method, upper case
 * @param path the path template, such as {@code /api/v1/subaccounts/{subAccountId}/messages/{umid}}
 * @param parameters the path, query, header and form parameters, in the document's order
 * @param bodyContentType the request body's media type ({@code application/json}, {@code multipart/form-data}),
 *     or null when the operation takes no body
 * @param bodyRequired whether the document requires a body
 * @param summary the document's summary, or empty
 */
public record OperationInfo(String operationId, String document, String set, String artifact, String host,
                            String method, String path, List<ParameterInfo> parameters, String bodyContentType,
                            boolean bodyRequired, String summary) {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    /** {@return the id qualified by its document, {@code document:operationId}: unique within one spec set} */
    public String qualifiedId() {
        return document + ":" + operationId;
    }

    /**
     * {@return whether the method is idempotent (GET, HEAD, PUT, DELETE, OPTIONS)} Such a call is retried after a
     * failure that may have reached the server; any other (a POST) never is.
     */
    public boolean idempotent() {
        return IDEMPOTENT.contains(method);
    }

    /**
     * {@return a parameter by its name on the wire, or null when the operation has none of that name}
     *
     * @param name the name
     */
    public ParameterInfo parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
