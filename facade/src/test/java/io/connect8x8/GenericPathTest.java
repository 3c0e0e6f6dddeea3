package io.connect8x8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import io.connect8x8.api.OperationInfo;
import io.connect8x8.api.OperationNotFoundException;
import io.connect8x8.api.Operations;
import io.connect8x8.api.ParameterInfo;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, item 1: the generic operation path, over HTTP on loopback. The send operation is in every spec set, so
 * these tests run the same with the guides' documents and with 8x8's complete ones; the GET of a message's details
 * is checked where an artifact on the class path has it, and its absence where none has.
 */
class GenericPathTest {

    private static final String SINGLE = "Send-Sms-Single";
    private static final String BODY = "{\"destination\":\"+6512345678\",\"text\":\"Hi\"}";

    private MockWebServer server;
    private RecordingListener listener;
    private Connect8x8Client client;

    @BeforeEach
    void start() throws Exception {
        server = Fixtures.startServer();
        listener = new RecordingListener();
        client = Fixtures.client(server).listener(listener).accountId("acme").build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    @Test
    void listsTheOperationsOfTheDocumentsOnTheClassPath() {
        OperationInfo send = client.api().operation(SINGLE);
        assertEquals("POST", send.method());
        assertEquals("/api/v1/subaccounts/{subAccountId}/messages", send.path());
        assertEquals("sms", send.document());
        assertEquals("sms", send.host());
        assertEquals("application/json", send.bodyContentType());
        assertEquals(new ParameterInfo("subAccountId", "path", true, "string", send.parameter("subAccountId")
                .description()), send.parameter("subAccountId"));
        assertFalse(send.idempotent());
        assertEquals(send, client.api().operation("sms:" + SINGLE));
        assertTrue(Operations.available().contains(send));
    }

    @Test
    void theGeneratedCodeBuildsTheRequestAndTheTransportSendsIt() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        ApiResult result = client.api().call(OperationCall.of(SINGLE).body(BODY));

        RecordedRequest request = server.takeRequest();
        assertEquals("POST", request.getMethod());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages", request.getPath());
        assertEquals("Bearer " + Fixtures.KEY, request.getHeader("Authorization"));
        assertEquals(Connect8x8Client.DEFAULT_USER_AGENT, request.getHeader("User-Agent"));
        String sent = request.getBody().readUtf8();
        assertSentBody(sent);
        assertEquals(List.of(), SpecValidator.SMS.errors(request, sent));

        assertEquals(200, result.status());
        assertEquals(1, result.attempts());
        assertEquals("u-1", result.raw().string("umid").orElseThrow());
        assertEquals(JsonParser.parseString(Fixtures.SMS_OK), result.json());
        assertEquals("SmsResponse", result.model().getClass().getSimpleName());
        assertEquals(List.of("start sms call 0 sync", "attempt 1 200 written",
                "finish success 200 attempts=1 accepted=0 rejected=0"), listener.events);
    }

    /**
     * The body went through the generated model, as the generated code sends it: the given fields as given, and
     * (with 8x8's complete document) the defaults the model declares, such as {@code "encoding": "AUTO"}.
     */
    private static void assertSentBody(String sent) {
        JsonObject json = JsonParser.parseString(sent).getAsJsonObject();
        assertEquals("+6512345678", json.get("destination").getAsString());
        assertEquals("Hi", json.get("text").getAsString());
        json.remove("destination");
        json.remove("text");
        json.remove("encoding");
        assertEquals(new JsonObject(), json);
    }

