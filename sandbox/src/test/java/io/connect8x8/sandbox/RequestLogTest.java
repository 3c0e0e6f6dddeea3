package io.connect8x8.sandbox;

import static io.connect8x8.sandbox.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request log: one line per answered API request, the number masked, admin calls left out. */
class RequestLogTest {

    /** Each line arrives after its response is sent: waited for (the poll returns as soon as it comes). */
    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        String line = lines.poll(30, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no request line");
        }
        return line;
    }

    @Test
    void logsMethodPathStatusAndMaskedNumberOfEachAnsweredRequest() throws InterruptedException {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try (Sandbox sandbox = Sandbox.builder().requestLog(lines::add).build().start()) {
            String path = "/api/v1/subaccounts/acme/messages";
            Http.post(sandbox.smsBaseUrl() + path, sandbox.apiKey(),
                    json("{'destination':'+6591234567','text':'secret text'}"));
            Http.post(sandbox.smsBaseUrl() + path, "wrong-key", json("{'destination':'+6591234567','text':'x'}"));
            Http.post(sandbox.chatAppsBaseUrl() + path + "/batch", sandbox.apiKey(),
                    json("{'messages':[{'user':{'msisdn':'+6591234567'},'type':'text','content':{'text':'a'}},"
                            + "{'user':{'msisdn':'+6591234568'},'type':'text','content':{'text':'b'}}]}"));

            // A line is written after its response is sent, so two lines may swap: compared as a set.
            Set<String> logged = Set.of(next(lines), next(lines), next(lines));
            assertEquals(Set.of("POST /sms" + path + " 200 +65******67", "POST /sms" + path + " 401",
                    "POST /chatapps" + path + "/batch 200 2 messages"), logged);
            assertEquals(null, lines.poll());
        }
    }
}
