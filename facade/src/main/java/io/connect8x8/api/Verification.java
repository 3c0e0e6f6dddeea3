package io.connect8x8.api;

import com.google.gson.JsonObject;

/**
 * One-time codes on 8x8's Verification API: send a code, check a code ({@code verify-request-v2},
 * {@code code-validation-v2}). From {@link Operations#verify()}; the API's other options go through
 * {@link #send(JsonObject)} or {@link Operations#call(OperationCall)}. Each fails with an
 * {@link OperationNotFoundException} when no artifact on the class path has the Verification document.
 */
public final class Verification {

    private final Operations operations;

    Verification(Operations operations) {
        this.operations = operations;
    }

    /**
     * Sends a code by SMS to a number.
     *
     * @param destination the number, E.164 preferred
     * @return the answer: the session's {@code sessionId} and its state
     */
    public ApiResult send(String destination) {
        JsonObject request = new JsonObject();
        request.addProperty("destination", MessageCalls.required("destination", destination));
        return send(request);
    }

    /**
     * Sends a code with every option of the document ({@code channel}, {@code codeLength}, {@code brand}, ...).
     *
     * @param request the request body as the document declares it
     * @return the answer: the session's {@code sessionId} and its state
     */
    public ApiResult send(JsonObject request) {
        return operations.call(OperationCall.of("verification:verify-request-v2")
                .body(MessageCalls.required("body", request)));
    }

    /**
     * Checks a code the user typed against a session.
     *
     * @param sessionId the session of {@link #send(String)}
     * @param code the code to check
     * @return the answer: the session's state after the check
     */
    public ApiResult check(String sessionId, String code) {
        return operations.call(OperationCall.of("verification:code-validation-v2")
                .param("sessionId", MessageCalls.required("sessionId", sessionId))
                .param("code", MessageCalls.required("code", code)));
    }
}
