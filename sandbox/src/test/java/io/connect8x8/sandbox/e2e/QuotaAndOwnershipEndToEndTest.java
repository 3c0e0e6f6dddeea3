package io.connect8x8.sandbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.BadRequestException;
import io.connect8x8.SendState;
import io.connect8x8.RateLimitException;
import io.connect8x8.RequestOptions;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sms.Sms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The simulator's strict key ownership and its per-sub-account quota, as the facade reports them. */
class QuotaAndOwnershipEndToEndTest {

    private static final List<Duration> SLEPT = new CopyOnWriteArrayList<>();

    /** A stopped clock keeps every request in one rate window, whatever the machine's speed. */
    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder()
            .configure(sandbox -> sandbox.strict(true)
                    .addKey(Sandbox.DEFAULT_API_KEY, SandboxExtension.DEFAULT_SUB_ACCOUNT_ID)
                    .rateLimit(2)
                    .clock(Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC)))
            .configureClient(client -> client.sleeper(SLEPT::add))
            .build();

    @BeforeEach
    void forgetWaits() {
        SLEPT.clear();
    }

    private static Sms sms() {
        return Sms.builder().to("+6591234567").from("8x8").text("This is an SMS message.").build();
    }

    @Test
    void subAccountTheKeyDoesNotOwnIsABadRequestWith1001(Connect8x8Client client, Sandbox sandbox) {
        RequestOptions elsewhere = RequestOptions.builder().subAccountId("someone-else").build();

        BadRequestException sms = assertThrows(BadRequestException.class,
                () -> client.sms().send(sms(), elsewhere));
        BadRequestException chat = assertThrows(BadRequestException.class,
                () -> client.chatApps().send(ChatMessage.builder().to("+6591234567").text("x").build(), elsewhere));

        for (BadRequestException e : List.of(sms, chat)) {
            assertEquals(400, e.httpStatus());
            assertEquals(1001, e.error().code());
            assertEquals(1, e.attempts());
            assertEquals(SendState.REJECTED, e.sendState());
        }
        assertEquals(2, sandbox.requestCount());
        assertTrue(sandbox.messages().isEmpty());
        assertTrue(client.sms().send(sms()).accepted(), "the key's own sub-account is allowed");
    }

    @Test
    void quotaOverrunSurfacesAsRateLimitAfterTheClientsRetries(Connect8x8Client client, Sandbox sandbox) {
        client.sms().send(sms());
        client.sms().send(sms());

        RateLimitException e = assertThrows(RateLimitException.class, () -> client.sms().send(sms()));

        assertEquals(429, e.httpStatus());
        assertEquals(429, e.error().code());
        Duration retryAfter = e.retryAfter().orElseThrow();
        assertTrue(retryAfter.toSeconds() >= 1, retryAfter::toString);
        assertEquals(3, e.attempts());
        assertEquals(List.of(retryAfter, retryAfter), SLEPT);
        assertEquals(2 + 3, sandbox.requestCount());
        assertEquals(2, sandbox.messages().size());
    }
}
