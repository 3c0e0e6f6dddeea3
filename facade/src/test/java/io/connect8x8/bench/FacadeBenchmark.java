package io.connect8x8.bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.internal.SmsKinds;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsBatchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What the facade costs on a 1,000-message SMS batch, against plain Gson on the same data in the same run: building
 * the request (validation, ids, mapping to the generated models, the generated serialisers) and reading the
 * response (the generated model's checks plus the raw tree). Run with the command in the root README.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FacadeBenchmark {

    private static final int SIZE = 1_000;

    private Connect8x8Client client;
    private List<Sms> messages;
    private List<Map<String, Object>> plainMessages;
    private String responseBody;
    private final Gson gson = new Gson();

    /** Builds the data once. */
    @Setup(Level.Trial)
    public void setUp() {
        client = Connect8x8Client.builder().apiKey("bench-key").subAccountId("bench")
                .smsBaseUrl("http://127.0.0.1:1/sms").chatAppsBaseUrl("http://127.0.0.1:1/chatapps").build();
        messages = new ArrayList<>(SIZE);
        plainMessages = new ArrayList<>(SIZE);
        JsonArray results = new JsonArray();
        for (int i = 0; i < SIZE; i++) {
            String to = "+65" + (80000000 + i);
            String text = "Hello customer " + i + ", your order has shipped.";
            messages.add(Sms.builder().to(to).from("8x8").text(text).build());
            Map<String, Object> plain = new LinkedHashMap<>();
            plain.put("destination", to);
            plain.put("text", text);
            plain.put("source", "8x8");
            plain.put("clientMessageId", java.util.UUID.randomUUID().toString());
            plainMessages.add(plain);
            JsonObject result = new JsonObject();
            result.addProperty("umid", java.util.UUID.randomUUID().toString());
            result.addProperty("clientMessageId", "id-" + i);
            result.addProperty("destination", to.substring(1));
            result.addProperty("encoding", "GSM7");
            JsonObject status = new JsonObject();
            status.addProperty("code", "QUEUED");
            status.addProperty("description", "SMS is accepted and queued for processing");
            result.add("status", status);
            results.add(result);
        }
        JsonObject response = new JsonObject();
        response.addProperty("batchId", java.util.UUID.randomUUID().toString());
        response.addProperty("clientBatchId", "bench");
        response.addProperty("acceptedCount", SIZE);
        response.addProperty("rejectedCount", 0);
        response.add("messages", results);
        responseBody = response.toString();
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    /** The facade: batch built from messages, validated, ids assigned, serialised by the generated client. */
    @Benchmark
    public String facadeBuildsBatchRequest() {
        return client.sms().preview(SmsBatch.builder().addMessages(messages).build()).body();
    }

    /** Baseline: plain Gson serialising the same fields from maps. */
    @Benchmark
    public String baselinePlainGsonRequest() {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("clientBatchId", "bench");
        batch.put("messages", plainMessages);
        return gson.toJson(batch);
    }

    /** The facade: a batch response read through the generated model's checks into typed results. */
    @Benchmark
    public SmsBatchResult facadeReadsBatchResponse() {
        return SmsKinds.batch(null).read(JsonParser.parseString(responseBody).getAsJsonObject());
    }

    /** Baseline: plain Gson parsing the same response into a tree. */
    @Benchmark
    public JsonObject baselinePlainGsonResponse() {
        return JsonParser.parseString(responseBody).getAsJsonObject();
    }

    /**
     * Runs the benchmarks in this JVM (exec:java cannot fork with the test class path) and prints JMH's table.
     *
     * @param args unused
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(FacadeBenchmark.class.getName()).forks(0)
                .warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .build()).run();
    }
}
