package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatAppsApiTest {

    private static final String OTP = "{'user':{'msisdn':'+6591234567'},'type':'%s','content':{'template':{"
            + "'name':'your_authentication_template_name','language':'en_US','components':["
            + "{'type':'%s','parameters':[{'type':'text','text':'123456'}]},"
            + "{'type':'%s','subType':'%s','index':0,'parameters':[{'type':'text','text':'123456'}]}]}}}";

    private static Sandbox sandbox;
    private static String single;
    private static String batch;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder()
                .addTemplate(WhatsAppTemplate.of("order_update", "de", 2).withButton(1, "QuickReply"))
                .build().start();
        single = sandbox.chatAppsBaseUrl() + "/api/v1/subaccounts/acme_wa/messages";
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

    /**
     * 8x8's complete document lets {@code user} name the recipient by {@code channelUserId} ("instead of, or
     * alongside, their phone number") or {@code lineUserId} ("Use this instead of msisdn"); the guides' document
     * declares {@code msisdn} alone, where such a message is still 3002. Either way a user naming nobody is 3002.
     */
    @Test
    void aUserNamedByChannelUserIdOrLineUserIdIsAcceptedWhereTheDocumentDeclaresThem() throws Exception {
        boolean channelUserId = declares(io.connect8x8.generated.messaging.model.User.class, "getChannelUserId");
        boolean lineUserId = declares(io.connect8x8.generated.messaging.model.User.class, "getLineUserId");
        assertEquals(channelUserId, lineUserId, "the set in use declares both or neither");

        Http.Reply byChannel = post(single, "{'user':{'channelUserId':'US.13491208655302741918'},'type':'Text',"
                + "'content':{'text':'Hi'}}");
        Http.Reply byLine = post(single, "{'user':{'lineUserId':'Ua12b345678c1de0fg1a1234567891011'},'type':'Text',"
                + "'content':{'text':'Hi'}}");
        Http.Reply nobody = post(single, "{'user':{'country':'SG'},'type':'Text','content':{'text':'Hi'}}");

        if (channelUserId) {
            assertEquals(200, byChannel.status(), byChannel.text());
            assertEquals(Http.JSON.readTree(json("{'channelUserId':'US.13491208655302741918'}")),
                    byChannel.json().get("user"));
            assertEquals("queued", byChannel.json().at("/status/state").asText());
            assertEquals(200, byLine.status(), byLine.text());
            assertEquals(Http.JSON.readTree(json("{'lineUserId':'Ua12b345678c1de0fg1a1234567891011'}")),
                    byLine.json().get("user"));
            SandboxMessage recorded = sandbox.messages().get(0);
            assertEquals(byChannel.json().get("umid").asText(), recorded.umid());
            assertEquals(Http.JSON.readTree(json("{'channelUserId':'US.13491208655302741918'}")),
                    Http.JSON.readTree(recorded.receipts().get(0).body()).at("/payload/user"));
            Http.Reply details = Http.send(new okhttp3.Request.Builder().url(single + "/" + recorded.umid()),
                    sandbox.apiKey());
            assertEquals(200, details.status(), details.text());
            assertEquals(Http.JSON.readTree(json("{'channelUserId':'US.13491208655302741918'}")),
                    details.json().at("/data/0/user"));
        } else {
            assertEquals(400, byChannel.status(), byChannel.text());
            assertEquals(3002, byChannel.code());
            assertEquals(3002, byLine.code(), byLine.text());
        }
        assertEquals(400, nobody.status(), nobody.text());
        assertEquals(3002, nobody.code());
    }

    private static boolean declares(Class<?> model, String getter) {
        return java.util.Arrays.stream(model.getMethods()).anyMatch(method -> method.getName().equals(getter));
    }

    @Test
    void acceptsTextMessageWithExactResponse() {
        Http.Reply reply = post(single, "{'user':{'msisdn':'+6591234567'},'type':'Text','content':{'text':'Hi'},"
                + "'clientMessageId':'m-1'}");

        assertEquals(200, reply.status(), reply.text());
        JsonNode body = reply.json();
        UUID.fromString(body.get("umid").asText());
        assertEquals("+6591234567", body.at("/user/msisdn").asText());
        assertEquals("m-1", body.get("clientMessageId").asText());
        assertEquals("queued", body.at("/status/state").asText());
        Instant.parse(body.at("/status/timestamp").asText());
        assertEquals(Api.CHAT_APPS, sandbox.messages().get(0).api());
    }

    @Test
    void acceptsGuideOtpTemplateInEitherEnumSpelling() throws Exception {
        assertEquals(200, post(single, String.format(OTP, "Template", "body", "button", "Url")).status());
        Http.Reply guideSpelling = post(single, String.format(OTP, "template", "Body", "Button", "url"));

        assertEquals(200, guideSpelling.status(), guideSpelling.text());
        // Both are stored with the spelling of the spec set in use (Template in the guides', template in 8x8's).
        String first = new ObjectMapper().readTree(sandbox.messages().get(0).request()).get("type").asText();
        String second = new ObjectMapper().readTree(sandbox.messages().get(1).request()).get("type").asText();
        assertEquals(first, second);
        assertTrue(first.equalsIgnoreCase("template"), first);
    }

    @Test
    void rejectsUnknownTemplateWith3038() {
        Http.Reply reply = post(single, String.format(OTP, "Template", "body", "button", "Url")
                .replace("en_US", "fr"));

        assertEquals(400, reply.status());
        assertEquals(3038, reply.code());
    }

    @Test
    void rejectsWrongParameterCountWith3041AndNoneWith3040() {
        String two = String.format(OTP, "Template", "body", "button", "Url")
                .replace("[{'type':'text','text':'123456'}]},", "[{'type':'text','text':'1'},{'type':'text','text':'2'}]},");
        assertEquals(3041, post(single, two).code());
        assertEquals(3040, post(single, "{'user':{'msisdn':'+6591234567'},'type':'Template','content':{'template':"
                + "{'name':'your_authentication_template_name','language':'en_US'}}}").code());
    }

    @Test
    void rejectsBadButtonIndexWith3053AndSubTypeWith3052() {
        assertEquals(3053, post(single, String.format(OTP, "Template", "body", "button", "Url")
                .replace("'index':0", "'index':4")).code());
        assertEquals(3052, post(single, String.format(OTP, "Template", "body", "button", "QuickReply")).code());
    }

    @Test
    void aQuickReplyButtonWithoutItsPayloadIs3049AsEveryButtonButAVoiceCall() {
        String message = "{'user':{'msisdn':'+6591234567'},'type':'Template','content':{'template':{"
                + "'name':'order_update','language':'de','components':[{'type':'body','parameters':["
                + "{'type':'text','text':'A1'},{'type':'text','text':'Montag'}]},"
                + "{'type':'button','subType':'QuickReply','index':1%s}]}}}";

        Http.Reply withPayload = post(single, String.format(message, ",'parameters':[{'type':'payload',"
                + "'payload':'STOP'}]"));
        Http.Reply without = post(single, String.format(message, ""));
        Http.Reply empty = post(single, String.format(message, ",'parameters':[]"));

        assertEquals(200, withPayload.status(), withPayload.text());
        // "For VoiceCall, the parameters array is optional. All other subtypes require at least one parameter."
        assertEquals(400, without.status(), without.text());
        assertEquals(3049, without.code());
        assertEquals(3049, empty.code());
    }

    @Test
    void rejectsInvalidMsisdnWith3003AndMissingTextWith3005() {
        assertEquals(3003, post(single, "{'user':{'msisdn':'0123'},'type':'Text','content':{'text':'x'}}").code());
        assertEquals(3003, post(single, "{'user':{'msisdn':'" + TestNumbers.INVALID
                + "'},'type':'Text','content':{'text':'x'}}").code());
        assertEquals(3005, post(single, "{'user':{'msisdn':'+6591234567'},'type':'Text','content':{}}").code());
    }

    @Test
    void rejectsFallbackAfterOutOfRangeWith3023() {
        Http.Reply reply = post(single, "{'user':{'msisdn':'+6591234567'},'type':'Text','content':{'text':'x'},"
                + "'channels':[{'channel':'whatsapp','fallbackAfter':5},{'channel':'sms'}]}");

        assertEquals(3023, reply.code());
    }

    @Test
    void batchAppliesTemplateAndRejectsInvalidItems() {
        Http.Reply reply = post(batch, "{'clientBatchId':'wb-1','includeMessagesInResponse':true,"
                + "'template':{'type':'text','content':{'text':'Shared'}},'messages':["
                + "{'user':{'msisdn':'+6591234567'}},{'user':{'msisdn':'nope'}},"
                + "{'user':{'msisdn':'+6591234569'},'type':'Text','content':{'text':'Own'},'clientMessageId':'own'}]}");

        assertEquals(200, reply.status(), reply.text());
        JsonNode body = reply.json();
        UUID.fromString(body.get("batchId").asText());
        assertEquals("wb-1", body.get("clientBatchId").asText());
        assertEquals(2, body.get("acceptedCount").asInt());
        assertEquals(1, body.get("rejectedCount").asInt());
        assertEquals("queued", body.at("/messages/0/status/state").asText());
        assertEquals("rejected", body.at("/messages/1/status/state").asText());
        assertEquals(3003, body.at("/messages/1/status/errorCode").asInt());
        assertTrue(body.at("/messages/1/status/errorMessage").isTextual());
        assertEquals("own", body.at("/messages/2/clientMessageId").asText());
        assertTrue(sandbox.messagesTo("+6591234567").get(0).request().contains("Shared"));
    }

    @Test
    void batchWithoutMessagesIs3012AndOverLimitIs3013() {
        assertEquals(3012, post(batch, "{'messages':[]}").code());
        StringBuilder many = new StringBuilder("{'messages':[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{'user':{'msisdn':'+6591234567'}}");
        }
        assertEquals(3013, post(batch, many.append("]}").toString()).code());
    }

    @Test
    void aBatchHoldingTestNumberThreeFailsWholeAndRecordsNothing() {
        Http.Reply reply = post(batch, "{'messages':[{'user':{'msisdn':'+6591234567'},'type':'Text',"
                + "'content':{'text':'x'}},{'user':{'msisdn':'" + TestNumbers.SERVER_ERROR + "'},'type':'Text',"
                + "'content':{'text':'x'}}]}");

        assertEquals(500, reply.status());
        assertEquals(2000, reply.code());
        assertTrue(sandbox.messages().isEmpty(), sandbox.messages()::toString);
    }
}
