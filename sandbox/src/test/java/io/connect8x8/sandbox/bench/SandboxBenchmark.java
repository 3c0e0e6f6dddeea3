package io.connect8x8.sandbox.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import io.connect8x8.sandbox.Sandbox;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Measures the simulator's start-up time and the rate of valid single SMS sends it sustains over loopback, and the
 * same loop against a trivial JDK HttpServer handler as a baseline, in the same run.
 *
 * <pre>
 * mvn -q -pl sandbox -am test-compile exec:java -Dexec.mainClass=io.connect8x8.sandbox.bench.SandboxBenchmark \
 *     -Dexec.classpathScope=test
 * </pre>
 */
public final class SandboxBenchmark {

    private static final int STARTS = 11;
    private static final int THREADS = 4;
    /**
     * Warm-up rounds, alternating the sandbox and the baseline. The simulator's request path (the validator above
     * all) is deep code that the JIT compiles over about 100,000 requests on two shared cores; the rate keeps rising
     * until then, so a short warm-up measures the compiler, not the simulator. Each round's rate is printed.
     */
    private static final int WARMUP_ROUNDS = 8;
    private static final int WARMUP_REQUESTS = 15_000;
    /** Measured rounds, alternating the sandbox and the baseline, so that load from elsewhere hits both alike. */
    private static final int ROUNDS = 3;
    private static final int REQUESTS = 20_000;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(30);
    private static final String BODY = "{\"destination\":\"+6591234567\",\"text\":\"Your code is 123456\","
            + "\"clientMessageId\":\"bench\"}";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private SandboxBenchmark() {
    }

    /**
     * Runs the benchmark and prints the figures.
     *
     * @param args unused
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        System.out.printf("cpus=%d java=%s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        startUp();
        OkHttpClient client = client();
        try (Sandbox sandbox = Sandbox.builder().build().start()) {
            String url = sandbox.smsBaseUrl() + "/api/v1/subaccounts/bench/messages";
            HttpServer baseline = baseline();
            String baselineUrl = "http://127.0.0.1:" + baseline.getAddress().getPort() + "/sms";
            try {
                for (int i = 0; i < WARMUP_ROUNDS; i++) {
                    Rate sandboxRate = run(client, url, sandbox.apiKey(), WARMUP_REQUESTS);
                    Rate baselineRate = run(client, baselineUrl, sandbox.apiKey(), WARMUP_REQUESTS);
                    System.out.printf("warm-up %d: sandbox %,6.0f/s, baseline %,6.0f/s%n", i + 1, sandboxRate.perSecond,
                            baselineRate.perSecond);
                }
                List<Rate> sandboxRates = new ArrayList<>();
                List<Rate> baselineRates = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    Rate sandboxRate = run(client, url, sandbox.apiKey(), REQUESTS);
                    Rate baselineRate = run(client, baselineUrl, sandbox.apiKey(), REQUESTS);
                    sandboxRates.add(sandboxRate);
                    baselineRates.add(baselineRate);
                    System.out.printf("round %d:   sandbox %,6.0f/s (%,.0f us CPU/request), baseline %,6.0f/s "
                                    + "(%,.0f us CPU/request), ratio %.2f%n", i + 1, sandboxRate.perSecond,
                            sandboxRate.cpuMicros, baselineRate.perSecond, baselineRate.cpuMicros,
                            sandboxRate.perSecond / baselineRate.perSecond);
                }
                Rate sandboxRate = Rate.median(sandboxRates);
                Rate baselineRate = Rate.median(baselineRates);
                System.out.printf("sandbox:  %,.0f valid single SMS sends/s, median of %d rounds (%d threads, %,d "
                        + "requests each; %,.0f us process CPU/request)%n", sandboxRate.perSecond, ROUNDS, THREADS,
                        REQUESTS, sandboxRate.cpuMicros);
                System.out.printf("baseline: %,.0f requests/s, median (trivial JDK HttpServer handler; %,.0f us "
                        + "process CPU/request)%n", baselineRate.perSecond, baselineRate.cpuMicros);
                System.out.printf("sandbox/baseline: %.2f (CPU per request: %.2f)%n",
                        sandboxRate.perSecond / baselineRate.perSecond, sandboxRate.cpuMicros / baselineRate.cpuMicros);
                System.out.printf("recorded messages: %,d%n", sandbox.messages().size());
            } finally {
                baseline.stop(0);
                ((ExecutorService) baseline.getExecutor()).shutdownNow();
            }
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static void startUp() throws IOException {
        OkHttpClient client = client();
        List<Long> starts = new ArrayList<>();
        List<Long> firstResponses = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            long begin = System.nanoTime();
            try (Sandbox sandbox = Sandbox.builder().build().start()) {
                starts.add(System.nanoTime() - begin);
                Request request = request(sandbox.smsBaseUrl() + "/api/v1/subaccounts/bench/messages",
                        sandbox.apiKey());
                try (Response response = client.newCall(request).execute()) {
                    if (response.code() != 200) {
                        throw new IllegalStateException("start-up probe got " + response.code());
                    }
                }
                firstResponses.add(System.nanoTime() - begin);
            }
        }
        System.out.printf("start-up: first (cold JVM) %.1f ms, median of %d %.2f ms; "
                        + "start to first 200: first %.1f ms, median %.2f ms%n",
                starts.get(0) / 1e6, STARTS, median(starts) / 1e6, firstResponses.get(0) / 1e6,
                median(firstResponses) / 1e6);
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static OkHttpClient client() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(64);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(THREADS * 2, 1, TimeUnit.MINUTES))
                .callTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static Request request(String url, String key) {
        return new Request.Builder().url(url).header("Authorization", "Bearer " + key)
                .post(RequestBody.create(BODY, JSON)).build();
    }

    /** A measured rate and the whole process's CPU time per request (client and server share the JVM). */
    private record Rate(double perSecond, double cpuMicros) {

        static Rate median(List<Rate> rates) {
            List<Double> perSecond = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            rates.forEach(rate -> {
                perSecond.add(rate.perSecond);
                cpu.add(rate.cpuMicros);
            });
            Collections.sort(perSecond);
            Collections.sort(cpu);
            return new Rate(perSecond.get(perSecond.size() / 2), cpu.get(cpu.size() / 2));
        }
    }

    /** Sends {@code total} requests from {@link #THREADS} threads (stopping at the time limit). */
    private static Rate run(OkHttpClient client, String url, String key, int total) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long cpuBegin = processCpuNanos();
        long begin = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            threads.execute(() -> {
                while (next.getAndIncrement() < total && System.nanoTime() < deadline) {
                    try (Response response = client.newCall(request(url, key)).execute()) {
                        response.body().bytes();
                        if (response.code() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        threads.shutdown();
        threads.awaitTermination(TIME_LIMIT.toSeconds() + 10, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - begin;
        long cpu = processCpuNanos() - cpuBegin;
        int sent = Math.min(next.get(), total);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " of " + sent + " requests failed against " + url);
        }
        return new Rate(sent / (elapsed / 1e9), cpu / 1e3 / sent);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The same server stack with a handler that returns a fixed SMS response: the cost of HTTP alone. */
    private static HttpServer baseline() throws IOException {
        byte[] body = ("{\"umid\":\"0f6c4a3e-1d7b-4c9e-9d2a-3b1f5e6a7c8d\",\"clientMessageId\":\"bench\","
                + "\"destination\":\"6591234567\",\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\","
                + "\"description\":\"SMS is accepted and queued for processing\"}}").getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())));
        server.start();
        return server;
    }
}
