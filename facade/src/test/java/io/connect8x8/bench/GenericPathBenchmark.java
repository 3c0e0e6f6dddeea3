package io.connect8x8.bench;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpServer;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.ApiResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Issue 15's speed target (docs/benchmarks-generic-path.md): a GET through the generic operation path (a message's
 * status, {@code client.api().sms().status(umid)}, read into the generated model) against a hand-written OkHttp +
 * Gson GET of the same URL with the same headers, read into a plain class, to a loopback stub, with 1 and 8 threads,
 * in interleaved rounds of the same run. Needs an artifact with {@code get-sms-message-details} on the class path:
 * run it with {@code -Dspecs=published}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GenericPathBenchmark {

    private static final String UMID = "0f7b8bb1-7f2d-4a5a-9a3e-1c2d3e4f5a6b";
    private static final String DETAILS = "{\"umid\":\"" + UMID + "\",\"clientMessageId\":\"c-1\","
            + "\"subAccountId\":\"bench\",\"direction\":\"outbound\",\"source\":\"8x8\",\"destination\":\"6512345678\","
            + "\"country\":\"SG\",\"encoding\":\"GSM7\",\"status\":{\"state\":\"delivered\",\"detail\":"
            + "\"delivered_to_recipient\",\"timestamp\":\"2026-03-01T10:00:01.12Z\"},\"price\":{\"total\":0.0345,"
            + "\"perSms\":0.0345,\"currency\":\"EUR\"},\"smsCount\":1}";

    private HttpServer stub;
    private Connect8x8Client client;
    private OkHttpClient plainHttp;
    private String plainUrl;
    private final Gson gson = new Gson();

    /** Plain classes equivalent to the answer. */
    static final class PlainStatus {
        String state;
        String detail;
        String timestamp;
    }

    static final class PlainPrice {
        double total;
        double perSms;
        String currency;
    }

    static final class PlainDetails {
        String umid;
        String clientMessageId;
        String subAccountId;
        String direction;
        String source;
        String destination;
        String country;
        String encoding;
        PlainStatus status;
        PlainPrice price;
        int smsCount;
    }

    /** Starts the stub and the clients, and checks that both read the same answer. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] answer = DETAILS.getBytes(StandardCharsets.UTF_8);
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.setExecutor(Executors.newFixedThreadPool(8));
        stub.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        stub.start();
        String base = "http://127.0.0.1:" + stub.getAddress().getPort() + "/";
        plainHttp = new OkHttpClient.Builder().socketFactory(new FacadeBenchmark.NoDelaySockets()).build();
        client = Connect8x8Client.builder().apiKey("bench-key-0123456789").subAccountId("bench")
                .smsBaseUrl(base + "sms").chatAppsBaseUrl(base + "chatapps").httpClient(plainHttp).build();
        plainUrl = base + "sms/api/v1/subaccounts/bench/messages/" + UMID;
        if (!client.api().has("get-sms-message-details")) {
            throw new IllegalStateException("no artifact on the class path has get-sms-message-details: "
                    + "run with -Dspecs=published");
        }
        Object model = generic().model();
        if (!model.toString().contains("delivered") || !"delivered".equals(plain().status.state)) {
            throw new IllegalStateException("the two paths read different answers");
        }
    }

    /** Stops the stub and closes the clients. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        plainHttp.dispatcher().executorService().shutdown();
        plainHttp.connectionPool().evictAll();
        stub.stop(0);
        ((java.util.concurrent.ExecutorService) stub.getExecutor()).shutdownNow();
    }

    private ApiResult generic() {
        ApiResult result = client.api().sms().status(UMID);
        result.model();
        return result;
    }

    private PlainDetails plain() throws IOException {
        Request request = new Request.Builder().url(plainUrl)
                .header("Accept", "application/json")
                .header("User-Agent", Connect8x8Client.DEFAULT_USER_AGENT)
                .header("Authorization", "Bearer bench-key-0123456789")
                .get().build();
        try (Response response = plainHttp.newCall(request).execute()) {
            return gson.fromJson(response.body().charStream(), PlainDetails.class);
        }
    }

    /** The generic path, one thread. */
    @Benchmark
    @Threads(1)
    public ApiResult statusGeneric1Thread() {
        return generic();
    }

    /** Baseline, one thread. */
    @Benchmark
    @Threads(1)
    public PlainDetails statusPlain1Thread() throws IOException {
        return plain();
    }

    /** The generic path, 8 threads. */
    @Benchmark
    @Threads(8)
    public ApiResult statusGeneric8Threads() {
        return generic();
    }

    /** Baseline, 8 threads. */
    @Benchmark
    @Threads(8)
    public PlainDetails statusPlain8Threads() throws IOException {
        return plain();
    }

    private static final String[][] PAIRS = {
        {"statusGeneric1Thread", "statusPlain1Thread"},
        {"statusGeneric8Threads", "statusPlain8Threads"},
    };

    /**
     * Runs the pairs in interleaved rounds in this JVM and prints the median of the rounds and the ratio; the first
     * argument is the number of rounds (default 5).
     *
     * @param args an optional number of rounds
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.log.io.connect8x8", "warn");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<String, List<Double>> scores = new java.util.LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String[] pair : PAIRS) {
                for (String name : pair) {
                    var result = new Runner(new OptionsBuilder()
                            .include(GenericPathBenchmark.class.getName() + "." + name + "$").forks(0)
                            .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                            .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                            .build()).runSingle();
                    scores.computeIfAbsent(name, k -> new ArrayList<>()).add(result.getPrimaryResult().getScore());
                }
            }
        }
        System.out.printf("%n%-24s %14s %14s %7s  (median of %d interleaved rounds, us/op)%n", "measure", "generic",
                "baseline", "ratio", rounds);
        for (String[] pair : PAIRS) {
            double generic = median(scores.get(pair[0]));
            double plain = median(scores.get(pair[1]));
            System.out.printf("%-24s %14.1f %14.1f %6.2fx%n", pair[0].replace("Generic", ""), generic, plain,
                    generic / plain);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
