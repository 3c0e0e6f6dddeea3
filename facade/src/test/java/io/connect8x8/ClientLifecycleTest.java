package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sms.Sms;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A closed client refuses to send; a derived client shares the pool; configuration refuses a key in a URL. */
class ClientLifecycleTest {

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    @Test
    void closedClientRefusesEverySendFromManyThreadsWithATypedNotSentError() throws Exception {
        Connect8x8Client client = Fixtures.client(server).build();
        client.close();
        int threads = 64;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Connect8x8Exception>> outcomes = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean sms = t % 2 == 0;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        if (sms) {
                            client.sms().send(Sms.builder().to("+6512345678").text("Hi").build());
                        } else {
                            client.chatApps().send(ChatMessage.builder().to("+6512345678").text("Hi").build());
                        }
                        return null;
                    } catch (Connect8x8Exception e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            for (Future<Connect8x8Exception> outcome : outcomes) {
                Connect8x8Exception e = outcome.get(30, TimeUnit.SECONDS);
                assertTrue(e instanceof ClientClosedException, String.valueOf(e));
                assertEquals(SendState.NOT_SENT, e.sendState());
                assertEquals(0, e.attempts());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void derivedClientSharesTheConnectionPoolAndOutlivesItsOwnClose() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        try (Connect8x8Client client = Fixtures.client(server).build()) {
            client.sms().send(Sms.builder().to("+6512345678").text("one").build());
            try (Connect8x8Client derived = client.newBuilder().subAccountId("other-sub").build()) {
                derived.sms().send(Sms.builder().to("+6512345678").text("two").build());
            }
            client.sms().send(Sms.builder().to("+6512345678").text("three").build());
        }

        assertEquals(0, server.takeRequest().getSequenceNumber());
        var second = server.takeRequest();
        // The same connection carried the derived client's request: the pool is shared.
        assertEquals(1, second.getSequenceNumber());
        assertEquals("/api/v1/subaccounts/other-sub/messages", second.getPath());
        var third = server.takeRequest();
        assertEquals(2, third.getSequenceNumber());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages", third.getPath());
    }

    @Test
    void derivedClientKeepsTheOriginalsSettings() {
        try (Connect8x8Client client = Fixtures.client(server).build();
             Connect8x8Client derived = client.newBuilder().build()) {
            assertEquals(client.toString(), derived.toString());
            assertFalse(derived.toString().contains(Fixtures.KEY));
        }
    }

    @Test
    void baseUrlWithUserInfoIsRefusedWithoutEchoingIt() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Fixtures.client("http://user:" + Fixtures.KEY + "@127.0.0.1:1/").build());

        assertEquals("smsBaseUrl", e.field());
        assertFalse(e.getMessage().contains(Fixtures.KEY), e.getMessage());
        assertFalse(e.getMessage().contains("user:"), e.getMessage());
    }

    @Test
    void extraFieldThatTheBuilderModelsIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> Sms.builder().to("+6512345678").text("Hi").extra("text", "other"));

        assertEquals("text", e.field());
        assertThrows(ValidationException.class,
                () -> ChatMessage.builder().to("+6512345678").text("Hi").extra("user", "x"));
        assertThrows(ValidationException.class,
                () -> Sms.builder().extra("price", new Object()));
    }
}
