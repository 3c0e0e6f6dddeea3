package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication, routing, limits and hostile input: always the documented error, never a 500. */
class RequestHandlingTest {

    private static final String VALID = json("{'destination':'6591234567','text':'x'}");

    private static Sandbox sandbox;
    private static Sandbox strict;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().maxRequestBodyBytes(2048).rateLimit(3).build().start();
        strict = Sandbox.builder().strict(true).addKey("key-a", "account-a").build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        strict.close();
    }

    private static String sms(Sandbox target, String subAccount) {
        return target.smsBaseUrl() + "/api/v1/subaccounts/" + subAccount + "/messages";
    }

    private static Http.Reply send(String body) {
        return Http.post(sms(sandbox, "acct-" + Math.abs(body.hashCode() % 1_000_000)), sandbox.apiKey(), body);
    }

    @Test
    void missingOrUnknownKeyIs401With1200() {
        Http.Reply none = Http.post(sms(sandbox, "acct-auth"), null, VALID);
        Http.Reply unknown = Http.post(sms(sandbox, "acct-auth"), "wrong", VALID);

        assertEquals(401, none.status());
        assertEquals(1200, none.code());
        assertEquals(401, unknown.status());
        assertEquals(1200, unknown.code());
    }

    @Test
    void strictModeRefusesSubAccountOfAnotherKeyWith400And1001AsTheDocumentsSay() {
        assertEquals(200, Http.post(sms(strict, "account-a"), "key-a", VALID).status());
        Http.Reply other = Http.post(sms(strict, "account-b"), "key-a", VALID);
        Http.Reply defaultKey = Http.post(sms(strict, "account-a"), strict.apiKey(), VALID);
        Http.Reply chat = Http.post(strict.chatAppsBaseUrl() + "/api/v1/subaccounts/account-b/messages", "key-a",
                json("{'user':{'msisdn':'+6591234567'},'type':'text','content':{'text':'x'}}"));
        Http.Reply verify = Http.post(strict.verifyBaseUrl() + "/api/v2/subaccounts/account-b/sessions", "key-a",
                json("{'destination':'+6591234567'}"));

        // The Verification document's 400 example "subAccountError"; the SMS and Messaging Apps documents give the
        // same body, in their words, as their error schema's example. A 403 sent a client down its
        // wrong-region/forbidden path, which the live API never takes for this.
        for (Http.Reply reply : java.util.List.of(other, defaultKey, chat)) {
            assertEquals(400, reply.status(), reply.text());
            assertEquals(1001, reply.code());
            assertEquals("Provided subAccountId doesn't belongs to your account", reply.json().get("message").asText());
        }
        assertEquals(400, verify.status(), verify.text());
        assertEquals(1001, verify.code());
        assertEquals("Provided subAccountId doesn't belong to your account", verify.json().get("message").asText());
    }

    @Test
    void unknownPathIs404With1300AndWrongMethodIs405() {
        Http.Reply missing = Http.post(sandbox.rootUrl() + "/sms/api/v2/whatever", sandbox.apiKey(), VALID);
        Http.Reply get = Http.send(new Request.Builder().url(sms(sandbox, "acct-get")).get(), sandbox.apiKey());

        assertEquals(404, missing.status());
        assertEquals(1300, missing.code());
        assertEquals(405, get.status());
    }

    @Test
    void invalidSubAccountIdIs400() {
        assertEquals(400, Http.post(sms(sandbox, "ab"), sandbox.apiKey(), VALID).status());
    }

    @Test
    void malformedInputIs400Never500() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        for (String body : new String[] {"{", "not json", "[]", "42", "null", "{\"destination\":1e999999,\"text\":1}",
                "{\"destination\":" + "9".repeat(500) + "}", deep, "{\"a\":1} trailing",
                json("{'destination':['6591234567'],'text':{'a':1}}"), json("{'destination':'6591234567','text':true}")}) {
            Http.Reply reply = send(body);
            assertEquals(400, reply.status(), body.length() > 80 ? body.substring(0, 80) : body);
            assertEquals(4, reply.json().size());
        }
    }

    @Test
    void wrongContentTypeIs400NamingTheType() {
        Request.Builder request = new Request.Builder().url(sms(sandbox, "acct-ct"))
                .post(RequestBody.create(VALID, MediaType.get("text/plain")));

        Http.Reply reply = Http.send(request, sandbox.apiKey());
        assertEquals(400, reply.status());
        assertEquals(1000, reply.code());
        assertTrue(reply.json().get("message").asText().startsWith("Request Content-Type 'text/plain"), reply.text());
    }

    @Test
    void aNonJsonBodyOfTheWrongTypeIsRefusedForItsTypeNotAsMalformedJson() {
        Request.Builder request = new Request.Builder().url(sms(sandbox, "acct-ct"))
                .post(RequestBody.create("hello", MediaType.get("text/plain")));

        Http.Reply reply = Http.send(request, sandbox.apiKey());
        assertEquals(400, reply.status());
        assertTrue(reply.json().get("message").asText().startsWith("Request Content-Type 'text/plain"), reply.text());
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = json("{'destination':'6591234567','text':'" + "x".repeat(100_000) + "'}");

        Http.Reply reply = send(big);

        assertEquals(413, reply.status());
        assertEquals(1000, reply.code());
    }

    @Test
    void quotaPerSubAccountIs429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            Http.post(sms(sandbox, "acct-quota"), sandbox.apiKey(), VALID);
        }
        Http.Reply limited = Http.post(sms(sandbox, "acct-quota"), sandbox.apiKey(), VALID);

        // The window may have just rolled over: then the fourth passes and the next three are counted anew.
        if (limited.status() == 200) {
            for (int i = 0; i < 3; i++) {
                limited = Http.post(sms(sandbox, "acct-quota"), sandbox.apiKey(), VALID);
            }
        }
        assertEquals(429, limited.status());
        assertEquals(429, limited.code());
        assertEquals("1", limited.retryAfter());
        assertEquals("Quota exceeded. Please try again in 1 second(s).", limited.json().get("message").asText());
    }
}
