package io.connect8x8.campaigns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.sms.Sms;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the messages of a chunk share moves into the batch template, once per request. */
class SmsKindTest {

    private static String body(List<Sms> messages) {
        try (Connect8x8Client client = Connect8x8Client.builder().apiKey("k").subAccountId("sub")
                .smsBaseUrl("http://127.0.0.1:9/sms").build()) {
            return client.sms().preview(SmsKind.toBatch(messages, "c-0")).body();
        }
    }

    /**
     * Every chunk asks for each message's answer: it is where 8x8 says which messages of an accepted batch it rejected.
     * The shared text is in the template and, since both of 8x8's documents require {@code text} in every message,
     * the facade writes it into each message as well.
     */
    @Test
    void sharedTextAndSenderGoToTheTemplate() {
        String body = body(List.of(
                Sms.builder().to("+6591000001").text("Sale at 9").from("Shop").clientMessageId("c-0").build(),
                Sms.builder().to("+6591000002").text("Sale at 9").from("Shop").clientMessageId("c-1").build()));
        assertEquals(JsonParser.parseString("""
                {"clientBatchId":"c-0","template":{"source":"Shop","text":"Sale at 9"},"messages":[
                 {"destination":"+6591000001","text":"Sale at 9","clientMessageId":"c-0"},
                 {"destination":"+6591000002","text":"Sale at 9","clientMessageId":"c-1"}],
                 "includeMessagesInResponse":true}"""),
                JsonParser.parseString(body));
    }

    @Test
    void personalTextsStayInTheMessages() {
        String body = body(List.of(
                Sms.builder().to("+6591000001").text("Hi Ana").from("Shop").clientMessageId("c-0").build(),
                Sms.builder().to("+6591000002").text("Hi Bo").from("Shop").clientMessageId("c-1").build()));
        assertEquals(JsonParser.parseString("""
                {"clientBatchId":"c-0","template":{"source":"Shop"},"messages":[
                 {"destination":"+6591000001","text":"Hi Ana","clientMessageId":"c-0"},
                 {"destination":"+6591000002","text":"Hi Bo","clientMessageId":"c-1"}],
                 "includeMessagesInResponse":true}"""),
                JsonParser.parseString(body));
    }
}
