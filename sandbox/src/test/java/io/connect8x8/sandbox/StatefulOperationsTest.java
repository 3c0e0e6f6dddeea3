package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.connect8x8.generated.messaging.model.ButtonSubType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operations with state, over real HTTP, one test per behaviour. They need 8x8's complete documents: with
 * {@code -Dspecs=published}, or with the {@code connect8x8-generated-published} artifact on the class path; on a
 * class path with only the guides' documents these operations are not served (404, code 1300) and the tests are
 * skipped.
 */
class StatefulOperationsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final String ACCOUNT = "/api/v1/accounts/0123456789abcdef0123456789abcdef";
    private static final String SUB = "/api/v1/subaccounts/acme-tests";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final OkHttpClient NO_REDIRECTS = Http.CLIENT.newBuilder().followRedirects(false).build();

    private SandboxClock clock;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        clock = SandboxClock.at(T0);
        sandbox = Sandbox.builder().clock(clock).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** A response: status, Location header and body. */
    private record Reply(int status, String location, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return Http.JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(text(), e);
            }
        }
    }

    private Reply call(String method, String url, RequestBody body) {
        Request.Builder request = new Request.Builder().url(url).method(method, body)
                .header("Authorization", "Bearer " + sandbox.apiKey());
        try (Response response = NO_REDIRECTS.newCall(request.build()).execute()) {
            return new Reply(response.code(), response.header("Location"), response.body().bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply get(String url) {
        return call("GET", url, null);
    }

    private Reply delete(String url) {
        return call("DELETE", url, null);
    }

    private Reply post(String url, String singleQuoted) {
        return call("POST", url, RequestBody.create(json(singleQuoted), JSON));
    }

    private void requires(String operation) {
        assumeTrue(sandbox.operations().contains(operation), operation + " is not in the documents on the class path");
    }

    private static JsonNode tree(String singleQuoted) {
        try {
            return Http.JSON.readTree(json(singleQuoted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sendSms(String body) {
        Reply sent = post(sandbox.smsBaseUrl() + SUB + "/messages", body);
        assertEquals(200, sent.status(), sent.text());
        return sent.json().get("umid").asText();
    }

    @Test
    void smsMessageDetailsComeFromTheMessageStore() {
        requires("sms:get-sms-message-details");
        String umid = sendSms("{'destination':'+6591234567','text':'Hello','source':'ACME','clientMessageId':'c-1'}");

        Reply details = get(sandbox.smsBaseUrl() + SUB + "/messages/" + umid);

        assertEquals(200, details.status(), details.text());
        assertEquals(tree("{'umid':'" + umid + "','subAccountId':'acme-tests','direction':'outbound',"
                + "'status':{'state':'delivered','detail':'delivered_to_recipient',"
                + "'timestamp':'2026-12-01T09:00:00.000Z'},'msisdn':'+659123xxxx','source':'ACME',"
                + "'body':'**MASKED**','encoding':'GSM7','createdAt':'2026-12-01T09:00:00.000Z','smsCount':1,"
                + "'price':{'total':0.0035,'perSms':0.0035,'currency':'EUR'},'clientMessageId':'c-1'}"),
                details.json());
        Reply unknown = get(sandbox.smsBaseUrl() + SUB + "/messages/00000000-0000-4000-8000-000000000000");
        assertEquals(404, unknown.status());
        assertEquals(1300, unknown.json().get("code").asInt());
    }

    @Test
    void withRateLimitsOnMessageDetailsAllowOneRequestASecondPerSubAccountAsDocumented() {
        requires("sms:get-sms-message-details");
        SandboxClock limitedClock = SandboxClock.at(T0);
        try (Sandbox limited = Sandbox.builder().clock(limitedClock).rateLimit(100).build().start()) {
            String key = limited.apiKey();
            String smsUmid = Http.post(limited.smsBaseUrl() + SUB + "/messages", key,
                    json("{'destination':'+6591234567','text':'A'}")).json().get("umid").asText();
            String chatUmid = Http.post(limited.chatAppsBaseUrl() + SUB + "/messages", key,
                    json("{'user':{'msisdn':'+6591234567'},'type':'text','content':{'text':'A'}}")).json()
                    .get("umid").asText();
            String smsDetails = limited.smsBaseUrl() + SUB + "/messages/" + smsUmid;
            String chatDetails = limited.chatAppsBaseUrl() + SUB + "/messages/" + chatUmid;

            Http.Reply first = Http.send(new Request.Builder().url(smsDetails).get(), key);
            Http.Reply second = Http.send(new Request.Builder().url(smsDetails).get(), key);
            Http.Reply otherApi = Http.send(new Request.Builder().url(chatDetails).get(), key);
            Http.Reply send = Http.post(limited.smsBaseUrl() + SUB + "/messages", key,
                    json("{'destination':'+6591234567','text':'B'}"));
            limitedClock.advance(Duration.ofSeconds(1));
            Http.Reply nextSecond = Http.send(new Request.Builder().url(smsDetails).get(), key);

            assertEquals(200, first.status(), first.text());
            // "The limit is set to 1 request/second per subaccount" (both documents' message details).
            assertEquals(429, second.status(), second.text());
            assertEquals(429, second.code());
            assertEquals("1", second.retryAfter());
            assertEquals("Quota exceeded. Please try again in 1 second(s).", second.json().get("message").asText());
            assertEquals(200, otherApi.status(), otherApi.text());
            assertEquals(200, send.status(), "sends keep the sub-account's own limit");
            assertEquals(200, nextSecond.status(), nextSecond.text());
        }
    }

    @Test
    void anEscapedPathParameterIsDecodedOnce() {
        requires("verify:verify-request-v2");
        // "no%25such" is the session id "no%such": decoding it a second time would read "%su" as a broken escape.
        Reply unknown = get(sandbox.verifyBaseUrl() + "/api/v2/subaccounts/acme-tests/sessions/no%25such?code=123456");

        assertEquals(404, unknown.status(), unknown.text());
        assertEquals(1404, unknown.json().get("code").asInt());
        assertEquals("Session not found", unknown.json().get("message").asText());
    }

    @Test
    void aBrokenEscapeInTheQueryIsTheClientsMistake() {
        requires("verify:verify-request-v2");
        Reply broken = get(sandbox.verifyBaseUrl() + "/api/v2/subaccounts/acme-tests/sessions/some-id?code=12%zz34");

        assertEquals(400, broken.status(), broken.text());
        assertEquals(1000, broken.json().get("code").asInt());
        assertEquals("Invalid query string: a broken percent escape", broken.json().get("message").asText());
    }

    @Test
    void deletePiiIsAcceptedForAKnownMessageOnly() {
        requires("sms:delete-pii");
        String umid = sendSms("{'destination':'+6591234567','text':'Hello'}");
        String messages = sandbox.smsBaseUrl() + SUB + "/messages/";

        Reply deleted = delete(messages + umid + "/pii");
        assertEquals(202, deleted.status(), deleted.text());
        assertEquals("", deleted.text());
        Reply unknown = delete(messages + "00000000-0000-4000-8000-000000000000/pii");
        assertEquals(404, unknown.status(), unknown.text());
        assertEquals(1300, unknown.json().get("code").asInt());
        Reply otherSubAccount = delete(sandbox.smsBaseUrl() + "/api/v1/subaccounts/other-sub/messages/" + umid
                + "/pii");
        assertEquals(404, otherSubAccount.status(), otherSubAccount.text());
        Reply notUuid = delete(messages + "abc/pii");
        assertEquals(400, notUuid.status(), notUuid.text());
        assertEquals(1000, notUuid.json().get("code").asInt());
    }

    @Test
    void aScheduledSmsWaitsForTheClockAndCancelWorksOnlyWhileScheduled() {
        requires("sms:cancel-scheduled-message");
        String later = "'scheduled':'2026-12-01T10:00:00Z'";
        String cancelled = sendSms("{'destination':'+6591234567','text':'A'," + later + "}");
        String kept = sendSms("{'destination':'+6591234568','text':'B'," + later + "}");
        String messages = sandbox.smsBaseUrl() + SUB + "/messages/";

        assertEquals(tree("{'state':'queued','detail':'scheduled','timestamp':'2026-12-01T09:00:00.000Z'}"),
                get(messages + kept).json().get("status"));
        assertEquals(List.of(), sandbox.messagesTo("+6591234568").get(0).receipts());
        clock.advance(Duration.ofMinutes(20));
        Reply cancel = delete(messages + cancelled);
        assertEquals(200, cancel.status(), cancel.text());
        assertEquals(tree("{'cancelledCount':1}"), cancel.json());

        clock.advance(Duration.ofMinutes(40));

        assertEquals(tree("{'state':'delivered','detail':'delivered_to_recipient',"
                + "'timestamp':'2026-12-01T10:00:00.000Z'}"), get(messages + kept).json().get("status"));
        // The status's time is the cancel's, in the details and in the log export's status_timestamp.
        assertEquals(tree("{'state':'failed','detail':'cancelled','timestamp':'2026-12-01T09:20:00.000Z'}"),
                get(messages + cancelled).json().get("status"));
        Reply export = post(sandbox.smsBaseUrl() + SUB + "/messages/exports", "{'from':'2026-12-01T09:00:00Z'}");
        String file = get(sandbox.smsBaseUrl() + SUB + "/messages/exports/" + export.json().get("jobId").asText())
                .json().get("data").get(0).asText();
        assertTrue(Http.get(file).text().contains(cancelled + ",acme-tests,1,SG,,,,failed,cancelled,,,"
                + "2026-12-01T09:20:00.000Z,"), "the export's row of the cancelled message");
        assertEquals(List.of(), sandbox.messagesTo("+6591234567").get(0).receipts());
        Reply tooLate = delete(messages + kept);
        assertEquals(400, tooLate.status(), tooLate.text());
        assertEquals(1000, tooLate.json().get("code").asInt());
    }

    @Test
    void aScheduledTimeMoreThanSevenDaysAheadIsRefusedWithCode1011() {
        String send = "{'destination':'+6591234567','text':'A','scheduled':'%s'}";
        String chat = "{'user':{'msisdn':'+6591234567'},'type':'Text','content':{'text':'A'},'scheduled':'%s'}";

        assertEquals(200, post(sandbox.smsBaseUrl() + SUB + "/messages",
                String.format(send, "2026-12-08T09:00:00Z")).status());
        Reply sms = post(sandbox.smsBaseUrl() + SUB + "/messages", String.format(send, "2026-12-08T09:00:01Z"));
        assertEquals(400, sms.status(), sms.text());
        assertEquals(1011, sms.json().get("code").asInt());
        assertEquals("Invalid parameter scheduled: at most 7 days ahead", sms.json().get("message").asText());
        Reply chatApps = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", String.format(chat, "2027-01-01T00:00:00Z"));
        assertEquals(400, chatApps.status(), chatApps.text());
        assertEquals(1011, chatApps.json().get("code").asInt());
        Reply batch = post(sandbox.smsBaseUrl() + SUB + "/messages/batch", "{'messages':[{'destination':'+6591234567',"
                + "'text':'A','scheduled':'2026-12-09T09:00:00Z'},{'destination':'+6591234568','text':'B'}],"
                + "'includeMessagesInResponse':true}");
        assertEquals(200, batch.status(), batch.text());
        assertEquals(1, batch.json().get("rejectedCount").asInt());
        assertEquals(tree("{'code':'REJECTED','description':'Invalid parameter scheduled: at most 7 days ahead'}"),
                batch.json().get("messages").get(0).get("status"));
        assertEquals(List.of(1011), sandbox.messages().stream().filter(message -> !message.accepted())
                .map(SandboxMessage::errorCode).toList());
    }

    @Test
    void aScheduledTimeThatIsNoDateTimeIsCode1011OnBothApis() {
        // 1011 is "invalid schedule time" in the facts' table of codes both APIs share; Messaging Apps gave 1000.
        Reply sms = post(sandbox.smsBaseUrl() + SUB + "/messages",
                "{'destination':'+6591234567','text':'A','scheduled':'tomorrow at 9'}");
        Reply chatApps = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", "{'user':{'msisdn':'+6591234567'},"
                + "'type':'Text','content':{'text':'A'},'scheduled':'2026-12-02 09:00'}");
        Reply batch = post(sandbox.chatAppsBaseUrl() + SUB + "/messages/batch", "{'messages':[{'user':{'msisdn':"
                + "'+6591234567'},'type':'Text','content':{'text':'A'},'scheduled':'soon'},{'user':{'msisdn':"
                + "'+6591234568'},'type':'Text','content':{'text':'B'}}],'includeMessagesInResponse':true}");

        assertEquals(400, sms.status(), sms.text());
        assertEquals(1011, sms.json().get("code").asInt());
        assertEquals(400, chatApps.status(), chatApps.text());
        assertEquals(1011, chatApps.json().get("code").asInt());
        assertTrue(chatApps.json().get("message").asText().contains("scheduled"), chatApps.text());
        assertEquals(200, batch.status(), batch.text());
        assertEquals(1011, batch.json().at("/messages/0/status/errorCode").asInt(), batch.text());
        assertEquals("queued", batch.json().at("/messages/1/status/state").asText());
    }

    @Test
    void anExpiryThatIsNoDateTimeIsCode1006OnBothApis() {
        // 1006 is "invalid expiry" in the facts' table of codes both APIs share, as 1011 is; Messaging Apps gave 1000.
        Reply sms = post(sandbox.smsBaseUrl() + SUB + "/messages",
                "{'destination':'+6591234567','text':'A','expiry':'in an hour'}");
        Reply chatApps = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", "{'user':{'msisdn':'+6591234567'},"
                + "'type':'Text','content':{'text':'A'},'expiry':'2026-12-02 09:00'}");

        assertEquals(400, sms.status(), sms.text());
        assertEquals(1006, sms.json().get("code").asInt());
        assertEquals(400, chatApps.status(), chatApps.text());
        assertEquals(1006, chatApps.json().get("code").asInt());
        assertTrue(chatApps.json().get("message").asText().contains("expiry"), chatApps.text());
    }

    @Test
    void aScheduledTimeInThePastIsSentAtOnce() {
        // Neither the documents nor the facts say what 8x8 does with a past time: the simulator sends it at once.
        sendSms("{'destination':'+6591234567','text':'A','scheduled':'2026-12-01T08:00:00Z'}");

        assertEquals(List.of("delivered"), sandbox.messagesTo("+6591234567").get(0).receipts().stream()
                .map(SandboxReceipt::state).toList());
    }

    @Test
    void aScheduledMessageWhoseExpiryComesFirstIsNeverSentAndFailsAsExpiredAtItsExpiry() throws IOException {
        // "expiry: Date and time after which a message cannot be sent" (SMS), "If message is not delivered before
        // specified time, it should be trashed" (Messaging Apps): held until its expiry, then failed/expired.
        String expiring = sendSms("{'destination':'+6591234567','text':'A','scheduled':'2026-12-01T10:00:00Z',"
                + "'expiry':'2026-12-01T09:30:00Z'}");
        sendSms("{'destination':'+6591234568','text':'B','scheduled':'2026-12-01T10:00:00Z',"
                + "'expiry':'2026-12-01T10:00:01Z'}");
        Reply chat = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", "{'user':{'msisdn':'+6591234569'},"
                + "'type':'Text','content':{'text':'C'},'scheduled':'2026-12-01T10:00:00Z',"
                + "'expiry':'2026-12-01T10:00:00Z'}");
        assertEquals(200, chat.status(), chat.text());

        clock.advance(Duration.ofMinutes(29));
        assertEquals("scheduled", sandbox.messagesTo("+6591234567").get(0).state());
        assertEquals(List.of(), sandbox.messagesTo("+6591234567").get(0).receipts());
        clock.advance(Duration.ofMinutes(1));

        List<SandboxReceipt> expired = sandbox.messagesTo("+6591234567").get(0).receipts();
        assertEquals(1, expired.size());
        assertEquals(tree("{'namespace':'SMS','eventType':'outbound_message_status_changed',"
                + "'description':'SMS outbound message delivery receipt','payload':{'umid':'" + expiring + "',"
                + "'batchId':null,'clientMessageId':null,'clientBatchId':null,'subAccountId':'acme-tests',"
                + "'source':null,'destination':'+6591234567','status':{'state':'failed','detail':'expired',"
                + "'timestamp':'2026-12-01T09:30:00.000Z','errorCode':1006,"
                + "'errorMessage':'Expiry time already reached'},'smsCount':1}}"),
                Http.JSON.readTree(expired.get(0).body()));
        // A receiver built on the webhooks module reads it as a final failure.
        io.connect8x8.webhooks.WebhookEvent event = io.connect8x8.webhooks.WebhookParser.parse(expired.get(0).body());
        assertEquals(io.connect8x8.webhooks.DeliveryState.FAILED,
                ((io.connect8x8.webhooks.WebhookEvent.Receipt) event).receipt().knownState());
        assertEquals(List.of(), sandbox.messagesTo("+6591234568").get(0).receipts());

        clock.advance(Duration.ofMinutes(30));

        assertEquals(List.of("delivered"), sandbox.messagesTo("+6591234568").get(0).receipts().stream()
                .map(SandboxReceipt::state).toList());
        List<SandboxReceipt> chatReceipts = sandbox.messagesTo("+6591234569").get(0).receipts();
        assertEquals(1, chatReceipts.size());
        JsonNode chatReceipt = Http.JSON.readTree(chatReceipts.get(0).body());
        assertEquals(tree("{'state':'failed','detail':'expired','timestamp':'2026-12-01T10:00:00.000Z',"
                + "'errorCode':1006,'errorMessage':'Expiry time already reached'}"), chatReceipt.at("/payload/status"));
        assertEquals("whatsapp", chatReceipt.at("/payload/channel").asText());
        assertEquals("failed", sandbox.messagesTo("+6591234569").get(0).state());
    }

    @Test
    void aMessagingAppsMessageWhoseExpiryHasPassedIsAcceptedButNeverSent() throws IOException {
        // The SMS API refuses it ("Expiry time already reached"); the Messaging Apps document gives no refusal, only
        // "If message is not delivered before specified time, it should be trashed".
        Reply chat = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", "{'user':{'msisdn':'+6591234567'},"
                + "'type':'Text','content':{'text':'A'},'expiry':'2026-12-01T08:59:59Z'}");

        assertEquals(200, chat.status(), chat.text());
        assertEquals("queued", chat.json().at("/status/state").asText(), chat.text());
        List<SandboxReceipt> receipts = sandbox.messages().get(0).receipts();
        assertEquals(1, receipts.size());
        assertEquals(tree("{'state':'failed','detail':'expired','timestamp':'2026-12-01T09:00:00.000Z',"
                + "'errorCode':1006,'errorMessage':'Expiry time already reached'}"),
                Http.JSON.readTree(receipts.get(0).body()).at("/payload/status"));
    }

    @Test
    void anExpiredScheduledSmsShowsItsExpiryInTheDetailsAndIsNotCharged() {
        requires("sms:get-sms-message-details");
        String umid = sendSms("{'destination':'+6591234567','text':'A','scheduled':'2026-12-01T10:00:00Z',"
                + "'expiry':'2026-12-01T09:30:00Z'}");

        clock.advance(Duration.ofHours(1));

        JsonNode details = get(sandbox.smsBaseUrl() + SUB + "/messages/" + umid).json();
        assertEquals(tree("{'state':'failed','detail':'expired','timestamp':'2026-12-01T09:30:00.000Z',"
                + "'errorCode':1006,'errorMessage':'Expiry time already reached'}"), details.get("status"));
        assertEquals(tree("{'total':0.0,'perSms':0.0035,'currency':'EUR'}"), details.get("price"));
    }

    @Test
    void aScheduledBatchIsCancelledWhileScheduled() {
        requires("sms:cancel-many-sms-messages");
        Reply batch = post(sandbox.smsBaseUrl() + SUB + "/messages/batch", "{'destinations':['+6591234567',"
                + "'+6591234568'],'template':{'text':'Sale','scheduled':'2026-12-02T09:00:00Z'}}");
        assertEquals(200, batch.status(), batch.text());
        String url = sandbox.smsBaseUrl() + SUB + "/messages/batch/" + batch.json().get("batchId").asText();

        Reply cancel = delete(url);

        assertEquals(tree("{'cancelledCount':2}"), cancel.json());
        assertEquals(List.of("cancelled", "cancelled"),
                sandbox.messages().stream().map(SandboxMessage::state).toList());
        Reply again = delete(url);
        assertEquals(400, again.status());
        assertEquals(1000, again.json().get("code").asInt());
    }

    @Test
    void aWhatsAppFailureFallsBackToSmsWithReceiptsFromBothChannels() {
        requires("chatapps:get-chatapps-message-details");
        Reply sent = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", "{'user':{'msisdn':'"
                + TestNumbers.UNDELIVERED + "'},'type':'Text','content':{'text':'Your code','fallbackText':'Code'},"
                + "'channels':[{'channel':'WhatsApp','fallbackAfter':60},{'channel':'SMS'}]}");
        assertEquals(200, sent.status(), sent.text());
        String umid = sent.json().get("umid").asText();
        // Until fallbackAfter has passed, only the failed WhatsApp leg.
        assertEquals(1, get(sandbox.chatAppsBaseUrl() + SUB + "/messages/" + umid).json().get("data").size());

        clock.advance(Duration.ofSeconds(60));

        List<SandboxReceipt> receipts = sandbox.messages().get(0).receipts();
        assertEquals(List.of("queued", "undelivered", "queued", "delivered"),
                receipts.stream().map(SandboxReceipt::state).toList());
        JsonNode last = tree(receipts.get(3).body().replace('"', '\''));
        assertEquals("sms", last.get("payload").get("channel").asText());
        assertEquals("delivered_to_recipient", last.get("payload").get("status").get("detail").asText());
        JsonNode data = get(sandbox.chatAppsBaseUrl() + SUB + "/messages/" + umid).json().get("data");
        assertEquals(2, data.size());
        assertEquals(List.of("WhatsApp", "SMS"), List.of(data.get(0).get("channel").asText(),
                data.get(1).get("channel").asText()));
        assertEquals(tree("{'state':'undelivered','detail':'rejected_by_operator','errorCode':"
                + TestNumbers.CHAT_APPS_UNDELIVERED_CODE + ",'errorMessage':'Rejected by operator',"
                + "'timestamp':'2026-12-01T09:00:00.000Z'}"), data.get(0).get("status"));
        assertEquals(2, data.get(1).get("step").asInt());
        assertEquals(tree("{'state':'delivered','detail':'delivered_to_recipient',"
                + "'timestamp':'2026-12-01T09:01:00.000Z'}"), data.get(1).get("status"));
    }

    @Test
    void chatAppsMessageDetailsNameTheChannelAndMaskTheContentAsTheDocumentDoes() {
        requires("chatapps:get-chatapps-message-details");
        Reply sent = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", "{'user':{'msisdn':'+6591234567',"
                + "'country':'SG'},'type':'Text','content':{'text':'Hello'},'clientMessageId':'c-1'}");
        assertEquals(200, sent.status(), sent.text());
        String umid = sent.json().get("umid").asText();

        JsonNode item = get(sandbox.chatAppsBaseUrl() + SUB + "/messages/" + umid).json().get("data").get(0);

        String channelId = item.get("channelId").asText();
        assertEquals(tree("{'umid':'" + umid + "','subAccountId':'acme-tests','channel':'WhatsApp','channelId':'"
                + channelId + "','direction':'outbound','country':'SG','status':{'state':'read',"
                + "'detail':'read_by_recipient','timestamp':'2026-12-01T09:00:00.000Z'},"
                + "'user':{'msisdn':'+659123xxxx'},'contentType':'Text','content':'**MASKED**',"
                + "'createdAt':'2026-12-01T09:00:00.000Z','clientMessageId':'c-1','step':1}"), item);
    }

    @Test
    void whatsAppTemplatesAreAddedListedUsedAndRemoved() {
        requires("chatapps:add-whatsapp-template");
        String templates = sandbox.chatAppsBaseUrl() + ACCOUNT + "/channels/wa-channel/templates";
        String template = "{'name':'order_update','language':'en_US','category':'UTILITY',"
                + "'components':[{'type':'BODY','text':'Order {{1}} ships on {{2}}'}]}";
        String send = sandbox.chatAppsBaseUrl() + SUB + "/messages";
        String message = "{'user':{'msisdn':'+6591234567'},'type':'template','content':{'template':"
                + "{'name':'order_update','language':'en_US','components':[{'type':'body','parameters':[%s]}]}}}";

        assertEquals(tree("{}"), post(templates, template).json());
        assertEquals(409, post(templates, template).status());
        JsonNode listed = get(templates).json().get("templates");
        JsonNode added = listed.get(0);
        assertEquals(2, listed.size());
        assertEquals("order_update", added.get("templateName").asText());
        assertEquals("APPROVED", added.get("status").asText());
        assertEquals(tree("[{'type':'BODY','text':'Order {{1}} ships on {{2}}'}]"), added.get("components"));
        assertEquals(200, post(send, String.format(message, "{'type':'text','text':'A1'},"
                + "{'type':'text','text':'Monday'}")).status());
        assertEquals(3041, post(send, String.format(message, "{'type':'text','text':'A1'}")).json()
                .get("code").asInt());

        assertEquals(tree("{}"), delete(templates + "/order_update").json());
        assertEquals(3038, post(send, String.format(message, "{'type':'text','text':'A1'},"
                + "{'type':'text','text':'Monday'}")).json().get("code").asInt());
        assertEquals(3038, delete(templates + "/order_update").json().get("code").asInt());
        assertEquals(1, get(templates).json().get("templates").size());
    }

    @Test
    void aTemplatesUrlButtonMayHoldVariablesAsTheDocumentsExampleDoes() {
        requires("chatapps:add-whatsapp-template");
        String templates = sandbox.chatAppsBaseUrl() + ACCOUNT + "/channels/wa-channel/templates";
        // The document's own example of a URL button's url; its braces make it no URI for `format: uri`.
        String template = "{'name':'track_order','language':'en_US','category':'UTILITY','components':["
                + "{'type':'BODY','text':'Order {{1}} is on its way'},{'type':'BUTTONS','buttons':"
                + "[{'type':'URL','text':'Track','url':'%s'}]}]}";

        Reply added = post(templates, String.format(template, "https://website.com/{{1}}"));

        assertEquals(200, added.status(), added.text());
        JsonNode listed = get(templates).json().get("templates").get(0);
        assertEquals("track_order", listed.get("templateName").asText());
        assertEquals("https://website.com/{{1}}", listed.get("components").get(1).get("buttons").get(0).get("url")
                .asText());
        Reply sent = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", "{'user':{'msisdn':'+6591234567'},"
                + "'type':'template','content':{'template':{'name':'track_order','language':'en_US','components':["
                + "{'type':'body','parameters':[{'type':'text','text':'A1'}]},"
                + "{'type':'button','subType':'Url','index':0,'parameters':[{'type':'text','text':'A1'}]}]}}}");
        assertEquals(200, sent.status(), sent.text());
        // What is still no URL with its variables filled in is refused as before.
        Reply notAUrl = post(templates, String.format(template, "website {{1}}").replace("track_order", "other"));
        assertEquals(400, notAUrl.status(), notAUrl.text());
        assertEquals(1000, notAUrl.json().get("code").asInt());
    }

    @Test
    void aVoiceCallButtonIsSentAsVoiceCallAndNeedsNoParameters() {
        requires("chatapps:add-whatsapp-template");
        // 8x8's complete document has VoiceCall buttons (-Dspecs=published); the guides' sends know none.
        boolean sendsKnowVoiceCall = Arrays.stream(ButtonSubType.values())
                .anyMatch(subType -> "VoiceCall".equals(subType.getValue()));
        String templates = sandbox.chatAppsBaseUrl() + ACCOUNT + "/channels/wa-channel/templates";
        // The document's own example of a template with a voice call button.
        assertEquals(200, post(templates, "{'name':'call_us','language':'en_US','category':'UTILITY','components':["
                + "{'type':'BODY','text':'Call us about order {{1}}'},{'type':'BUTTONS','buttons':"
                + "[{'type':'VOICE_CALL','text':'Call to Reschedule','ttlMinutes':1440}]}]}").status());
        String message = "{'user':{'msisdn':'+6591234567'},'type':'template','content':{'template':{'name':'call_us',"
                + "'language':'en_US','components':[{'type':'body','parameters':[{'type':'text','text':'A1'}]},"
                + "{'type':'button','subType':'%s','index':0%s}]}}}";

        // "For VoiceCall, the parameters array is optional."
        Reply sent = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", String.format(message, "VoiceCall", ""));
        Reply wrongSubType = post(sandbox.chatAppsBaseUrl() + SUB + "/messages", String.format(message, "Url",
                ",'parameters':[{'type':'text','text':'A1'}]"));

        if (sendsKnowVoiceCall) {
            assertEquals(200, sent.status(), sent.text());
        } else {
            assertEquals(3052, sent.json().get("code").asInt(), sent.text());
        }
        assertEquals(3052, wrongSubType.json().get("code").asInt(), wrongSubType.text());
    }

    /**
     * The listing lists every button type its schema allows (the registration's button enum, which it references):
     * FLOW, VOICE_CALL and REQUEST_CONTACT_INFO buttons were dropped by a hand list of the older five.
     */
    @Test
    void aListedTemplateKeepsEveryButtonTypeTheListingsSchemaAllows() {
        requires("chatapps:add-whatsapp-template");
        String templates = sandbox.chatAppsBaseUrl() + ACCOUNT + "/channels/wa-channel/templates";
        // The buttons of the document's examples whatsAppFlowTemplate, whatsAppVoiceCallTemplate and
        // whatsAppRequestContactInfoTemplate (given a text: the schema requires one, the example has none), with a
        // quick reply.
        String components = "[{'type':'BODY','text':'Order {{1}}'},{'type':'BUTTONS','buttons':["
                + "{'type':'QUICK_REPLY','text':'Stop'},"
                + "{'type':'FLOW','text':'Share Info','flowId':'123456789876543','flowAction':'navigate',"
                + "'navigateScreen':'RECOMMEND'},"
                + "{'type':'VOICE_CALL','text':'Call to Reschedule','ttlMinutes':1440},"
                + "{'type':'REQUEST_CONTACT_INFO','text':'Share contact'}]}]";
        Reply added = post(templates, "{'name':'every_button','language':'en_US','category':'UTILITY',"
                + "'components':" + components + "}");
        assertEquals(200, added.status(), added.text());

        JsonNode listed = get(templates).json().get("templates").get(0);

        assertEquals("every_button", listed.get("templateName").asText());
        assertEquals(tree(components), listed.get("components"));
    }

    @Test
    void aListedTemplatesCreationTimeIsWhenItWasAddedNotWhenItIsListed() {
        requires("chatapps:add-whatsapp-template");
        String templates = sandbox.chatAppsBaseUrl() + ACCOUNT + "/channels/wa-channel/templates";
        clock.advance(Duration.ofHours(1));
        assertEquals(200, post(templates, "{'name':'order_update','language':'en_US','category':'UTILITY',"
                + "'components':[{'type':'BODY','text':'Order {{1}} ships'}]}").status());
        clock.advance(Duration.ofHours(1));

        JsonNode listed = get(templates).json().get("templates");
        clock.advance(Duration.ofHours(1));
        JsonNode again = get(templates).json().get("templates");

        assertEquals("order_update", listed.get(0).get("templateName").asText());
        assertEquals("2026-12-01T10:00:00.000Z", listed.get(0).get("createdAt").asText());
        assertEquals("2026-12-01T10:00:00.000Z", listed.get(0).get("updatedAt").asText());
        // The builder's template was there when the simulator started.
        assertEquals("2026-12-01T09:00:00.000Z", listed.get(1).get("createdAt").asText());
        assertEquals(listed, again);
    }

    @Test
    void aListedTemplateHasTheUserFriendlyNamesOfTheDocumentsSchema() {
        requires("chatapps:add-whatsapp-template");
        String templates = sandbox.chatAppsBaseUrl() + ACCOUNT + "/channels/ec36a867-3dd4-e911-814a-02d85f55fce8"
                + "/templates";
        assertEquals(200, post(templates, "{'name':'ticket_created','language':'en','category':'MARKETING',"
                + "'components':[{'type':'BODY','text':'Ticket {{1}} created'}]}").status());

        JsonNode listed = get(templates).json().get("templates");

        // The document's schema and example: languageName "English" for "en" ("English (US)" for en_US),
        // categoryName "Utility" for UTILITY, statusName "Approved" for APPROVED.
        assertEquals(tree("{'channelId':'ec36a867-3dd4-e911-814a-02d85f55fce8','channelName':'WhatsApp',"
                + "'templateName':'ticket_created','language':'en','languageName':'English',"
                + "'components':[{'type':'BODY','text':'Ticket {{1}} created'}],'category':'MARKETING',"
                + "'categoryName':'Marketing','status':'APPROVED','statusName':'Approved',"
                + "'createdAt':'2026-12-01T09:00:00.000Z','updatedAt':'2026-12-01T09:00:00.000Z'}"), listed.get(0));
        assertEquals("your_authentication_template_name", listed.get(1).get("templateName").asText());
        assertEquals("English (US)", listed.get(1).get("languageName").asText());
        assertEquals("Authentication", listed.get(1).get("categoryName").asText());
        assertEquals("Approved", listed.get(1).get("statusName").asText());
    }

    @Test
    void aRemovedTemplatesNameCannotBeAddedAgainWithin30Days() {
        requires("chatapps:add-whatsapp-template");
        String templates = sandbox.chatAppsBaseUrl() + ACCOUNT + "/channels/wa-channel/templates";
        String template = "{'name':'order_update','language':'en_US','category':'UTILITY',"
                + "'components':[{'type':'BODY','text':'Order {{1}} ships'}]}";
        assertEquals(200, post(templates, template).status());
        assertEquals(200, delete(templates + "/order_update").status());

        Reply tooSoon = post(templates, template.replace("en_US", "id"));

        assertEquals(409, tooSoon.status(), tooSoon.text());
        assertEquals(3060, tooSoon.json().get("code").asInt());
        assertEquals("Template name cannot be reused within 30 days of deletion",
                tooSoon.json().get("message").asText());
        clock.advance(Duration.ofDays(30));
        assertEquals(200, post(templates, template).status());
    }

    @Test
    void anUploadedFileDownloadsAndSendsAsMedia() {
        requires("chatapps:Upload-File");
        byte[] content = "%PDF-1.4 report".getBytes(StandardCharsets.UTF_8);
        Reply upload = call("POST", sandbox.chatAppsBaseUrl() + SUB + "/files", new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("file", "report.pdf", RequestBody.create(content, MediaType.get("application/pdf")))
                .build());
        assertEquals(201, upload.status(), upload.text());
        String fileName = upload.json().get("fileName").asText();
        String token = upload.json().get("token").asText();
        assertTrue(fileName.endsWith(".pdf"), fileName);
        assertEquals("/files/" + fileName + "?token=" + token, upload.location());

        Reply download = get(sandbox.chatAppsBaseUrl() + upload.location());
        assertEquals(302, download.status());
        Reply file = get(download.location());
        assertArrayEquals(content, file.bytes());
        assertEquals(404, get(sandbox.chatAppsBaseUrl() + "/files/" + fileName + "?token=wrong").status());

        String media = "{'user':{'msisdn':'+6591234567'},'type':'File','content':{'url':'%s'}}";
        Reply sent = post(sandbox.chatAppsBaseUrl() + SUB + "/messages",
                String.format(media, sandbox.chatAppsBaseUrl() + upload.location()));
        assertEquals(200, sent.status(), sent.text());
        Reply missing = post(sandbox.chatAppsBaseUrl() + SUB + "/messages",
                String.format(media, sandbox.chatAppsBaseUrl() + "/files/nothing.pdf?token=x"));
        assertEquals(3008, missing.json().get("code").asInt());
    }

    @Test
    void aLogExportJobReturnsTheMessagesOfItsWindow() {
        requires("sms:start-log-export-job");
        String first = sendSms("{'destination':'+6591234567','text':'A','clientMessageId':'cm-1'}");
        Reply batch = post(sandbox.smsBaseUrl() + SUB + "/messages/batch", "{'clientBatchId':'camp-7',"
                + "'messages':[{'destination':'+6591234568','text':'B','clientMessageId':'cm-2'}]}");
        String batchId = batch.json().get("batchId").asText();
        String second = sandbox.messages().get(1).umid();
        clock.advance(Duration.ofHours(1));
        sendSms("{'destination':'+6591234569','text':'C','clientMessageId':'cm-3'}");
        String exports = sandbox.smsBaseUrl() + SUB + "/messages/exports";

        Reply started = post(exports, "{'from':'2026-12-01T09:00:00Z','to':'2026-12-01T09:30:00Z'}");

        assertEquals(202, started.status(), started.text());
        String job = exports + "/" + started.json().get("jobId").asText();
        JsonNode result = get(job).json();
        assertEquals("succeeded", result.get("status").asText());
        assertEquals("2026-12-31T10:00:00.000Z", result.get("expires").asText());
        String csv = Http.get(result.get("data").get(0).asText()).text();
        assertEquals(List.of(
                "umid,subaccountid,direction,country,operator,mcc,mnc,status_value,status_details,status_errorcode,"
                        + "status_errormessage,status_timestamp,msisdn,source,encoding,createdat,smscount,"
                        + "price_currency,price_persms,price_total,clientmessageid,clientbatchid,batchid,body",
                first + ",acme-tests,1,SG,,,,delivered,delivered_to_recipient,,,2026-12-01T09:00:00.000Z,"
                        + "+659123xxxx,,GSM7,2026-12-01T09:00:00.000Z,1,EUR,0.0035,0.0035,cm-1,,,**MASKED**",
                second + ",acme-tests,1,SG,,,,delivered,delivered_to_recipient,,,2026-12-01T09:00:00.000Z,"
                        + "+659123xxxx,,GSM7,2026-12-01T09:00:00.000Z,1,EUR,0.0035,0.0035,cm-2,camp-7," + batchId
                        + ",**MASKED**"), List.of(csv.split("\r\n")));

        assertEquals(204, delete(job).status());
        assertEquals(tree("{'status':'cancelled'}"), get(job).json());
        Reply empty = post(exports, "{'from':'2026-11-01T00:00:00Z','to':'2026-11-02T00:00:00Z'}");
        assertEquals(tree("{'status':'empty'}"),
                get(exports + "/" + empty.json().get("jobId").asText()).json());
    }

    /** The clientmessageid column of the one file of an export started with {@code request}, in row order. */
    private List<String> exportedClientIds(String base, String request) {
        return exportedColumns(base, request, 20);
    }

    /**
     * Columns of each row of the one file of an export started with {@code request}, joined with {@code =}, in row
     * order; none for an export that found no message.
     */
    private List<String> exportedColumns(String base, String request, int... columns) {
        Reply started = post(base + SUB + "/messages/exports", request);
        assertEquals(202, started.status(), request + ": " + started.text());
        JsonNode result = get(base + SUB + "/messages/exports/" + started.json().get("jobId").asText()).json();
        if (result.get("status").asText().equals("empty")) {
            return List.of();
        }
        assertEquals("succeeded", result.get("status").asText(), result.toString());
        String[] rows = Http.get(result.get("data").get(0).asText()).text().split("\r\n");
        return Arrays.stream(rows).skip(1).map(row -> row.split(",", -1)).map(row -> Arrays.stream(columns)
                .mapToObj(column -> row[column]).collect(java.util.stream.Collectors.joining("="))).toList();
    }

    @Test
    void aLogExportTakesTheDocumentsDateFormsAndStartsAWeekBackByDefault() {
        requires("sms:start-log-export-job");
        requires("chatapps:start-log-export-job-1");
        sendSms("{'destination':'+6591234567','text':'A','clientMessageId':'day-1'}");
        clock.advance(Duration.ofDays(1));
        sendSms("{'destination':'+6591234567','text':'B','clientMessageId':'day-2'}");
        Reply chat = post(sandbox.chatAppsBaseUrl() + SUB + "/messages",
                "{'user':{'msisdn':'+6591234567'},'type':'text','content':{'text':'B'},'clientMessageId':'chat-2'}");
        assertEquals(200, chat.status(), chat.text());
        clock.advance(Duration.ofDays(9));
        sendSms("{'destination':'+6591234567','text':'C','clientMessageId':'day-11'}");
        String sms = sandbox.smsBaseUrl();

        // "UTC date (yyyy-MM-dd format)", and "2020-07-01T13:00:00 (UTC Time)": both refused before as no date-time.
        assertEquals(List.of("day-1"), exportedClientIds(sms, "{'from':'2026-12-01','to':'2026-12-02'}"));
        assertEquals(List.of("day-2"),
                exportedClientIds(sms, "{'from':'2026-12-02T08:00:00','to':'2026-12-02T10:00:00'}"));
        assertEquals(List.of("chat-2"), exportedClientIds(sandbox.chatAppsBaseUrl(), "{'from':'2026-12-02'}"));
        assertEquals(List.of("day-2"),
                exportedClientIds(sms, "{'from':'2026-12-02T15:00:00+07:00','to':'2026-12-02T17:00:00+07:00'}"));
        // "The default value is UTC today - 7 days": on 2026-12-11, from 2026-12-04T00:00Z.
        assertEquals(List.of("day-11"), exportedClientIds(sms, "{}"));
        assertEquals(List.of("day-11"), exportedClientIds(sms, "{'to':'2026-12-12'}"));
        Reply bad = post(sms + SUB + "/messages/exports", "{'from':'yesterday'}");
        assertEquals(400, bad.status());
        assertEquals(1000, bad.json().get("code").asInt());
    }

    @Test
    void aLogExportKeepsOnlyTheMessagesSentToTheRequestsCountries() {
        requires("sms:start-log-export-job");
        requires("chatapps:start-log-export-job-1");
        sendSms("{'destination':'+6591234567','text':'A','clientMessageId':'sg'}");
        sendSms("{'destination':'+33612345678','text':'B','clientMessageId':'fr'}");
        sendSms("{'destination':'+60123456789','text':'C','clientMessageId':'my'}");
        Reply chat = post(sandbox.chatAppsBaseUrl() + SUB + "/messages",
                "{'user':{'msisdn':'+33612345678'},'type':'text','content':{'text':'D'},'clientMessageId':'chat-fr'}");
        assertEquals(200, chat.status(), chat.text());
        String sms = sandbox.smsBaseUrl();

        // "The list of two-letter ISO 3166 country codes that the message has been sent to".
        assertEquals(List.of("sg", "fr"), exportedClientIds(sms, "{'countries':['SG','FR']}"));
        assertEquals(List.of("my"), exportedClientIds(sms, "{'countries':['MY']}"));
        assertEquals(List.of(), exportedClientIds(sms, "{'countries':['US']}"));
        assertEquals(List.of("chat-fr"), exportedClientIds(sandbox.chatAppsBaseUrl(), "{'countries':['FR']}"));
        assertEquals(List.of("sg", "fr", "my"), exportedClientIds(sms, "{}"));
    }

    /**
     * The {@code country} column is "Country of destination of the message" (the SMS document's "SMS Logs files
     * format"): the number's country, a number without {@code +} read in the request's {@code country}; it was the
     * request's {@code country} field alone, empty for most messages.
     */
    @Test
    void aLogExportsCountryColumnIsTheDestinationsCountry() {
        requires("sms:start-log-export-job");
        requires("chatapps:start-log-export-job-1");
        sendSms("{'destination':'+33612345678','text':'A','clientMessageId':'fr'}");
        sendSms("{'destination':'60123456789','text':'B','clientMessageId':'my-international'}");
        sendSms("{'destination':'123456789','country':'MY','text':'C','clientMessageId':'my-national'}");
        Reply chat = post(sandbox.chatAppsBaseUrl() + SUB + "/messages",
                "{'user':{'msisdn':'+6591234567'},'type':'text','content':{'text':'D'},'clientMessageId':'chat-sg'}");
        assertEquals(200, chat.status(), chat.text());

        assertEquals(List.of("fr=FR", "my-international=MY", "my-national=MY"),
                exportedColumns(sandbox.smsBaseUrl(), "{}", 20, 3));
        assertEquals(List.of("fr=FR"), exportedColumns(sandbox.smsBaseUrl(), "{'countries':['FR']}", 20, 3));
        assertEquals(List.of("chat-sg=SG"), exportedColumns(sandbox.chatAppsBaseUrl(), "{}", 20, 3));
    }

    @Test
    void anUnknownLogExportJobIs404WithTheDocumentsCode4018() {
        requires("sms:get-log-export-job-result");
        for (String base : List.of(sandbox.smsBaseUrl(), sandbox.chatAppsBaseUrl())) {
            String job = base + SUB + "/messages/exports/no-such-job";
            for (Reply unknown : List.of(get(job), delete(job))) {
                assertEquals(404, unknown.status(), unknown.text());
                assertEquals(4018, unknown.json().get("code").asInt());
                assertEquals("Invalid jobId", unknown.json().get("message").asText());
            }
        }
    }

    @Test
    void aLogExportAndTheDetailsListMessagesThatLeftTheRecordWindowFromTheLog() {
        requires("sms:start-log-export-job");
        sandbox.close();
        sandbox = Sandbox.builder().clock(clock).recordWindow(1).build().start();
        String forgotten = sendSms("{'destination':'+6591234567','text':'A','clientMessageId':'cm-1'}");
        clock.advance(Duration.ofHours(1));
        String kept = sendSms("{'destination':'+6591234568','text':'B','clientMessageId':'cm-2'}");
        String exports = sandbox.smsBaseUrl() + SUB + "/messages/exports";

        // cm-1 left the record window, but 8x8 keeps its logs: the export lists it from the log's facts (the source is
        // not kept, this message had none; the country is its number's), so a reconciliation never takes it as never
        // sent.
        Reply started = post(exports, "{'from':'2026-12-01T09:00:00Z','to':'2026-12-01T11:00:00Z'}");
        JsonNode result = get(exports + "/" + started.json().get("jobId").asText()).json();
        assertEquals("succeeded", result.get("status").asText(), result.toString());
        String[] rows = Http.get(result.get("data").get(0).asText()).text().split("\r\n");
        assertEquals(3, rows.length);
        assertEquals(forgotten + ",acme-tests,1,SG,,,,delivered,delivered_to_recipient,,,2026-12-01T09:00:00.000Z,"
                + "+659123xxxx,,GSM7,2026-12-01T09:00:00.000Z,1,EUR,0.0035,0.0035,cm-1,,,**MASKED**", rows[1]);
        assertTrue(rows[2].startsWith(kept + ",acme-tests,"), rows[2]);

        JsonNode details = get(sandbox.smsBaseUrl() + SUB + "/messages/" + forgotten).json();
        assertEquals(tree("{'umid':'" + forgotten + "','subAccountId':'acme-tests','direction':'outbound',"
                + "'status':{'state':'delivered','detail':'delivered_to_recipient',"
                + "'timestamp':'2026-12-01T09:00:00.000Z'},'msisdn':'+659123xxxx','source':'','body':'**MASKED**',"
                + "'encoding':'GSM7','createdAt':'2026-12-01T09:00:00.000Z','smsCount':1,"
                + "'price':{'total':0.0035,'perSms':0.0035,'currency':'EUR'},'clientMessageId':'cm-1'}"), details);
    }

    @Test
    void aVerificationCodeIsSentAndChecked() {
        requires("verify:verify-request-v2");
        String sessions = sandbox.verifyBaseUrl() + "/api/v2/subaccounts/acme-tests/sessions";
        Reply started = post(sessions, "{'destination':'+15550000009','codeLength':6}");
        assertEquals(200, started.status(), started.text());
        String id = started.json().get("sessionId").asText();
        assertEquals(tree("{'sessionId':'" + id + "','verifyUri':'/api/v2/subaccounts/acme-tests/sessions/" + id
                + "','destination':'+15550000009','status':'WAITING','attempt':0,"
                + "'expiresAt':'2026-12-01T09:05:00.000Z','retryAfter':'2026-12-01T09:01:00.000Z'}"),
                started.json());

        assertEquals("WAITING", get(sessions + "/" + id + "?code=654321").json().get("status").asText());
        JsonNode verified = get(sessions + "/" + id + "?code=123456").json();
        assertEquals("VERIFIED", verified.get("status").asText());
        assertEquals(1, verified.get("attempt").asInt());

        String other = post(sessions, "{'destination':'+6591234567','codeLength':4}").json().get("sessionId")
                .asText();
        String code = sandbox.verificationCode(other);
        assertEquals(4, code.length());
        clock.advance(Duration.ofMinutes(6));
        assertEquals("EXPIRED", get(sessions + "/" + other + "?code=" + code).json().get("status").asText());
    }

    @Test
    void theBalanceFallsWithEachSmsAndConfiguredWebhooksGetTheReceipts() throws InterruptedException {
        requires("sms:get-account-balance");
        String balance = sandbox.smsBaseUrl() + ACCOUNT + "/balance";
        assertEquals(tree("{'balance':1000.0,'currency':'EUR'}"), get(balance).json());
        String webhooks = sandbox.smsBaseUrl() + ACCOUNT + "/webhooks";
        try (ReceiptReceiver receiver = new ReceiptReceiver(0)) {
            assertEquals(200, post(webhooks, "[{'subAccountId':'*','url':'" + receiver.url() + "',"
                    + "'httpAuthorization':'Basic c2VjcmV0'}]").status());
            assertEquals(tree("[{'subAccountId':'*','url':'" + receiver.url() + "','httpAuthorization':'***'}]"),
                    get(webhooks).json());

            String umid = sendSms("{'destination':'+6591234567','text':'Hi'}");

            assertEquals(umid, receiver.await(1, Duration.ofSeconds(10)).get(0).get("payload").get("umid")
                    .asText());
        }
        assertEquals(tree("{'balance':999.9965,'currency':'EUR'}"), get(balance).json());
        assertEquals(200, call("DELETE", webhooks, RequestBody.create(json("[{'subAccountId':'*'}]"), JSON))
                .status());
        assertEquals(tree("[]"), get(webhooks).json());
    }

    @Test
    void aConfiguredWebhooksFixedAuthorizationIsTheAuthorizationHeaderOfItsReceipts() throws InterruptedException {
        requires("sms:Add-Webhooks-2");
        try (ReceiptReceiver receiver = new ReceiptReceiver(0)) {
            // The document's "basic authorization" example, on the sub-account's own webhook.
            assertEquals(200, post(sandbox.smsBaseUrl() + ACCOUNT + "/webhooks", "[{'subAccountId':'acme-tests',"
                    + "'url':'" + receiver.url() + "','enabled':true,"
                    + "'httpAuthorization':'Basic dXNlcjpwYXNzd29yZA=='}]").status());

            sendSms("{'destination':'+6591234567','text':'Hi'}");

            receiver.await(1, Duration.ofSeconds(10));
            assertEquals(List.of("Basic dXNlcjpwYXNzd29yZA=="), receiver.authorizations());
        }
    }

    @Test
    void aMessagingAppsWebhookForInboundMessagesGetsNoReceiptsAndOneWithoutTypeServesBoth()
            throws InterruptedException {
        requires("chatapps:Add-Webhooks-1");
        String webhooks = sandbox.chatAppsBaseUrl() + ACCOUNT + "/webhooks";
        String send = sandbox.chatAppsBaseUrl() + SUB + "/messages";
        String text = "{'user':{'msisdn':'+6591234567'},'type':'Text','content':{'text':'Hi'}}";
        try (ReceiptReceiver receiver = new ReceiptReceiver(0)) {
            // "MSG for inbound messages": not where receipts ("CADR for delivery receipts") go.
            assertEquals(200, post(webhooks, "[{'subAccountId':'*','url':'http://127.0.0.1:9/inbound','type':'MSG'}]")
                    .status());
            assertEquals(200, post(send, text).status());
            assertEquals(Arrays.asList(null, null, null, null), sandbox.messages().get(0).receipts().stream()
                    .map(SandboxReceipt::url).toList());

            // "When not provided, webhooks will be added/updated for only CADR and MSG": listed once per type.
            assertEquals(200, post(webhooks, "[{'subAccountId':'*','url':'" + receiver.url() + "'}]").status());
            java.util.Set<JsonNode> listed = new java.util.HashSet<>();
            get(webhooks).json().forEach(listed::add);
            assertEquals(java.util.Set.of(tree("{'type':'CADR','subAccountId':'*','url':'" + receiver.url() + "'}"),
                    tree("{'type':'MSG','subAccountId':'*','url':'" + receiver.url() + "'}")), listed);
            assertEquals(200, call("DELETE", webhooks, RequestBody.create(json("[{'subAccountId':'*','type':'MSG'}]"),
                    JSON)).status());
            assertEquals(tree("[{'type':'CADR','subAccountId':'*','url':'" + receiver.url() + "'}]"),
                    get(webhooks).json());
            assertEquals(200, post(send, text).status());

            assertEquals(4, receiver.await(4, Duration.ofSeconds(10)).size());
            assertEquals(List.of(receiver.url()), sandbox.messages().get(1).receipts().stream()
                    .map(SandboxReceipt::url).distinct().toList());
        }
    }

    /** A token endpoint on loopback: records each request's Authorization header and form, answers a token. */
    private static final class TokenEndpoint implements AutoCloseable {
        final List<String> requests = new java.util.ArrayList<>();
        private final com.sun.net.httpserver.HttpServer server;

        TokenEndpoint() throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/oauth/token", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (requests) {
                    requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + form);
                }
                byte[] token = "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, token.length);
                exchange.getResponseBody().write(token);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token";
        }

        List<String> requests() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void aConfiguredWebhooksOAuthClientCredentialsGetATokenForEachReceipt() throws Exception {
        requires("chatapps:Add-Webhooks-1");
        requires("sms:Add-Webhooks-2");
        try (ReceiptReceiver receiver = new ReceiptReceiver(0); TokenEndpoint tokens = new TokenEndpoint()) {
            String oauth = "'oauth':{'url':'" + tokens.url() + "','clientId':'my client','clientSecret':'s3cr:t',"
                    + "'credentialsLocation':'%s'%s}";
            assertEquals(200, post(sandbox.chatAppsBaseUrl() + ACCOUNT + "/webhooks", "[{'subAccountId':'*','url':'"
                    + receiver.url() + "'," + String.format(oauth, "header", ",'scope':'read write'") + "}]").status());
            assertEquals(200, post(sandbox.smsBaseUrl() + ACCOUNT + "/webhooks", "[{'subAccountId':'*','url':'"
                    + receiver.url() + "'," + String.format(oauth, "body", "") + "}]").status());

            Reply chat = post(sandbox.chatAppsBaseUrl() + SUB + "/messages",
                    "{'user':{'msisdn':'+6591234567'},'type':'Text','content':{'text':'Hi'}}");
            assertEquals(200, chat.status(), chat.text());
            receiver.await(4, Duration.ofSeconds(10));
            sendSms("{'destination':'+6591234567','text':'Hi'}");
            receiver.await(5, Duration.ofSeconds(10));

            assertEquals(List.of("Bearer tok-1", "Bearer tok-1", "Bearer tok-1", "Bearer tok-1", "Bearer tok-1"),
                    receiver.authorizations());
            // RFC 6749: HTTP Basic of the form-encoded id and secret ("my+client:s3cr%3At"), or both in the form.
            String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                    "my+client:s3cr%3At".getBytes(StandardCharsets.UTF_8));
            String header = basic + " grant_type=client_credentials&scope=read%20write";
            assertEquals(List.of(header, header, header, header,
                    "null grant_type=client_credentials&client_id=my%20client&client_secret=s3cr%3At"),
                    tokens.requests());
        }
    }

    @Test
    void anOAuthTokenEndpointOffLoopbackIsNeverCalledAndTheReceiptIsGivenUp() throws InterruptedException {
        requires("sms:Add-Webhooks-2");
        sandbox.close();
        sandbox = Sandbox.builder().clock(clock).receiptTimeFactor(0).build().start();
        try (ReceiptReceiver receiver = new ReceiptReceiver(0)) {
            // The document's "oauth" example's token endpoint: the simulator sends no client secret off the machine.
            assertEquals(200, post(sandbox.smsBaseUrl() + ACCOUNT + "/webhooks", "[{'subAccountId':'*','url':'"
                    + receiver.url() + "','oauth':{'url':'https://auth.example.com/oauth/token','clientId':"
                    + "'my-client-id','clientSecret':'my-client-secret','credentialsLocation':'header'}}]").status());

            sendSms("{'destination':'+6591234567','text':'Hi'}");

            assertTrue(sandbox.awaitReceiptsSettled(1, Duration.ofSeconds(10)));
            SandboxReceipt receipt = sandbox.messages().get(0).receipts().get(0);
            assertTrue(receipt.givenUp());
            assertEquals(List.of("OAuth token endpoint https://auth.example.com/oauth/token is not on loopback: the "
                    + "simulator does not send client credentials off this machine"), receipt.attempts().stream()
                    .map(DeliveryAttempt::error).distinct().toList());
            assertEquals(List.of(), receiver.authorizations());
        }
    }

    @Test
    void theFifthWrongVerificationCodeFailsTheSession() {
        requires("verify:verify-request-v2");
        String sessions = sandbox.verifyBaseUrl() + "/api/v2/subaccounts/acme-tests/sessions";
        String id = post(sessions, "{'destination':'+15550000009','codeLength':6}").json().get("sessionId").asText();

        List<String> states = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            JsonNode checked = get(sessions + "/" + id + "?code=654321").json();
            assertEquals(attempt, checked.get("attempt").asInt());
            states.add(checked.get("status").asText());
        }

        assertEquals(List.of("WAITING", "WAITING", "WAITING", "WAITING", "FAILED"), states);
        assertEquals("FAILED", get(sessions + "/" + id + "?code=123456").json().get("status").asText());
    }

    @Test
    void anOperationWithoutStateAnswersTheDocumentsExample() {
        requires("chatapps:get-whatsapp-flows");
        Reply flows = get(sandbox.chatAppsBaseUrl() + ACCOUNT + "/channels/wa-channel/flows");

        assertEquals(200, flows.status(), flows.text());
        assertTrue(flows.json().get("flows").size() > 0, flows.text());
        Reply invalid = get(sandbox.chatAppsBaseUrl() + "/api/v1/accounts/not-an-account/channels/c/flows");
        assertEquals(400, invalid.status());
        assertEquals(1000, invalid.json().get("code").asInt());
    }
}
