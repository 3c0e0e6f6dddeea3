package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.ValidationException;
import io.connect8x8.chatapps.ChannelFallback;
import io.connect8x8.chatapps.ChatContent;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.generated.messaging.model.ChannelType;
import io.connect8x8.generated.messaging.model.ContentType;
import io.connect8x8.generated.sms.model.SmsEncoding;
import io.connect8x8.sms.Sms;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulator takes every enum value of the spec set in use, in any casing, as the live API does: the values are
 * read from the generated enums, so a value a spec update adds is covered with no change here, and a client sending
 * it by name ({@code ChannelFallback.of("...")}) is accepted end to end.
 */
class OpenEnumValuesTest {

    /** The generator's stand-in for values it does not know; never a value of the spec. */
    private static final String GENERATOR_UNKNOWN = "unknown_default_open_api";

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.builder().build();

    @Test
    void acceptsEveryChannelOfTheSpecInUseInAnyCasing(Sandbox sandbox, Connect8x8Client client) {
        String url = sandbox.chatAppsBaseUrl() + "/api/v1/subaccounts/acme/messages";
        for (String channel : values(ChannelType.values())) {
            Http.Reply reply = Http.post(url, sandbox.apiKey(), json("{'user':{'msisdn':'+6591234567'},'type':'"
                    + spelling(ContentType.TEXT) + "','content':{'text':'Hi'},'channels':[{'channel':'"
                    + channel.toLowerCase(Locale.ROOT) + "'}]}"));
            assertEquals(200, reply.status(), channel + ": " + reply.text());

            assertTrue(client.chatApps().send(ChatMessage.builder().to("+6591234567").text("Hi")
                    .addChannel(ChannelFallback.of(channel.toUpperCase(Locale.ROOT))).build()).accepted(), channel);
            JsonObject recorded = JsonParser.parseString(sandbox.messages().get(sandbox.messages().size() - 1)
                    .request()).getAsJsonObject();
            assertEquals(channel, recorded.getAsJsonArray("channels").get(0).getAsJsonObject().get("channel")
                    .getAsString());
        }
    }

    @Test
    void acceptsEverySmsEncodingOfTheSpecInUseInAnyCasing(Sandbox sandbox, Connect8x8Client client) {
        String url = sandbox.smsBaseUrl() + "/api/v1/subaccounts/acme/messages";
        for (String encoding : values(SmsEncoding.values())) {
            Http.Reply reply = Http.post(url, sandbox.apiKey(), json("{'destination':'+6591234567','text':'Hi',"
                    + "'encoding':'" + encoding.toLowerCase(Locale.ROOT) + "'}"));
            assertEquals(200, reply.status(), encoding + ": " + reply.text());
            assertTrue(client.sms().send(Sms.builder().to("+6591234567").text("Hi")
                    .encoding(encoding.toLowerCase(Locale.ROOT)).build()).accepted(), encoding);
        }
    }

    /**
     * A content type the facade has no factory for, sent by name: 8x8's complete document has {@code richCard}
     * ({@code -Dspecs=published}) and the simulator takes it; the guides' document has no such type, and the client
     * refuses it before anything reaches the simulator.
     */
    @Test
    void takesAContentTypeTheFacadeHasNoFactoryForWhenTheSpecInUseHasIt(Sandbox sandbox, Connect8x8Client client) {
        JsonObject card = JsonParser.parseString("{\"richCard\":{\"cardOrientation\":\"vertical\",\"media\":"
                + "{\"contentInfo\":{\"fileUrl\":\"https://example.com/card.png\"}},\"title\":\"New\"}}")
                .getAsJsonObject();
        ChatMessage message = ChatMessage.builder().to("+6591234567").content(ChatContent.ofType("RICHCARD", card))
                .addChannel(ChannelFallback.of("rcs")).build();

        if (!values(ContentType.values()).contains("richCard")) {
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> client.chatApps().send(message));
            assertEquals("type", refused.field());
            assertEquals(List.of(), sandbox.messages());
            return;
        }
        assertTrue(client.chatApps().send(message).accepted());
        JsonObject recorded = JsonParser.parseString(sandbox.messages().get(0).request()).getAsJsonObject();
        assertEquals("richCard", recorded.get("type").getAsString());
        assertEquals(card, recorded.getAsJsonObject("content"));
    }

    /** The spec's spellings of a generated enum's values. */
    private static List<String> values(Enum<?>[] constants) {
        List<String> values = new ArrayList<>();
        for (Enum<?> constant : constants) {
            if (!GENERATOR_UNKNOWN.equals(constant.toString())) {
                values.add(constant.toString());
            }
        }
        return values;
    }

    private static String spelling(Enum<?> constant) {
        return constant.toString();
    }
}
