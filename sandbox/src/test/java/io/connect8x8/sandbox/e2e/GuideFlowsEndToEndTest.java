package io.connect8x8.sandbox.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.connect8x8.AuthenticationException;
import io.connect8x8.BadRequestException;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.RateLimitException;
import io.connect8x8.RequestPreview;
import io.connect8x8.ServerErrorException;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.ChatResult;
import io.connect8x8.chatapps.Template;
import io.connect8x8.chatapps.TemplateButton;
import io.connect8x8.sandbox.Api;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sandbox.TestNumbers;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsResult;
import io.connect8x8.webhooks.DeliveryReceipt;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two guides' flows end to end: through the facade's client, into the simulator, and back as receipts to the
 * facade's {@code ReceiptReceiver} on a local HTTP server; and the simulator's test numbers and errors as the
 * facade's exceptions.
 */
class GuideFlowsEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every wait the client asked for; nothing sleeps. */
    private static final List<Duration> SLEPT = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder()
            .configure(sandbox -> sandbox.receiptTimeFactor(0.001))
            .configureClient(client -> client.sleeper(SLEPT::add))
            .build();

    @BeforeEach
    void forgetWaits() {
        SLEPT.clear();
    }

    private static Template guideTemplate() {
        return Template.authentication("your_authentication_template_name", "en_US", "123456");
    }

    private static Sms guideSms(String to) {
        return Sms.builder().to(to).from("8x8").text("This is an SMS message.").build();
    }

    private static void assertSameJson(String expected, String actual) throws Exception {
        assertEquals(JSON.readTree(expected), JSON.readTree(actual));
    }

    @Test
    void whatsAppAuthenticationTemplateIsReadAndEveryReceiptReachesTheReceiver(Connect8x8Client client,
                                                                             Sandbox sandbox) throws Exception {
        try (WebhookServer webhook = new WebhookServer()) {
            ChatMessage otp = ChatMessage.builder().to("+6591234567").template(guideTemplate())
                    .clientMessageId("otp-0001").dlrCallbackUrl(webhook.url()).build();
            RequestPreview preview = client.chatApps().preview(otp);

            ChatResult result = client.chatApps().send(otp);

            assertTrue(result.accepted());
            assertTrue(sandbox.awaitReceipts(4, WAIT), "4 receipts");
            DeliveryReceipt latest = webhook.receiver().latestState(result.umid()).orElseThrow();
            assertEquals("read", latest.state());
            assertEquals("otp-0001", latest.clientMessageId());
            assertEquals(List.of("queued/accepted_by_provider", "delivered/delivered_to_operator",
                    "delivered/delivered_to_recipient", "read/read_by_recipient"), webhook.sequence(result.umid()));
            SandboxMessage recorded = sandbox.messages().get(0);
            assertEquals(Api.CHAT_APPS, recorded.api());
            assertEquals(result.umid(), recorded.umid());
            assertEquals(SandboxExtension.DEFAULT_SUB_ACCOUNT_ID, recorded.subAccountId());
            assertEquals(sandbox.chatAppsBaseUrl() + "/api/v1/subaccounts/sandbox-subaccount/messages",
                    preview.url());
            assertSameJson(preview.body(), recorded.request());
        }
    }

    @Test
    void guideSmsIsDeliveredAndItsReceiptReachesTheReceiver(Connect8x8Client client, Sandbox sandbox)
            throws Exception {
        try (WebhookServer webhook = new WebhookServer()) {
            Sms sms = guideSms("+6591234567").toBuilder().clientMessageId("sms-0001").dlrCallbackUrl(webhook.url())
                    .build();
            RequestPreview preview = client.sms().preview(sms);

            SmsResult result = client.sms().send(sms);

            assertTrue(result.accepted());
            assertTrue(sandbox.awaitReceipts(1, WAIT), "1 receipt");
            DeliveryReceipt latest = webhook.receiver().latestState(result.umid()).orElseThrow();
            assertEquals("delivered", latest.state());
            assertEquals("sms-0001", latest.clientMessageId());
            assertEquals(List.of("delivered/delivered_to_recipient"), webhook.sequence(result.umid()));
            SandboxMessage recorded = sandbox.messages().get(0);
            assertEquals(Api.SMS, recorded.api());
            assertEquals(result.umid(), recorded.umid());
            assertEquals(sandbox.smsBaseUrl() + "/api/v1/subaccounts/sandbox-subaccount/messages", preview.url());
            assertSameJson(preview.body(), recorded.request());
        }
    }

    @Test
    void undeliveredTestNumberEndsUndeliveredAtTheReceiver(Connect8x8Client client, Sandbox sandbox)
            throws Exception {
        try (WebhookServer webhook = new WebhookServer()) {
            SmsResult sms = client.sms().send(guideSms(TestNumbers.UNDELIVERED).toBuilder()
                    .dlrCallbackUrl(webhook.url()).build());
            ChatResult chat = client.chatApps().send(ChatMessage.builder().to(TestNumbers.UNDELIVERED)
                    .template(guideTemplate()).dlrCallbackUrl(webhook.url()).build());

            assertTrue(sandbox.awaitReceipts(3, WAIT), "1 SMS and 2 chat receipts");
            DeliveryReceipt smsLatest = webhook.receiver().latestState(sms.umid()).orElseThrow();
            assertEquals("undelivered", smsLatest.state());
            assertEquals(TestNumbers.SMS_UNDELIVERED_CODE, smsLatest.status().errorCode());
            assertEquals(List.of("undelivered/rejected_by_operator"), webhook.sequence(sms.umid()));
            DeliveryReceipt chatLatest = webhook.receiver().latestState(chat.umid()).orElseThrow();
            assertEquals("undelivered", chatLatest.state());
            assertEquals(TestNumbers.CHAT_APPS_UNDELIVERED_CODE, chatLatest.status().errorCode());
            assertEquals(List.of("queued/accepted_by_provider", "undelivered/rejected_by_operator"),
                    webhook.sequence(chat.umid()));
        }
    }

    @Test
    void invalidTestNumberIsABadRequestWithEachApisCode(Connect8x8Client client, Sandbox sandbox) {
        BadRequestException sms = assertThrows(BadRequestException.class,
                () -> client.sms().send(guideSms(TestNumbers.INVALID)));
        BadRequestException chat = assertThrows(BadRequestException.class, () -> client.chatApps().send(
                ChatMessage.builder().to(TestNumbers.INVALID).template(guideTemplate()).build()));

        assertEquals(1002, sms.error().code());
        assertEquals(3003, chat.error().code());
        assertEquals(1, sms.attempts());
        assertEquals(1, chat.attempts());
        assertEquals(2, sandbox.requestCount());
    }

    @Test
    void serverErrorTestNumberFailsOnceAndIsNotRetried(Connect8x8Client client, Sandbox sandbox) {
        ServerErrorException sms = assertThrows(ServerErrorException.class,
                () -> client.sms().send(guideSms(TestNumbers.SERVER_ERROR)));
        assertEquals(1, sandbox.requestCount());
        ServerErrorException chat = assertThrows(ServerErrorException.class, () -> client.chatApps().send(
                ChatMessage.builder().to(TestNumbers.SERVER_ERROR).template(guideTemplate()).build()));

        for (ServerErrorException e : List.of(sms, chat)) {
            assertEquals(500, e.httpStatus());
            assertEquals(2000, e.error().code());
            assertEquals(1, e.attempts());
            assertTrue(e.mayHaveBeenProcessed());
        }
        assertEquals(2, sandbox.requestCount());
        assertTrue(SLEPT.isEmpty());
    }

    @Test
    void unknownTemplateIsRejectedWith3038(Connect8x8Client client) {
        BadRequestException e = assertThrows(BadRequestException.class, () -> client.chatApps().send(
                ChatMessage.builder().to("+6591234567")
                        .template(Template.authentication("no_such_template", "en_US", "123456")).build()));

        assertEquals(3038, e.error().code());
    }

    @Test
    void wrongTemplateParameterCountIsRejectedWith3041(Connect8x8Client client) {
        Template twoParameters = Template.builder("your_authentication_template_name", "en_US")
                .addBodyParameter("123456").addBodyParameter("extra").addButton(TemplateButton.url(0, "123456"))
                .build();

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.chatApps().send(
                ChatMessage.builder().to("+6591234567").template(twoParameters).build()));

        assertEquals(3041, e.error().code());
    }

    @Test
    void wrongKeyIsAnAuthenticationErrorWith1200(Sandbox sandbox) {
        try (Connect8x8Client wrongKey = Connect8x8Client.builder().apiKey("not-the-sandbox-key")
                .smsBaseUrl(sandbox.smsBaseUrl()).chatAppsBaseUrl(sandbox.chatAppsBaseUrl())
                .subAccountId(SandboxExtension.DEFAULT_SUB_ACCOUNT_ID).build()) {
            AuthenticationException sms = assertThrows(AuthenticationException.class,
                    () -> wrongKey.sms().send(guideSms("+6591234567")));
            AuthenticationException chat = assertThrows(AuthenticationException.class,
                    () -> wrongKey.chatApps().send(ChatMessage.builder().to("+6591234567").text("x").build()));

            assertEquals(1200, sms.error().code());
            assertEquals(1200, chat.error().code());
            assertFalse(sms.getMessage().contains("not-the-sandbox-key"));
            assertTrue(sandbox.messages().isEmpty());
        }
    }

    @Test
    void burstOf429SurfacesAsRateLimitAfterTheClientsRetries(Connect8x8Client client, Sandbox sandbox) {
        sandbox.faults().tooManyRequests(3, 2);

        RateLimitException e = assertThrows(RateLimitException.class,
                () -> client.sms().send(guideSms("+6591234567")));

        assertEquals(429, e.error().code());
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertEquals(3, e.attempts());
        assertEquals(3, sandbox.requestCount());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)), SLEPT);
        assertTrue(sandbox.messages().isEmpty());
        assertTrue(client.sms().send(guideSms("+6591234567")).accepted(), "the burst is over");
    }
}
