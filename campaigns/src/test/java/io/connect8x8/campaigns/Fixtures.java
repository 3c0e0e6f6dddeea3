package io.connect8x8.campaigns;

import io.connect8x8.Connect8x8Client;
import io.connect8x8.sandbox.Sandbox;
import io.connect8x8.sandbox.SandboxExtension;
import io.connect8x8.sandbox.SandboxMessage;
import io.connect8x8.sms.Sms;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.IntStream;

/** Shared pieces of the campaign tests: inputs, clients and what the simulator recorded. */
final class Fixtures {

    static final String SUB_ACCOUNT = "campaign-sub";

    private Fixtures() {
    }

    /** n personalised SMS to distinct simulator numbers, the same every call (a resume re-reads the input). */
    static Iterator<Sms> smsInput(int n) {
        return IntStream.range(0, n).mapToObj(i -> Sms.builder()
                .to("+6591" + String.format("%06d", i))
                .text("Hello customer " + i + ", your code is " + (i * 7919 % 100000))
                .from("Shop")
                .build()).iterator();
    }

    /** A client whose read timeout is short enough that a hung answer costs the test little. */
    static Connect8x8Client client(String baseUrl, String apiKey) {
        return client(baseUrl, apiKey, Duration.ofSeconds(3));
    }

    static Connect8x8Client client(String baseUrl, String apiKey, Duration readTimeout) {
        return Connect8x8Client.builder().apiKey(apiKey).smsBaseUrl(baseUrl + "/sms")
                .chatAppsBaseUrl(baseUrl + "/chatapps").subAccountId(SUB_ACCOUNT)
                .readTimeout(readTimeout).callTimeout(readTimeout.multipliedBy(2)).build();
    }

    /**
     * A simulator for a whole test class, reset before each test, and the same client as {@link #client}, for a
     * static {@code @RegisterExtension} field.
     */
    static SandboxExtension sandbox(Duration readTimeout) {
        return SandboxExtension.builder().subAccountId(SUB_ACCOUNT).configureClient(
                client -> client.readTimeout(readTimeout).callTimeout(readTimeout.multipliedBy(2))).build();
    }

    /** How many times the simulator accepted each clientMessageId (from its record window). */
    static Map<String, Integer> acceptedById(Sandbox sandbox) {
        Map<String, Integer> counts = new HashMap<>();
        for (SandboxMessage message : sandbox.messages()) {
            if (message.accepted()) {
                counts.merge(message.clientMessageId(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
