package io.connect8x8.bench;

import com.google.gson.Gson;
import com.sun.net.httpserver.HttpServer;
import io.connect8x8.Connect8x8Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
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
    /** The document's own example answer of get-sms-message-details. */
    private static final String DETAILS = "{\"umid\":\"" + UMID + "\",\"subAccountId\":\"bench\","
            + "\"direction\":\"outbound\",\"country\":\"SG\",\"status\":{\"state\":\"delivered\","
            + "\"detail\":\"delivered_to_recipient\",\"timestamp\":\"2020-06-17T04:17:21.06Z\"},"
            + "\"msisdn\":\"+63922110xxxx\",\"source\":\"Seller\",\"body\":\"**MASKED**\",\"encoding\":\"GSM8\","
            + "\"createdAt\":\"2020-06-17T04:17:21.06Z\",\"smsCount\":2,\"price\":{\"total\":0.0024,"
            + "\"perSms\":0.0012,\"currency\":\"EUR\"},\"clientMessageId\":\"some-client-identifier\"}";

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
        String subAccountId;
        String direction;
        String country;
        PlainStatus status;
        String msisdn;
        String source;
        String body;
        String encoding;
        String createdAt;
        int smsCount;
        PlainPrice price;
        String clientMessageId;
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
        if (!genericModel().toString().contains("delivered") || !"delivered".equals(generic())
                || !"delivered".equals(plain().status.state)) {
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

    /** The status read from the answer's JSON (parsed once, as the baseline parses it into its class). */
    private String generic() {
        return client.api().sms().status(UMID).raw().string("status", "state").orElseThrow();
    }

    /** The answer read into the generated model as well (its validation, its date-times parsed). */
    private Object genericModel() {
        return client.api().sms().status(UMID).model();
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
    public String statusGeneric1Thread() {
        return generic();
    }

    /** The generic path and the generated model, one thread. */
    @Benchmark
    @Threads(1)
    public Object statusGenericModel1Thread() {
        return genericModel();
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
    public String statusGeneric8Threads() {
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
        {"statusGenericModel1Thread", "statusPlain1Thread"},
    };

    /**
     * Runs each pair (the generic path, then its baseline) in interleaved rounds in this JVM and prints each round's
     * ratio, then the median ratio and the spread of the rounds; the first argument is the number of rounds
     * (default 5), the second an optional regular expression of the pairs to run.
     *
     * @param args an optional number of rounds, an optional filter
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("alternating")) {
            for (int threads : new int[] {1, 8}) {
                alternating(threads, args.length > 1 ? Integer.parseInt(args[1]) : 120);
            }
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String only = args.length > 1 ? args[1] : ".*";
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String[] pair : PAIRS) {
                if (!pair[0].matches(only)) {
                    continue;
                }
                double[] measured = new double[2];
                for (int i = 0; i < 2; i++) {
                    measured[i] = new Runner(new OptionsBuilder().include(GenericPathBenchmark.class.getName() + "."
                            + pair[i] + "$").forks(0).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                            .measurementIterations(3).measurementTime(TimeValue.seconds(1)).build())
                            .runSingle().getPrimaryResult().getScore();
                    scores.computeIfAbsent(pair[i], k -> new ArrayList<>()).add(measured[i]);
                }
                ratios.computeIfAbsent(pair[0], k -> new ArrayList<>()).add(measured[0] / measured[1]);
                System.out.printf("round %d %-28s %10.1f %10.1f us/op  %5.2fx%n", round, pair[0], measured[0],
                        measured[1], measured[0] / measured[1]);
            }
        }
        System.out.printf("%n%-28s %10s %10s %7s %15s  (%d rounds, us/op: medians)%n", "measure", "generic",
                "baseline", "ratio", "spread", rounds);
        for (String[] pair : PAIRS) {
            List<Double> r = ratios.get(pair[0]);
            if (r != null) {
                System.out.printf("%-28s %10.1f %10.1f %6.2fx %6.2f-%5.2fx%n", pair[0], median(scores.get(pair[0])),
                        median(scores.get(pair[1])), median(r), Collections.min(r), Collections.max(r));
            }
        }
    }

    /**
     * The two paths alternating every 250 ms on the same threads, so that a load that comes and goes on a shared
     * machine falls on both alike: each pair of slices gives a ratio (the baseline's operations over the generic
     * path's in the same time); prints their median and quartiles after a 5 s warm-up.
     */
    private static void alternating(int threads, int pairs) throws Exception {
        GenericPathBenchmark bench = new GenericPathBenchmark();
        bench.setUp();
        AtomicInteger phase = new AtomicInteger();
        LongAdder[] done = {new LongAdder(), new LongAdder()};
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int p = phase.get(); p >= 0; p = phase.get()) {
                    try {
                        if ((p % 2 == 0 ? bench.generic() : bench.plain()) == null) {
                            throw new IllegalStateException("no answer");
                        }
                        // Credited to the slice it ends in: the calls that cross a boundary do so both ways.
                        done[phase.get() & 1].increment();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        List<Double> ratios = new ArrayList<>();
        for (int slice = 0; slice < 2 * (pairs + 10); slice++) {
            done[slice % 2].reset();
            phase.set(slice);
            Thread.sleep(250);
            if (slice % 2 == 1 && slice >= 20) {
                ratios.add((double) done[1].sum() / Math.max(1, done[0].sum()));
            }
        }
        phase.set(-1);
        for (Thread worker : workers) {
            worker.join();
        }
        bench.tearDown();
        Collections.sort(ratios);
        int n = ratios.size();
        System.out.printf("alternating, %d thread(s), %d pairs of 250 ms slices: generic/baseline time per call "
                + "median %.3fx, quartiles %.3f-%.3fx%n", threads, n, median(ratios), ratios.get(n / 4),
                ratios.get(3 * n / 4));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
