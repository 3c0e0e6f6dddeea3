package io.connect8x8.api;

import static io.connect8x8.api.MessageCalls.required;

import java.util.Map;

/**
 * One-time codes on 8x8's Verification API; from {@link Operations#verify()}. Its other options
 * ({@code channel}, {@code codeLength}, ...) go through {@code call(OperationCall.of("verify-request-v2").body(..))}.
 * Each fails with an {@link OperationNotFoundException} when no artifact on the class path has the document.
 */
public final class Verification {

    private final Operations operations;

    Verification(Operations operations) {
        this.operations = operations;
    }

    /**
     * Sends a code by SMS to a number ({@code verify-request-v2}).
     *
     * @param destination the number, E.164 preferred
     * @return the answer: the session's {@code sessionId} and its state
     */
    public ApiResult send(String destination) {
        return operations.call(OperationCall.of("verification:verify-request-v2")
                .body(Map.of("destination", required("destination", destination))));
    }

    /**
     * Checks a code the user typed against a session ({@code code-validation-v2}).
     *
     * @param sessionId the session of {@link #send(String)}
     * @param code the code to check
     * @return the answer: the session's state after the check
     */
    public ApiResult check(String sessionId, String code) {
        return operations.call(OperationCall.of("verification:code-validation-v2")
                .param("sessionId", required("sessionId", sessionId)).param("code", required("code", code)));
    }
}
