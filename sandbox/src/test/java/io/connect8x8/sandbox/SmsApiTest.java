package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsApiTest {

    private static Sandbox sandbox;
    private static String single;
    private static String batch;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().build().start();
        single = sandbox.smsBaseUrl() + "/api/v1/subaccounts/acme-sms/messages";
        batch = single + "/batch";
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    private static Http.Reply post(String url, String body) {
        return Http.post(url, sandbox.apiKey(), json(body));
    }

    /** The live API reads enum values in any casing: a spelling the spec allows must never be a 500. */
    @Test
    void readsTheEncodingInAnyCasing() {
        Http.Reply reply = post(single, "{'destination':'+6591234567','text':'Grüße','encoding':'ucs2'}");

        assertEquals(200, reply.status(), reply.text());
        assertEquals("UCS2", reply.json().get("encoding").asText());
        assertEquals(200, post(single, "{'destination':'+6591234567','text':'Hi','encoding':'Auto'}").status());
    }

    @Test
    void acceptsSingleSmsWithExactResponse() {
        Http.Reply reply = post(single, "{'destination':'+6591234567','text':'Hello','clientMessageId':'c-1'}");

        assertEquals(200, reply.status(), reply.text());
        JsonNode body = reply.json();
        UUID.fromString(body.get("umid").asText());
        assertEquals("c-1", body.get("clientMessageId").asText());
        assertEquals("6591234567", body.get("destination").asText());
        assertEquals("GSM7", body.get("encoding").asText());
        assertEquals("QUEUED", body.at("/status/code").asText());
        assertEquals("SMS is accepted and queued for processing", body.at("/status/description").asText());
        assertEquals(5, body.size());
        SandboxMessage recorded = sandbox.messagesTo("6591234567").get(0);
        assertEquals(Api.SMS, recorded.api());
        assertEquals("acme-sms", recorded.subAccountId());
        assertEquals(body.get("umid").asText(), recorded.umid());
        assertEquals("c-1", recorded.clientMessageId());
        assertTrue(recorded.accepted());
        assertEquals(1, sandbox.requestCount());
    }

    @Test
    void reportsUcs2AndNullClientMessageId() {
        JsonNode body = post(single, "{'destination':'6591234567','text':'Привет 👋'}").json();

        assertEquals("UCS2", body.get("encoding").asText());
        assertTrue(body.get("clientMessageId").isNull());
    }

    @Test
    void readsEncodingCaseInsensitively() {
        Http.Reply reply = post(single, "{'destination':'6591234567','text':'Hi','encoding':'ucs2'}");

        assertEquals(200, reply.status(), reply.text());
        assertEquals("UCS2", reply.json().get("encoding").asText());
    }

    @Test
    void batchOfMessagesTakesMissingFieldsFromTemplate() {
        Http.Reply reply = post(batch, "{'clientBatchId':'b-1','includeMessagesInResponse':true,"
                + "'template':{'text':'Shared','source':'ACME'},"
                + "'messages':[{'destination':'6591234567'},{'destination':'+6591234568','text':'Own ✓'}]}");

        assertEquals(200, reply.status(), reply.text());
        JsonNode body = reply.json();
        UUID.fromString(body.get("batchId").asText());
        assertEquals("b-1", body.get("clientBatchId").asText());
        assertEquals(2, body.get("acceptedCount").asInt());
        assertEquals(0, body.get("rejectedCount").asInt());
        assertEquals("GSM7", body.at("/messages/0/encoding").asText());
        assertEquals("UCS2", body.at("/messages/1/encoding").asText());
        assertTrue(sandbox.messagesTo("6591234567").get(0).request().contains("\"Shared\""));
        assertTrue(sandbox.messagesTo("6591234568").get(0).request().contains("Own"));
        assertEquals("b-1", sandbox.messages().get(0).clientBatchId());
    }

    @Test
    void batchOfDestinationsUsesTemplateAndOmitsMessagesByDefault() {
        Http.Reply reply = post(batch, "{'destinations':['6591234567','6591234568','6591234569'],"
                + "'template':{'text':'To all'}}");

        assertEquals(200, reply.status(), reply.text());
        JsonNode body = reply.json();
        assertEquals(3, body.get("acceptedCount").asInt());
        assertFalse(body.has("messages"));
        assertTrue(body.get("clientBatchId").isNull());
        assertEquals(3, sandbox.messages().size());
    }

    @Test
    void invalidBatchItemIsRejectedNotTheBatch() {
        Http.Reply reply = post(batch, "{'includeMessagesInResponse':true,'messages':["
                + "{'destination':'6591234567','text':'ok'},{'destination':'12','text':'bad'},"
                + "{'destination':'6591234569'},{'destination':'" + TestNumbers.INVALID + "','text':'x'}]}");

        assertEquals(200, reply.status(), reply.text());
        JsonNode body = reply.json();
        assertEquals(1, body.get("acceptedCount").asInt());
        assertEquals(3, body.get("rejectedCount").asInt());
        assertEquals("REJECTED", body.at("/messages/1/status/code").asText());
        UUID.fromString(body.at("/messages/1/umid").asText());
        assertEquals(1002, sandbox.messages().get(1).errorCode());
        assertEquals(1004, sandbox.messages().get(2).errorCode());
        assertEquals(1002, sandbox.messages().get(3).errorCode());
        assertEquals("rejected", sandbox.messages().get(3).state());
    }

    /**
     * "expiry: Date and time after which a message cannot be sent": a message whose expiry has passed (on the
     * simulator's clock) is refused with 1006 (the facts' "invalid expiry") and the SMS document's description
     * "Expiry time already reached", single or in a batch; it was accepted and delivered.
     */
    @Test
    void rejectsAnExpiryAlreadyReachedWith1006AndTheDocumentsDescription() {
        SandboxClock clock = SandboxClock.at(java.time.Instant.parse("2026-12-01T09:00:00Z"));
        try (Sandbox timed = Sandbox.builder().clock(clock).build().start()) {
            String url = timed.smsBaseUrl() + "/api/v1/subaccounts/acme-sms/messages";
            Http.Reply expired = Http.post(url, timed.apiKey(),
                    json("{'destination':'+6591234567','text':'Hi','expiry':'2026-12-01T09:00:00Z'}"));
            Http.Reply batchReply = Http.post(url + "/batch", timed.apiKey(), json("{'includeMessagesInResponse':true,"
                    + "'template':{'text':'Hi'},'messages':[{'destination':'+6591234567',"
                    + "'expiry':'2026-12-01T08:59:59+00:00'},{'destination':'+6591234568',"
                    + "'expiry':'2026-12-01T09:00:01Z'}]}"));
            Http.Reply open = Http.post(url, timed.apiKey(),
                    json("{'destination':'+6591234567','text':'Hi','expiry':'2026-12-01T17:00:01+08:00'}"));

            assertEquals(400, expired.status(), expired.text());
            assertEquals(1006, expired.code());
            assertEquals("Expiry time already reached", expired.json().get("message").asText());
            JsonNode body = batchReply.json();
            assertEquals(1, body.get("acceptedCount").asInt(), batchReply.text());
            assertEquals(1, body.get("rejectedCount").asInt());
            assertEquals("REJECTED", body.at("/messages/0/status/code").asText());
            assertEquals("Expiry time already reached", body.at("/messages/0/status/description").asText());
            assertEquals("QUEUED", body.at("/messages/1/status/code").asText());
            assertEquals(1006, timed.messagesTo("+6591234567").get(0).errorCode());
            assertEquals(200, open.status(), open.text());
            assertEquals("QUEUED", open.json().at("/status/code").asText());
        }
    }

    @Test
    void rejectsInvalidDestinationWith1002() {
        Http.Reply reply = post(single, "{'destination':'abc','text':'Hello'}");

        assertEquals(400, reply.status());
        assertEquals(1002, reply.code());
        UUID.fromString(reply.json().get("errorId").asText());
        assertTrue(reply.json().get("timestamp").asText().endsWith("Z"));
        assertEquals(4, reply.json().size());
    }

    /**
     * The SMS API's code for its text is 1004 (the facts' 400 codes; 3005 is a Messaging Apps code), with the SMS
     * document's description of a message without text ("Text value is missing"), single or in a batch.
     */
    @Test
    void rejectsMissingTextWith1004AndTheDocumentsDescription() {
        Http.Reply reply = post(single, "{'destination':'6591234567'}");

        assertEquals(400, reply.status());
        assertEquals(1004, reply.code());
        assertEquals("Text value is missing", reply.json().get("message").asText());
        Http.Reply batchReply = post(batch, "{'includeMessagesInResponse':true,'messages':["
                + "{'destination':'6591234567','clientMessageId':'no-text'}]}");
        assertEquals(200, batchReply.status(), batchReply.text());
        JsonNode item = batchReply.json().at("/messages/0");
        assertEquals("no-text", item.get("clientMessageId").asText());
        assertEquals("REJECTED", item.at("/status/code").asText());
        assertEquals("Text value is missing", item.at("/status/description").asText());
        assertEquals(1004, sandbox.messages().get(0).errorCode());
    }

    @Test
    void rejectsWrongTypeOfDestinationWith1002AndUnknownEncodingWith1003() {
        assertEquals(1002, post(single, "{'destination':6591234567,'text':'x'}").code());
        assertEquals(1003, post(single, "{'destination':'6591234567','text':'x','encoding':'EBCDIC'}").code());
    }

    @Test
    void rejectsTooLongClientMessageIdAndBatchIdWith1000() {
        assertEquals(1000, post(single, "{'destination':'6591234567','text':'x','clientMessageId':'"
                + "a".repeat(351) + "'}").code());
        Http.Reply tooLongBatchId = post(batch, "{'clientBatchId':'" + "b".repeat(21)
                + "','messages':[{'destination':'6591234567','text':'x'}]}");
        assertEquals(400, tooLongBatchId.status());
        assertEquals(1000, tooLongBatchId.code());
    }

    @Test
    void aBatchHoldingTestNumberThreeFailsWholeAndRecordsNothing() {
        Http.Reply reply = post(batch, "{'messages':[{'destination':'6591234567','text':'x'},"
                + "{'destination':'" + TestNumbers.SERVER_ERROR + "','text':'x'}]}");

        assertEquals(500, reply.status());
        assertEquals(2000, reply.code());
        assertTrue(sandbox.messages().isEmpty(), sandbox.messages()::toString);
    }

    @Test
    void testNumberThreeFailsWith500() {
        Http.Reply reply = post(single, "{'destination':'" + TestNumbers.SERVER_ERROR + "','text':'x'}");

        assertEquals(500, reply.status());
        assertEquals(2000, reply.code());
    }

    @Test
    void testNumberTwoIsRejectedWith1002() {
        Http.Reply reply = post(single, "{'destination':'" + TestNumbers.INVALID + "','text':'x'}");

        assertEquals(400, reply.status());
        assertEquals(1002, reply.code());
    }
}
