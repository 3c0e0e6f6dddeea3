package io.connect8x8.api;

import static io.connect8x8.api.MessageCalls.required;

import io.connect8x8.internal.Checks;
import java.util.Map;

/**
 * One-time codes on 8x8's Verification API; from {@link Operations#verify()}. Its other options
 * ({@code codeLength}, ...) go through {@code call(OperationCall.of("verify-request-v2").body(..))}.
 * Each fails with an {@link OperationNotFoundException} when no artifact on the class path has the document.
 */
public final class Verification {

    private final Operations operations;

    Verification(Operations operations) {
        this.operations = operations;
    }

    /**
     * Sends a code by SMS to a number ({@code verify-request-v2}). The number is checked before any I/O, as the SMS
     * and chat sends check theirs, and sent in E.164 form.
     *
     * @param destination the number in international form, country code first, with or without its {@code +}
     *     (spaces, brackets, dots and dashes allowed); a national number needs the document's {@code country}, which
     *     this method does not send
     * @return the answer: the session's {@code sessionId} and its state
     * @throws io.connect8x8.ValidationException (field {@code destination}) when it is not a possible number
     */
    public ApiResult send(String destination) {
        return operations.call(sendCall(destination, null));
    }

    /**
     * {@return the call {@link #send(String)} makes, with a channel, for {@link Operations#call} or its preview}
     *
     * @param destination as for {@link #send(String)}, checked as there
     * @param channel how the code goes out ({@code sms}, {@code whatsapp}, ... as the document allows), or null
     */
    public OperationCall sendCall(String destination, String channel) {
        String given = required("destination", destination).strip();
        // 8x8's document takes an international number with or without its +: without one, it is read as one.
        String international = given.startsWith("+") || given.startsWith("00") ? given : "+" + given;
        String number = Checks.phone("destination", international, null);
        return OperationCall.of("verification:verify-request-v2").body(channel == null
                ? Map.of("destination", number) : Map.of("destination", number, "channel", channel));
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
