package io.connect8x8;

import static io.connect8x8.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import java.time.Duration;
import java.util.List;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 2: the one validation step. {@code validate(..)} returns what a send would refuse (the clock, the
 * required fields and the sub-account checks alike), every violation of a batch, and a send throws the first of
 * them; nothing reaches the server.
 */
class ValidateTest {

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = Fixtures.client(server).clock(Fixtures.CLOCK).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private static List<String> describe(List<ValidationException> violations) {
        return violations.stream().map(Throwable::getMessage).toList();
    }

    @Test
    void aGoodMessageHasNoViolation() {
        assertEquals(List.of(), client.sms().validate(Sms.builder().to("+6591234567").text("Hi").build(),
                RequestOptions.DEFAULT));
        assertEquals(List.of(), client.chatApps().validate(ChatMessage.builder().to("+6591234567").text("Hi")
                .build(), RequestOptions.DEFAULT));
    }

    @Test
    void theClockAndContextChecksOfTheSendAreTheValidationsOwn() {
        Sms past = Sms.builder().to("+6591234567").text("Hi").scheduled(at(Duration.ofMinutes(-1))).build();
        RequestOptions badSubAccount = RequestOptions.builder().subAccountId("no spaces allowed").build();

        assertEquals(List.of("scheduled: is in the past",
                "subAccountId: must be 3 to 50 letters, digits or - . _ & (was 17 characters)"),
                describe(client.sms().validate(past, badSubAccount)));
        ValidationException thrown = assertThrows(ValidationException.class, () -> client.sms().send(past));
        assertEquals("scheduled: is in the past", thrown.getMessage(), "the send throws the first violation");
        assertEquals(List.of("text: is required"),
                describe(client.sms().validate(Sms.builder().to("+6591234567").build(), RequestOptions.DEFAULT)));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aBatchListsEveryBadMessageByPosition() {
        SmsBatch batch = SmsBatch.builder()
                .template(Sms.builder().text("Hi").expiry(at(Duration.ofHours(-1))).build())
                .addMessage(Sms.builder().to("+6591234567").build())
                .addMessage(Sms.builder().to("+6591234568").scheduled(at(Duration.ofDays(8))).build())
                .addMessage(Sms.builder().to("+6591234569").scheduled(at(Duration.ofMinutes(-5))).build())
                .build();

        assertEquals(List.of("template.expiry: is in the past", "messages[1].scheduled: is more than 7 days ahead",
                "messages[2].scheduled: is in the past"), describe(client.sms().validate(batch,
                RequestOptions.DEFAULT)));
        assertEquals("template.expiry: is in the past",
                assertThrows(ValidationException.class, () -> client.sms().sendBatch(batch)).getMessage());
        assertEquals(0, server.getRequestCount());
    }
}
