package io.connect8x8.api;

import java.util.List;
import java.util.Objects;

/**
 * One operation of a generated artifact on the class path, as its OpenAPI document declares it: what
 * {@link Operations#operations()} lists and what the CLI's {@code api --list} prints.
 *
 * @param operationId the id as written in the document, such as {@code get-sms-message-details}
 * @param document the document's key in its spec set: {@code sms}, {@code messaging-apps}, {@code verification}
 * @param set the spec set the artifact was generated from: {@code guides} or {@code published}
 * @param artifact the Maven artifact holding it: {@code connect8x8-generated-client} or
 *     {@code connect8x8-generated-published}
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

    /**
     * Checks and copies the components.
     *
     * @param operationId the id as written in the document
     * @param document the document's key
     * @param set the spec set
     * @param artifact the Maven artifact
     * @param host the configured base URL's key
     * @param method the HTTP method
     * @param path the path template
     * @param parameters the parameters; copied
     * @param bodyContentType the body's media type, or null
     * @param bodyRequired whether a body is required
     * @param summary the summary, or empty
     * @throws NullPointerException when an id, key, method or path is null
     */
    public OperationInfo {
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        parameters = List.copyOf(parameters);
        summary = summary == null ? "" : summary;
    }

    /**
     * The id qualified by its document, {@code document:operationId}: unique among all the artifacts' operations of
     * one spec set.
     *
     * @return the qualified id
     */
    public String qualifiedId() {
        return document + ":" + operationId;
    }

    /**
     * Whether repeating the call cannot change the outcome (GET, HEAD, PUT, DELETE, OPTIONS): such a call is retried
     * after a failure that may have reached the server, like one that provably did not; any other (a POST) never
     * is once it may have.
     *
     * @return whether the method is idempotent
     */
    public boolean idempotent() {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE", "OPTIONS" -> true;
            default -> false;
        };
    }

    /**
     * A parameter by its name on the wire.
     *
     * @param name the name
     * @return the parameter, or null when the operation has none of that name
     */
    public ParameterInfo parameter(String name) {
        for (ParameterInfo p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