    @Test
    void theCallsOptionsAndTheClientsSubAccountFillThePath() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        client.api().call(OperationCall.of(SINGLE).body(BODY)
                .options(RequestOptions.builder().subAccountId("other-sub").build()));
        assertEquals("/api/v1/subaccounts/other-sub/messages", server.takeRequest().getPath());
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        client.api().call(OperationCall.of(SINGLE).param("subAccountId", "given-sub").body(BODY));
        assertEquals("/api/v1/subaccounts/given-sub/messages", server.takeRequest().getPath());
    }

    @Test
    void theCallsOwnListenerObservesAGenericCallBesideTheClients() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        RecordingListener own = new RecordingListener();
        client.api().call(OperationCall.of(SINGLE).body(BODY)
                .options(RequestOptions.builder().listener(own).build()));
        assertEquals(listener.events, own.events);
        assertEquals("start sms call 0 sync", own.events.get(0));
    }

    @Test
    void aPostIsNeverRetriedOnceItMayHaveReachedTheServer() {
        Connect8x8Client retrying = Fixtures.client(server)
                .retryPolicy(RetryPolicy.builder().retryAmbiguousFailures(true).build()).build();
        server.enqueue(Fixtures.json(500, Fixtures.errorBody(2000, "boom")));
        ServerErrorException e = assertThrows(ServerErrorException.class,
                () -> retrying.api().call(OperationCall.of(SINGLE).body(BODY)));
        assertEquals(SendState.MAY_HAVE_BEEN_SENT, e.sendState());
        assertEquals(1, server.getRequestCount());
        retrying.close();
    }

    @Test
    void aPostIsRetriedWhenTheApiSaysItTookNothing() {
        server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "busy")));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        ApiResult result = client.api().call(OperationCall.of(SINGLE).body(BODY));
        assertEquals(2, result.attempts());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void apiErrorsAreTyped() {
        server.enqueue(Fixtures.json(400, Fixtures.errorBody(1002, "Invalid MSISDN")));
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> client.api().call(OperationCall.of(SINGLE).body(BODY)));
        assertEquals(SendState.REJECTED, e.sendState());
        assertEquals(1002, e.error().code());
        assertEquals("finish REJECTED 400 attempts=1 BadRequestException", listener.events.get(2));
    }

    @Test
    void badInputIsRefusedBeforeAnyIo() {
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> client.api().call(OperationCall.of(SINGLE).param("umid", "x").body(BODY)));
        assertEquals("umid", unknown.field());
        if (client.api().operation(SINGLE).bodyRequired()) {
            ValidationException noBody = assertThrows(ValidationException.class,
                    () -> client.api().call(OperationCall.of(SINGLE)));
            assertEquals("body", noBody.field());
        }
        ValidationException badBody = assertThrows(ValidationException.class,
                () -> client.api().call(OperationCall.of(SINGLE).body("{\"destination\":")));
        assertEquals("body", badBody.field());
        // Gson wraps the generated model's own failure with its class name; the message says the failure itself.
        ValidationException notAnObject = assertThrows(ValidationException.class,
                () -> client.api().call(OperationCall.of(SINGLE).body("[1]")));
        assertEquals("body", notAnObject.field());
        String expected = "body: does not fit \\w+: Not a JSON Object: \\(value not shown\\)";
        assertTrue(notAnObject.getMessage().matches(expected), notAnObject.getMessage());
        Connect8x8Client noSubAccount = Connect8x8Client.builder().apiKey(Fixtures.KEY)
                .smsBaseUrl(server.url("/").toString()).chatAppsBaseUrl(server.url("/").toString()).build();
        ValidationException missing = assertThrows(ValidationException.class,
                () -> noSubAccount.api().call(OperationCall.of(SINGLE).body(BODY)));
        assertEquals("subAccountId", missing.field());
        noSubAccount.close();
        assertEquals(0, server.getRequestCount());
        assertEquals(List.of(), listener.events);
    }

    /**
     * A body's enum value the document does not allow is refused with the values it allows, as the send builders
     * refuse theirs (it said "is not an allowed value"); the value itself is not shown. Before any I/O.
     */
    @Test
    void anEnumValueTheDocumentLacksIsRefusedWithTheValuesItAllows() {
        assertEquals("body.channel: must be one of [sms, call, whatsapp, viber, sma]",
                refused(client.api().verify().sendCall("+6587654321", "foo")));
        assertEquals("body.channels[0].channel: must be one of [SMS, WhatsApp, Facebook, RCS, Viber, Line, WeChat, "
                + "Zalo, Instagram]", refused(OperationCall.of("Send-Message").body("{\"user\":{\"msisdn\":"
                + "\"+6587654321\"},\"type\":\"text\",\"content\":{\"text\":\"Hi\"},\"channels\":[{\"channel\":"
                + "\"Telegram\"}]}")));
        assertEquals(0, server.getRequestCount());
    }

    /**
     * A parameter outside its document's limits is refused with the limits in words (it printed them as JSON:
     * {@code must fit {"minLength":3,"maxLength":10} of the document}), never the value: it can be personal data.
     */
    @Test
    void aParameterOutsideItsLimitsIsRefusedWithThemInWords() {
        String account = "0f7b8bb17f2d4a5a9a3e1c2d3e4f5a6b";
        assertEquals("code: must be 3 to 10 characters long", refused(OperationCall.of("code-validation-v2")
                .param("sessionId", "s").param("code", "12")));
        assertEquals("country: must be exactly 2 characters long", refused(OperationCall.of("get-price-list")
                .param("accountId", account).param("country", "SGP")));
        assertEquals("limit: must be 1 to 1000", refused(OperationCall.of("get-whatsapp-flows")
                .param("accountId", account).param("channelId", "c").param("limit", 1001)));
        assertEquals("billingPeriod: must match the pattern ^\\d{4}-(0[1-9]|1[0-2])$", refused(OperationCall
                .of("get-message-usage").param("accountId", account).param("billingPeriod", "2026-13")));
        assertEquals(0, server.getRequestCount());
    }

    private String refused(OperationCall call) {
        return assertThrows(ValidationException.class, () -> client.api().call(call)).getMessage();
    }

    @Test
    void aVerificationCodeIsSentToAnInternationalNumberWithOrWithoutItsPlus() throws Exception {
        // 8x8's document takes an international number, + optional, formatting characters allowed; send(..) gives no
        // country, which a national number would need. The number sent is E.164, as the SMS and chat sends send.
        for (String given : List.of("+6587654321", "6587654321", "+65 (8765) 4321", "0065 8765-4321")) {
            server.enqueue(Fixtures.ok("{\"sessionId\":\"s-1\",\"status\":\"WAITING\"}"));
            assertEquals("s-1", client.api().verify().send(given).raw().string("sessionId").orElseThrow());
            RecordedRequest sent = server.takeRequest();
            assertEquals("POST /api/v2/subaccounts/acme.sub_1/sessions HTTP/1.1", sent.getRequestLine());
            assertEquals(JsonParser.parseString("{\"destination\":\"+6587654321\"}"),
                    JsonParser.parseString(sent.getBody().readUtf8()));
        }
        // With a channel (the CLI's verify send --channel), through the same check.
        server.enqueue(Fixtures.ok("{\"sessionId\":\"s-2\",\"status\":\"WAITING\"}"));
        client.api().call(client.api().verify().sendCall("6587654321", "whatsapp"));
        assertEquals(JsonParser.parseString("{\"destination\":\"+6587654321\",\"channel\":\"whatsapp\"}"),
                JsonParser.parseString(server.takeRequest().getBody().readUtf8()));
        assertEquals("destination: must be a phone number of digits, optionally starting with +", assertThrows(
                ValidationException.class, () -> client.api().verify().sendCall("12ab", "sms")).getMessage());
        ValidationException national = assertThrows(ValidationException.class,
                () -> client.api().verify().send("087654321"));
        assertEquals("destination: is not a phone number (invalid_country_code)", national.getMessage());
        ValidationException letters = assertThrows(ValidationException.class,
                () -> client.api().verify().send("my phone"));
        assertEquals("destination: must be a phone number of digits, optionally starting with +",
                letters.getMessage());
        assertEquals(5, server.getRequestCount());
    }

    @Test
    void previewShowsTheRequestWithTheKeyRedacted() {
        RequestPreview preview = client.api().preview(OperationCall.of(SINGLE).body(BODY));
        assertEquals("POST", preview.method());
        assertEquals(server.url("/api/v1/subaccounts/acme.sub_1/messages").toString(), preview.url());
        assertEquals("Bearer ****", preview.headers().get("Authorization"));
        assertSentBody(preview.body());
        assertFalse(preview.toString().contains(Fixtures.KEY));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void asyncCallsGiveTheSameResultAndTheSameTypedFailures() throws Exception {
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        ApiResult result = client.api().callAsync(OperationCall.of(SINGLE).body(BODY)).get(10, TimeUnit.SECONDS);
        assertEquals("u-1", result.raw().string("umid").orElseThrow());
        server.enqueue(Fixtures.json(401, Fixtures.errorBody(1100, "Unauthorized")));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.api().callAsync(OperationCall.of(SINGLE).body(BODY)).get(10, TimeUnit.SECONDS));
        assertInstanceOf(AuthenticationException.class, e.getCause());
        ExecutionException missing = assertThrows(ExecutionException.class,
                () -> client.api().callAsync(OperationCall.of("no-such-operation")).get(10, TimeUnit.SECONDS));
        assertInstanceOf(OperationNotFoundException.class, missing.getCause());
    }

    @Test
    void aClosedClientRefusesCalls() {
        client.close();
        assertThrows(ClientClosedException.class, () -> client.api().call(OperationCall.of(SINGLE).body(BODY)));
    }

    @Test
    void aMissingOperationNamesTheArtifactThatHasIt() {
        OperationNotFoundException e = assertThrows(OperationNotFoundException.class,
                () -> client.api().call(OperationCall.of("no-such-operation")));
        assertEquals("no-such-operation", e.operationId());
        assertEquals(SendState.NOT_SENT, e.sendState());
        assertTrue(e.getMessage().startsWith("operation 'no-such-operation' is not in the generated artifacts"),
                e.getMessage());
        if (!client.api().has("get-sms-message-details")) {
            OperationNotFoundException status = assertThrows(OperationNotFoundException.class,
                    () -> client.api().sms().status("u-1"));
            assertTrue(status.getMessage().contains("io.connect8x8:connect8x8-generated-published"),
                    status.getMessage());
        }
    }

    @Test
    void aGetIsRetriedLikeAFailureThatDidNotReachTheServer() throws Exception {
        if (!client.api().has("get-sms-message-details")) {
            return; // The guides' documents have no GET; aMissingOperationNamesTheArtifactThatHasIt covers them.
        }
        server.enqueue(Fixtures.json(500, Fixtures.errorBody(2000, "boom")));
        server.enqueue(Fixtures.ok("{\"umid\":\"u-1\",\"status\":{\"state\":\"delivered\"}}"));
        ApiResult status = client.api().sms().status("u-1");
        assertEquals("delivered", status.raw().string("status", "state").orElseThrow());
        assertEquals(2, status.attempts());
        RecordedRequest first = server.takeRequest();
        assertEquals("GET", first.getMethod());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages/u-1", first.getPath());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages/u-1", server.takeRequest().getPath());
        assertEquals("start sms call 0 sync", listener.events.get(0));
        assertEquals("retry 1 PT0.125S server_error", listener.events.get(2));
    }

    @Test
    void theEscapeHatchRunsOnTheClientsTransport() throws Exception {
        server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "busy")));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        Object answer = client.generated().sms().getApiClient().getJSON();
        assertTrue(answer != null);
        var request = new io.connect8x8.generated.sms.model.SmsRequest().destination("+6512345678").text("Hi");
        var response = client.generated().sms().sendSmsSingle(Fixtures.SUB_ACCOUNT, request);
        assertEquals("u-1", response.getUmid());
        assertEquals(2, server.getRequestCount());
        assertEquals("start sms call 0 sync", listener.events.get(0));
        server.enqueue(Fixtures.json(400, Fixtures.errorBody(1002, "Invalid MSISDN")));
        var e = assertThrows(io.connect8x8.generated.sms.ApiException.class,
                () -> client.generated().sms().sendSmsSingle(Fixtures.SUB_ACCOUNT, request));
        assertEquals(400, e.getCode());
        assertNull(e.getCause());
    }

    /**
     * A caller's own interceptors (of the OkHttpClient given to the builder) run once per HTTP attempt through the
     * escape hatch, as through the client's own calls: they stamp or count requests, and twice would double both.
     */
    @Test
    void theEscapeHatchRunsACallersInterceptorsOncePerAttempt() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> network = new java.util.concurrent.CopyOnWriteArrayList<>();
        okhttp3.OkHttpClient own = new okhttp3.OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.add(chain.request().method() + " " + chain.request().url().encodedPath());
                    return chain.proceed(chain.request().newBuilder().addHeader("X-Caller", "stamp").build());
                })
                .addNetworkInterceptor(chain -> {
                    network.add(chain.request().header("Host"));
                    return chain.proceed(chain.request());
                })
                .build();
        try (Connect8x8Client withOwn = Fixtures.client(server).httpClient(own).build()) {
            server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "busy")));
            server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
            var request = new io.connect8x8.generated.sms.model.SmsRequest().destination("+6512345678").text("Hi");
            assertEquals("u-1", withOwn.generated().sms().sendSmsSingle(Fixtures.SUB_ACCOUNT, request).getUmid());
        }
        String path = "POST /api/v1/subaccounts/" + Fixtures.SUB_ACCOUNT + "/messages";
        assertEquals(List.of(path, path), seen, "once for each of the two attempts (503, then 200)");
        assertEquals(2, network.size(), network.toString());
        assertEquals(List.of("stamp"), server.takeRequest().getHeaders().values("X-Caller"));
        assertEquals(List.of("stamp"), server.takeRequest().getHeaders().values("X-Caller"));
    }

    @Test
    void theEscapeHatchOfAClosedClientSendsNothing() throws Exception {
        var sms = client.generated().sms();
        var request = new io.connect8x8.generated.sms.model.SmsRequest().destination("+6512345678").text("Hi");
        client.close();
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));
        server.enqueue(Fixtures.ok(Fixtures.SMS_OK));

        var e = assertThrows(io.connect8x8.generated.sms.ApiException.class,
                () -> sms.sendSmsSingle(Fixtures.SUB_ACCOUNT, request));
        assertInstanceOf(ClientClosedException.class, e.getCause().getCause(), e.toString());
        var async = new java.util.concurrent.CompletableFuture<Throwable>();
        sms.sendSmsSingleAsync(Fixtures.SUB_ACCOUNT, request, new io.connect8x8.generated.sms.ApiCallback<>() {
            @Override
            public void onFailure(io.connect8x8.generated.sms.ApiException failure, int status,
                                  java.util.Map<String, List<String>> headers) {
                async.complete(failure);
            }

            @Override
            public void onSuccess(io.connect8x8.generated.sms.model.SmsResponse result, int status,
                                  java.util.Map<String, List<String>> headers) {
                async.complete(null);
            }

            @Override
            public void onUploadProgress(long bytesWritten, long contentLength, boolean done) {
            }

            @Override
            public void onDownloadProgress(long bytesRead, long contentLength, boolean done) {
            }
        });
        assertNotNull(async.get(Fixtures.EVENT_TIMEOUT_S, TimeUnit.SECONDS), "the async call failed");
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theEscapeHatchsMessagingCallsAreChatAppsCallsOnTheTransport() throws Exception {
        // Each generated API of the escape hatch is told which API it is: the listener and the retries see chat apps.
        server.enqueue(Fixtures.json(503, Fixtures.errorBody(2000, "busy")));
        server.enqueue(Fixtures.ok(Fixtures.CHAT_OK));
        var request = new io.connect8x8.generated.messaging.model.SingleMessageRequest()
                .user(new io.connect8x8.generated.messaging.model.User().msisdn("+6512345678"));
        var response = client.generated().messaging().sendMessage(Fixtures.SUB_ACCOUNT, request);
        assertEquals("0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b", String.valueOf(response.getUmid()));
        assertEquals(2, server.getRequestCount());
        assertEquals("start chatapps call 0 sync", listener.events.get(0));
        assertEquals("/api/v1/subaccounts/" + Fixtures.SUB_ACCOUNT + "/messages", server.takeRequest().getPath());
    }

    @Test
    void theEscapeHatchKeepsABinaryAnswersBytesAndType() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 10};
        server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "image/png").setBody(new okio.Buffer().write(png)));
        okhttp3.OkHttpClient http = client.generated().sms().getApiClient().getHttpClient();
        try (okhttp3.Response response = http.newCall(new okhttp3.Request.Builder().url(server.url("/file.png"))
                .build()).execute()) {
            assertEquals(200, response.code());
            assertEquals("image/png", response.body().contentType().toString());
            assertArrayEquals(png, response.body().bytes());
        }
        assertEquals(1, server.getRequestCount());
    }
}
