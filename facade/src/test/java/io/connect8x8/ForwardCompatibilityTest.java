package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.connect8x8.BatchResult;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsResult;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses from a newer API: unknown fields and enum values are accepted and surfaced as the raw strings; an
 * unusable body is an {@link UnexpectedResponseException} with status and raw body, never a raw parse exception.
 */
class ForwardCompatibilityTest {

    private MockWebServer server;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        client = Fixtures.client(server).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private SmsResult sendSms(String responseBody) {
        server.enqueue(Fixtures.ok(responseBody));
        return client.sms().send(Sms.builder().to("+6512345678").text("Hi").build());
    }

    private ChatResult sendChat(String responseBody) {
        server.enqueue(Fixtures.ok(responseBody));
        return client.chatApps().send(ChatMessage.builder().to("+6512345678").text("Hi").build());
    }

    @Test
    void smsUnknownStatusEncodingAndFieldsAreSurfacedRaw() {
        SmsResult result = sendSms("{\"umid\":\"u-9\",\"clientMessageId\":\"c-1\",\"destination\":\"6512345678\","
                + "\"encoding\":\"UTF8\",\"status\":{\"code\":\"SCHEDULED\",\"description\":\"Later\","
                + "\"reason\":\"new\"},\"price\":{\"total\":0.05,\"currency\":\"EUR\"},\"track\":\"Outcome\"}");

        assertEquals(new SmsResult("u-9", "c-1", "6512345678", "UTF8", "SCHEDULED", "Later", result.raw()), result);
        assertFalse(result.accepted());
        // What this version does not model is reachable through the raw JSON, compared as a tree.
        assertEquals(Optional.of("0.05"), result.raw().string("price", "total"));
        assertEquals(Optional.of("new"), result.raw().string("status", "reason"));
        assertEquals(JsonParser.parseString("{\"total\":0.05,\"currency\":\"EUR\"}"),
                result.raw().asJsonObject().get("price"));
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void chatUnknownStateAndFieldsAreSurfacedRaw() {
        ChatResult result = sendChat("{\"umid\":\"0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b\",\"user\":{\"msisdn\":"
                + "\"+6512345678\",\"channelUserId\":\"x\"},\"clientMessageId\":null,\"status\":{\"state\":\"pending\","
                + "\"detail\":\"new_detail\",\"timestamp\":\"2026-03-01T10:00:00+00:00\"},\"channel\":\"whatsapp\"}");

        assertEquals("pending", result.state());
        assertEquals("2026-03-01T10:00:00+00:00", result.timestamp());
        assertEquals("+6512345678", result.msisdn());
        assertTrue(result.accepted());
    }

    @Test
    void batchResultsKeepUnknownFieldsAndRejectedItems() {
        server.enqueue(Fixtures.ok("{\"batchId\":\"2b3c4d5e-0000-4000-8000-000000000001\",\"clientBatchId\":\"cb\","
                + "\"acceptedCount\":1,\"rejectedCount\":1,\"extra\":true,\"messages\":["
                + "{\"umid\":\"a\",\"status\":{\"state\":\"queued\"}},"
                + "{\"umid\":\"b\",\"status\":{\"state\":\"rejected\",\"errorCode\":3003,"
                + "\"errorMessage\":\"Invalid MSISDN\"}}]}"));

        BatchResult<ChatResult> result = client.chatApps().sendBatch(ChatBatch.builder()
                .addMessage(ChatMessage.builder().to("+6512345678").text("Hi").build()).build());

        assertEquals(2, result.messages().size());
        assertEquals(new ChatResult("b", null, null, "rejected", null, 3003, "Invalid MSISDN",
                result.messages().get(1).raw()), result.messages().get(1));
        assertEquals(Optional.of("true"), result.raw().string("extra"));
        assertEquals(JsonParser.parseString("{\"umid\":\"a\",\"status\":{\"state\":\"queued\"}}"),
                result.messages().get(0).raw().asJsonObject());
        assertFalse(result.messages().get(1).accepted());
    }

    @Test
    void smsBatchResultWithUnknownStatusInItsMessages() {
        server.enqueue(Fixtures.ok("{\"batchId\":\"b-1\",\"clientBatchId\":null,\"acceptedCount\":1,"
                + "\"rejectedCount\":0,\"messages\":[{\"umid\":\"u-1\",\"destination\":\"6512345678\","
                + "\"encoding\":\"GSM7\",\"status\":{\"code\":\"SCHEDULED\"}}]}"));

        BatchResult<SmsResult> result = client.sms().sendBatch(SmsBatch.builder()
                .addMessage(Sms.builder().to("+6512345678").text("Hi").build()).build());

        assertEquals("SCHEDULED", result.messages().get(0).status());
    }

    @Test
    void smsResponseWithoutUmidIsUnexpectedResponseWithStatusAndBody() {
        String body = "{\"clientMessageId\":null,\"destination\":\"6512345678\",\"encoding\":\"GSM7\","
                + "\"status\":{\"code\":\"QUEUED\"}}";
        server.enqueue(Fixtures.ok(body));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.sms().send(Sms.builder().to("+6512345678").text("Hi").build()));

        assertEquals(200, e.httpStatus());
        assertEquals(body, e.rawBody());
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().contains("umid"), e.getMessage());
    }

    @Test
    void chatResponseWithoutUmidIsUnexpectedResponse() {
        String body = "{\"status\":{\"state\":\"queued\"}}";

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> sendChat(body));

        assertEquals(body, e.rawBody());
    }

    @Test
    void nonJson200IsUnexpectedResponse() {
        server.enqueue(new MockResponse().setHeader("Content-Type", "text/plain").setBody("OK"));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.sms().send(Sms.builder().to("+6512345678").text("Hi").build()));

        assertEquals(200, e.httpStatus());
        assertEquals("OK", e.rawBody());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void jsonArray200IsUnexpectedResponse() {
        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> sendChat("[]"));

        assertEquals("[]", e.rawBody());
    }

    @Test
    void wrongTypesInTheBodyAreUnexpectedResponseNotARawGsonException() {
        String body = "{\"batchId\":\"b-1\",\"acceptedCount\":\"many\",\"rejectedCount\":0}";
        server.enqueue(Fixtures.ok(body));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> client.sms().sendBatch(SmsBatch.builder()
                        .addMessage(Sms.builder().to("+6512345678").text("Hi").build()).build()));

        assertEquals(body, e.rawBody());
    }

    /**
     * A timestamp the client cannot parse must not lose a queued message's umid: the result carries the raw
     * string, as for every other field this version does not interpret.
     */
    @Test
    void unparseableChatTimestampIsSurfacedRaw() {
        ChatResult result = sendChat("{\"umid\":\"0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b\",\"status\":"
                + "{\"state\":\"queued\",\"timestamp\":\"not-a-date\"}}");

        assertEquals("0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b", result.umid());
        assertEquals("not-a-date", result.timestamp());
    }

    @Test
    void unparseableTimestampInABatchItemIsSurfacedRaw() {
        server.enqueue(Fixtures.ok("{\"batchId\":\"2b3c4d5e-0000-4000-8000-000000000001\",\"acceptedCount\":1,"
                + "\"rejectedCount\":0,\"messages\":[{\"umid\":\"a\",\"status\":{\"state\":\"queued\","
                + "\"timestamp\":\"yesterday\"}}]}"));

        BatchResult<ChatResult> result = client.chatApps().sendBatch(ChatBatch.builder()
                .addMessage(ChatMessage.builder().to("+6512345678").text("Hi").build()).build());

        assertEquals("yesterday", result.messages().get(0).timestamp());
    }

    @Test
    void nonUuidUmidIsAccepted() {
        ChatResult result = sendChat("{\"umid\":\"legacy-42\",\"status\":{\"state\":\"queued\"}}");

        assertEquals("legacy-42", result.umid());
    }
}
