package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.connect8x8.sandbox.TestNumbers;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Verification API's sessions ({@code verify-request-v2}, {@code code-validation-v2}). The code of a session to
 * a number of the fictional {@code +1555...} range (every {@link TestNumbers} number) is deterministic: the first
 * {@code codeLength} characters of {@value #TEST_CODE}; any other number gets random digits, which a test reads
 * with {@code Sandbox.verificationCode(sessionId)}. A wrong code counts an attempt; the fifth wrong one fails the
 * session (the document: "the API accepts up to 5 attempts"); past {@code codeValidity} seconds (default 300) on the
 * simulator's clock it is expired.
 */
final class Verifications {

    /** The code of test numbers, cut to the requested length. */
    static final String TEST_CODE = "1234567890";
    /** The document's FAILED: "the API accepts up to 5 attempts", the fifth wrong code fails the session. */
    static final int MAX_ATTEMPTS = 5;

    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private static final class Session {
        final String id;
        final String subAccountId;
        final String destination;
        final String code;
        final Instant expiresAt;
        final Instant retryAfter;
        int attempt;
        String status = "WAITING";

        Session(String id, String subAccountId, String destination, String code, Instant expiresAt,
                Instant retryAfter) {
            this.id = id;
            this.subAccountId = subAccountId;
            this.destination = destination;
            this.code = code;
            this.expiresAt = expiresAt;
            this.retryAfter = retryAfter;
        }
    }

    Verifications(Clock clock) {
        this.clock = clock;
    }

    /** {@code POST .../sessions}: a new session, {@code WAITING}. */
    Answer start(Call call) {
        JsonNode request = call.json();
        String destination = request.path("destination").asText("");
        if (!destination.matches("^\\+?[1-9][0-9]{6,14}$")) {
            throw ApiError.badRequest(1002, "Invalid MSISDN " + destination);
        }
        int length = request.path("codeLength").asInt(6);
        String code;
        if (TestNumbers.digits(destination).startsWith("1555")) {
            code = TEST_CODE.substring(0, Math.min(length, TEST_CODE.length()));
        } else {
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < length; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            code = digits.toString();
        }
        Instant now = clock.instant();
        String id = Engine.newId().replace("-", "");
        Session session = new Session(id, call.param("subAccountId"), "+" + TestNumbers.digits(destination), code,
                now.plusSeconds(request.path("codeValidity").asInt(300)),
                now.plusSeconds(request.path("resendingInterval").asInt(60)));
        sessions.put(id, session);
        return Answer.ok(body(session));
    }

    /** {@code GET .../sessions/{sessionId}[?code=]}: the status, after checking the code when one is given. */
    Answer check(Call call) {
        Session session = sessions.get(call.param("sessionId"));
        if (session == null || !session.subAccountId.equals(call.param("subAccountId"))) {
            // The Verification document's 404 example: code 1404, not the SMS API's 1300.
            throw new ApiError(404, 1404, "Session not found");
        }
        synchronized (session) {
            String code = call.query().get("code");
            if ("WAITING".equals(session.status) && clock.instant().isAfter(session.expiresAt)) {
                session.status = "EXPIRED";
            }
            if (code != null && "WAITING".equals(session.status)) {
                if (code.equals(session.code)) {
                    session.status = "VERIFIED";
                } else if (++session.attempt >= MAX_ATTEMPTS) {
                    session.status = "FAILED";
                }
            }
            return Answer.ok(body(session));
        }
    }

    /**
     * The code of a session, for tests.
     *
     * @param sessionId the session
     * @return its code, or null
     */
    String code(String sessionId) {
        Session session = sessions.get(sessionId);
        return session == null ? null : session.code;
    }

    void clear() {
        sessions.clear();
    }

    private static ObjectNode body(Session session) {
        ObjectNode body = Json.object();
        body.put("sessionId", session.id);
        body.put("verifyUri", "/api/v2/subaccounts/" + session.subAccountId + "/sessions/" + session.id);
        body.put("destination", session.destination);
        body.put("status", session.status);
        body.put("attempt", session.attempt);
        body.put("expiresAt", Json.timestamp(session.expiresAt));
        body.put("retryAfter", Json.timestamp(session.retryAfter));
        return body;
    }
}
