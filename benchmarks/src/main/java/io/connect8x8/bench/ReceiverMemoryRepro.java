package io.connect8x8.bench;

import io.connect8x8.webhooks.ReceiptReceiver;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reproduces issue 11's memory figures: receipts of about 900 KB (an {@code errorMessage} that large) posted to one
 * receiver. Scenario {@code umids}: every receipt has its own umid. Scenario {@code states}: one umid, every receipt a
 * new {@code detail}, with {@code maxTrackedMessages(1)}. Scenario {@code http}: distinct umids posted over loopback
 * HTTP by 8 concurrent senders to {@link ReceiptReceiver#asHttpHandler()} in the JDK's server with its default
 * executor, counting answers and connection failures. Run with a small heap and read the last line:
 *
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx256m -cp "benchmarks/target/classes:$(cat benchmarks/target/cp.txt)" \
 *     io.connect8x8.bench.ReceiverMemoryRepro umids 1000
 * </pre>
 */
public final class ReceiverMemoryRepro {

    private ReceiverMemoryRepro() {
    }

    /**
     * Posts the receipts and prints how many were answered and the heap in use.
     *
     * @param args the scenario ({@code umids} or {@code states}) and the number of receipts
     */
    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "umids";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        if (scenario.equals("http")) {
            overHttp(count);
            return;
        }
        ReceiptReceiver receiver = builder(scenario);
        String filler = "x".repeat(900 * 1024);
        int answered = 0;
        try {
            for (int i = 0; i < count; i++) {
                String umid = scenario.equals("states") ? "umid-0" : "umid-" + i;
                String detail = scenario.equals("states") ? "detail-" + i + "-" + filler : "rejected_by_operator";
                String errorMessage = scenario.equals("states") ? "Invalid destination" : filler;
                String body = "{\"namespace\":\"SMS\",\"eventType\":\"outbound_message_status_changed\","
                        + "\"payload\":{\"umid\":\"" + umid + "\",\"status\":{\"state\":\"undelivered\",\"detail\":\""
                        + detail + "\",\"errorCode\":15,\"errorMessage\":\"" + errorMessage + "\"}}}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                ReceiptReceiver.Response response = receiver.handle("POST", "Bearer repro",
                        new ByteArrayInputStream(bytes), bytes.length);
                if (response.status() != 200) {
                    // Gson reports an OutOfMemoryError while parsing as a malformed body (400).
                    System.out.println(scenario + ": " + answered + " receipts answered 200, then " + response.status()
                            + " (" + response.body().lines().findFirst().orElse("") + ")");
                    return;
                }
                answered++;
            }
        } catch (OutOfMemoryError e) {
            System.out.println(scenario + ": OutOfMemoryError after " + answered + " receipts");
            return;
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%s: %d receipts answered 200, heap in use after GC %d MiB (max %d MiB)%n", scenario, answered,
                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private static void overHttp(int count) throws Exception {
        ReceiptReceiver receiver = builder("http");
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/webhook", receiver.asHttpHandler());
        server.start();
        String filler = "x".repeat(900 * 1024);
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder()
                .readTimeout(java.time.Duration.ofSeconds(60)).build();
        java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> outcomes =
                new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 8; t++) {
            senders.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    String body = "{\"namespace\":\"SMS\",\"eventType\":\"outbound_message_status_changed\","
                            + "\"payload\":{\"umid\":\"umid-" + i + "\",\"status\":{\"state\":\"undelivered\","
                            + "\"errorMessage\":\"" + filler + "\"}}}";
                    String outcome;
                    try (okhttp3.Response response = http.newCall(new okhttp3.Request.Builder()
                            .url("http://127.0.0.1:" + server.getAddress().getPort() + "/webhook")
                            .header("Authorization", "Bearer repro")
                            .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json")))
                            .build()).execute()) {
                        outcome = "HTTP " + response.code();
                    } catch (java.io.IOException e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    outcomes.computeIfAbsent(outcome, k -> new java.util.concurrent.atomic.AtomicInteger())
                            .incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
        server.stop(0);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("http: %d receipts by 8 senders: %s, heap in use after GC %d MiB (max %d MiB)%n", count,
                outcomes, (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
    }

    private static ReceiptReceiver builder(String scenario) {
        ReceiptReceiver.Builder builder = ReceiptReceiver.builder().expectedAuthorization("Bearer repro");
        if (scenario.equals("states")) {
            builder.maxTrackedMessages(1);
        }
        return builder.build();
    }
}
