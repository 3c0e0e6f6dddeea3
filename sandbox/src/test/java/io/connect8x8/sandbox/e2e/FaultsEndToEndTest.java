package io.connect8x8.sandbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.CallTimeoutException;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.RequestOptions;
import io.connect8x8.RetryPolicy;
import io.connect8x8.ServerErrorException;
import io.connect8x8.TransportException;
import io.connect8x8.UnexpectedResponseException;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The facade's retry rules against the simulator's fault switches: for each fault, the outcome, the exception and
 * its fields, and how many requests reached the simulator. Each test gets its own simulator (an instance field), so
 * a request still sleeping in the latency fault cannot leak into the next test's record.
 */
class FaultsEndToEndTest {

    /** Every wait the client asked for; nothing sleeps. */
    private final List<Duration> slept = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final SandboxExtension sandbox = SandboxExtension.builder()
            .configure(simulator -> simulator.receiptTimeFactor(0.001))
            .configureClient(client -> client.sleeper(slept::add)
                    .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(100)).build()))
            .build();

    private static Sms sms() {
        return Sms.builder().to("+6591234567").from("8x8").text("This is an SMS message.")
                .clientMessageId("fault-sms-1").build();
    }

    private static ChatMessage otp() {
        return ChatMessage.builder().to("+6591234567")
                .template(Template.authentication("your_authentication_template_name", "en_US", "123456"))
                .clientMessageId("fault-otp-1").build();
    }

    @Test
    void burstOf429IsWaitedOutWithRetryAfterAndSendsOnce(Connect8x8Client client, Sandbox sandbox) {
        sandbox.faults().tooManyRequests(2, 1);

        SmsResult result = client.sms().send(sms());

        assertTrue(result.accepted());
        assertEquals(3, sandbox.requestCount());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), slept);
        assertEquals(1, sandbox.messages().size());
        assertEquals(result.umid(), sandbox.messages().get(0).umid());
    }

    @Test
    void unavailableIsRetriedWithBackoffThenSurfacesAsNotProcessed503(Connect8x8Client client, Sandbox sandbox) {
        sandbox.faults().unavailable(1.0);

        ServerErrorException e = assertThrows(ServerErrorException.class, () -> client.chatApps().send(otp()));

        assertEquals(503, e.httpStatus());
        assertEquals(2000, e.error().code());
        assertFalse(e.mayHaveBeenProcessed());
        assertEquals(3, e.attempts());
        assertEquals(3, sandbox.requestCount());
        assertEquals(2, slept.size());
        assertTrue(slept.get(0).compareTo(Duration.ofMillis(100)) <= 0, slept::toString);
        assertTrue(slept.get(1).compareTo(Duration.ofMillis(200)) <= 0, slept::toString);
        assertTrue(sandbox.messages().isEmpty());
    }

    @Test
    void unavailableThenRecoveredSendsOnce(Connect8x8Client client, Sandbox sandbox) {
        // Seeded: with seed 3 and a share of 0.5 the first draw is a 503 (0.11) and the second is not (0.70).
        sandbox.faults().seed(3).unavailable(0.5);

        ChatResult result = client.chatApps().send(otp());

        assertTrue(result.accepted());
        assertEquals(1, slept.size());
        assertEquals(2, sandbox.requestCount());
        assertEquals(List.of(result.umid()), sandbox.messages().stream().map(SandboxMessage::umid).toList());
    }

    @Test
    void serverErrorIsNotRetriedBecauseTheMessageMayHaveBeenProcessed(Connect8x8Client client, Sandbox sandbox) {
        sandbox.faults().serverErrors(1.0);

        ServerErrorException e = assertThrows(ServerErrorException.class, () -> client.sms().send(sms()));

        assertEquals(500, e.httpStatus());
        assertEquals(2000, e.error().code());
        assertTrue(e.mayHaveBeenProcessed());
        assertEquals(1, e.attempts());
        assertEquals(1, sandbox.requestCount());
        assertTrue(slept.isEmpty());
    }

    @Test
    void serverErrorIsRetriedOnlyWhenTheCallOptsIn(Connect8x8Client client, Sandbox sandbox) {
        sandbox.faults().serverErrors(1.0);
        RequestOptions optIn = RequestOptions.builder().retryPolicy(RetryPolicy.builder().maxAttempts(3)
                .initialBackoff(Duration.ofMillis(1)).retryAmbiguousFailures(true).build()).build();

        ServerErrorException e = assertThrows(ServerErrorException.class, () -> client.sms().send(sms(), optIn));

        assertEquals(3, e.attempts());
        assertEquals(3, sandbox.requestCount());
    }

    @Test
    void connectionResetAfterTheRequestIsAnAmbiguousTransportFailureNotRetried(Connect8x8Client client,
                                                                               Sandbox sandbox) {
        client.sms().send(sms()); // leaves a pooled connection, which OkHttp would be tempted to retry on
        sandbox.faults().connectionResets(1.0);

        TransportException e = assertThrows(TransportException.class,
                () -> client.sms().send(sms().toBuilder().clientMessageId("fault-sms-2").build()));

        assertTrue(e.mayHaveReachedServer());
        assertFalse(e instanceof CallTimeoutException);
        assertEquals(1, e.attempts());
        assertEquals(2, sandbox.requestCount(), "one request each: neither the facade nor OkHttp sent it again");
        assertTrue(slept.isEmpty());
        assertEquals(List.of("fault-sms-1"),
                sandbox.messages().stream().map(SandboxMessage::clientMessageId).toList());
    }

    @Test
    void malformedBodyIsAnUnexpectedResponseAndTheMessageWasAccepted(Connect8x8Client client, Sandbox sandbox) {
        sandbox.faults().malformedBodies(1.0);

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.chatApps().send(otp()));

        assertEquals(200, e.httpStatus());
        assertFalse(e.rawBody().isEmpty());
        assertEquals(1, e.attempts());
        assertEquals(1, sandbox.requestCount());
        SandboxMessage recorded = sandbox.messages().get(0);
        assertTrue(recorded.accepted(), "processed although the client could not read the answer");
        assertEquals("fault-otp-1", recorded.clientMessageId());
    }

    @Test
    void latencyBeyondTheCallTimeoutIsACallTimeoutAndTheMessageIsStillProcessed(Connect8x8Client client,
                                                                                Sandbox sandbox)
            throws Exception {
        try (WebhookServer webhook = new WebhookServer()) {
            sandbox.faults().latency(Duration.ofMillis(1_000));
            RequestOptions shortDeadline = RequestOptions.builder().timeout(Duration.ofMillis(200)).build();

            CallTimeoutException e = assertThrows(CallTimeoutException.class, () -> client.sms().send(
                    sms().toBuilder().dlrCallbackUrl(webhook.url()).build(), shortDeadline));

            assertTrue(e.mayHaveReachedServer());
            assertEquals(1, e.attempts());
            // The simulator handles it once the latency has passed: the receipt is how the sender finds out. Only
            // then is the count certain (on a loaded machine the deadline can pass before the server reads it).
            assertTrue(sandbox.awaitReceipts(1, Duration.ofSeconds(30)));
            assertEquals(1, sandbox.requestCount());
            String umid = sandbox.messages().get(0).umid();
            assertEquals("delivered", webhook.receiver().latestState(umid).orElseThrow().state());
            assertEquals("fault-sms-1", webhook.receiver().latestState(umid).orElseThrow().clientMessageId());
        }
    }
}
