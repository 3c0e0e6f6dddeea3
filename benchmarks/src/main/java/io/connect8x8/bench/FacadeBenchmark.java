package io.connect8x8.bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import io.connect8x8.BatchResult;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.chatapps.ChatBatch;
import io.connect8x8.chatapps.ChatMessage;
import io.connect8x8.chatapps.Template;
import io.connect8x8.internal.SmsKinds;
import io.connect8x8.sms.Sms;
import io.connect8x8.sms.SmsBatch;
import io.connect8x8.sms.SmsResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
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

/**
 * What the facade costs against hand-written code doing the same work, measured in the same run (README:
 * Benchmarks):
 * <ul>
 *   <li>a single SMS sent to a loopback stub, with 1 and 8 threads: the facade (builder checks, the pipeline, the
 *       generated client's request, the transport, the reader) against OkHttp plus Gson posting the same JSON with
 *       the same headers (key, Accept, User-Agent) and reading the answer into a class;</li>
 *   <li>building a 1,000-message batch request (SMS, and chat-apps templates) against plain Gson writing equivalent
 *       classes;</li>
 *   <li>reading a 1,000-item SMS batch answer into typed results against plain Gson reading equivalent classes.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FacadeBenchmark {

    private static final int SIZE = 1_000;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String SMS_OK = "{\"umid\":\"5a1f2b3c-0000-4000-8000-000000000001\",\"clientMessageId\":"
            + "\"c-1\",\"destination\":\"6512345678\",\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\","
            + "\"description\":\"SMS is accepted and queued for processing\"}}";

    private HttpServer stub;
    private Connect8x8Client client;
    private OkHttpClient plainHttp;
    private String plainUrl;
    private List<Sms> messages;
    private List<PlainSms> plainMessages;
    private List<ChatMessage> chatMessages;
    private List<PlainChat> plainChats;
    private String responseBody;
    private final Gson gson = new Gson();

    /** Plain classes equivalent to the SMS request and answer. */
    static final class PlainSms {
        String destination;
        String text;
        String source;
        String clientMessageId;
    }

    static final class PlainSmsBatch {
        String clientBatchId;
        List<PlainSms> messages;
    }

    static final class PlainStatus {
        String code;
        String description;
    }

    static final class PlainSmsResult {
        String umid;
        String clientMessageId;
        String destination;
        String encoding;
        PlainStatus status;
    }

    static final class PlainSmsBatchResult {
        String batchId;
        String clientBatchId;
        int acceptedCount;
        int rejectedCount;
        List<PlainSmsResult> messages;
    }

    /** Plain classes equivalent to a chat-apps template request. */
    static final class PlainParameter {
        String type;
        String text;
    }

    static final class PlainComponent {
        String type;
        List<PlainParameter> parameters;
        Integer index;
        String subType;
    }

    static final class PlainTemplate {
        String name;
        String language;
        List<PlainComponent> components;
    }

    static final class PlainContent {
        PlainTemplate template;
    }

    static final class PlainUser {
        String msisdn;
    }

    static final class PlainChat {
        PlainUser user;
        String clientMessageId;
        String type;
        PlainContent content;
    }

    static final class PlainChatBatch {
        String clientBatchId;
        List<PlainChat> messages;
    }

    /** Starts the stub and builds the data once. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        // Without TCP_NODELAY on both ends, every exchange waits out the 40 ms of a delayed ACK and the benchmark
        // measures that instead of the code.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] answer = SMS_OK.getBytes(StandardCharsets.UTF_8);
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
        plainHttp = new OkHttpClient.Builder().socketFactory(new NoDelaySockets()).build();
        client = Connect8x8Client.builder().apiKey("bench-key-0123456789").subAccountId("bench")
                .smsBaseUrl(base + "sms").chatAppsBaseUrl(base + "chatapps").httpClient(plainHttp).build();
        plainUrl = base + "sms/api/v1/subaccounts/bench/messages";
        messages = new ArrayList<>(SIZE);
        plainMessages = new ArrayList<>(SIZE);
        chatMessages = new ArrayList<>(SIZE);
        plainChats = new ArrayList<>(SIZE);
        JsonArray results = new JsonArray();
        for (int i = 0; i < SIZE; i++) {
            String to = "+65" + (80000000 + i);
            String text = "Hello customer " + i + ", your order has shipped.";
            messages.add(Sms.builder().to(to).from("8x8").text(text).build());
            PlainSms plain = new PlainSms();
            plain.destination = to;
            plain.text = text;
            plain.source = "8x8";
            plainMessages.add(plain);
            chatMessages.add(ChatMessage.builder().to(to)
                    .template(Template.authentication("otp_login", "en_US", String.valueOf(100000 + i))).build());
            plainChats.add(plainOtp(to, String.valueOf(100000 + i)));
            JsonObject result = JsonParser.parseString(SMS_OK).getAsJsonObject();
            result.addProperty("umid", UUID.randomUUID().toString());
            result.addProperty("clientMessageId", "id-" + i);
            result.addProperty("destination", to.substring(1));
            results.add(result);
        }
        JsonObject response = new JsonObject();
        response.addProperty("batchId", UUID.randomUUID().toString());
        response.addProperty("clientBatchId", "bench");
        response.addProperty("acceptedCount", SIZE);
        response.addProperty("rejectedCount", 0);
        response.add("messages", results);
        responseBody = response.toString();
    }

    private static PlainChat plainOtp(String to, String code) {
        PlainParameter body = new PlainParameter();
        body.type = "text";
        body.text = code;
        PlainComponent bodyComponent = new PlainComponent();
        bodyComponent.type = "body";
        bodyComponent.parameters = List.of(body);
        PlainParameter url = new PlainParameter();
        url.type = "text";
        url.text = code;
        PlainComponent button = new PlainComponent();
        button.type = "button";
        button.parameters = List.of(url);
        button.index = 0;
        button.subType = "Url";
        PlainChat chat = new PlainChat();
        chat.user = new PlainUser();
        chat.user.msisdn = to;
        chat.type = "Template";
        chat.content = new PlainContent();
        chat.content.template = new PlainTemplate();
        chat.content.template.name = "otp_login";
        chat.content.template.language = "en_US";
        chat.content.template.components = List.of(bodyComponent, button);
        return chat;
    }

    /** Stops the stub and closes the clients. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        client.close();
        plainHttp.dispatcher().executorService().shutdown();
        plainHttp.connectionPool().evictAll();
        stub.stop(0);
        ((java.util.concurrent.ExecutorService) stub.getExecutor()).shutdownNow();
    }

    /** Client sockets with TCP_NODELAY, for both the facade and the baseline. */
    static final class NoDelaySockets extends SocketFactory {
        private final SocketFactory system = SocketFactory.getDefault();

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(system.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(system.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(system.createSocket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(system.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort)
                throws IOException {
            return noDelay(system.createSocket(address, port, local, localPort));
        }
    }

    private SmsResult facadeSend() {
        return client.sms().send(Sms.builder().to("+6512345678").from("8x8").text("Your code is 123456").build());
    }

    private PlainSmsResult plainSend() throws IOException {
        PlainSms sms = new PlainSms();
        sms.destination = "+6512345678";
        sms.text = "Your code is 123456";
        sms.source = "8x8";
        sms.clientMessageId = UUID.randomUUID().toString();
        // The facade's headers: Accept and User-Agent as well as the key (OkHttp adds the same Host, Connection,
        // Accept-Encoding, Content-Type and Content-Length to both).
        Request request = new Request.Builder().url(plainUrl)
                .header("Accept", "application/json")
                .header("User-Agent", Connect8x8Client.DEFAULT_USER_AGENT)
                .header("Authorization", "Bearer bench-key-0123456789")
                .post(RequestBody.create(gson.toJson(sms), JSON)).build();
        try (Response response = plainHttp.newCall(request).execute()) {
            return gson.fromJson(response.body().charStream(), PlainSmsResult.class);
        }
    }

    /** The facade: one SMS through the whole pipeline to the loopback stub, one thread. */
    @Benchmark
    @Threads(1)
    public SmsResult singleSendFacade1Thread() {
        return facadeSend();
    }

    /** Baseline: OkHttp plus Gson posting the same JSON and reading the answer, one thread. */
    @Benchmark
    @Threads(1)
    public PlainSmsResult singleSendPlain1Thread() throws IOException {
        return plainSend();
    }

    /** The facade, 8 threads. */
    @Benchmark
    @Threads(8)
    public SmsResult singleSendFacade8Threads() {
        return facadeSend();
    }

    /** Baseline, 8 threads. */
    @Benchmark
    @Threads(8)
    public PlainSmsResult singleSendPlain8Threads() throws IOException {
        return plainSend();
    }

    /** The facade: a 1,000-message SMS batch validated, ids fixed, mapped and written by the generated client. */
    @Benchmark
    public String smsBatchRequestFacade() {
        SmsBatch.Builder batch = SmsBatch.builder().clientBatchId("bench");
        messages.forEach(batch::addMessage);
        return client.sms().preview(batch.build()).body();
    }

    /** Baseline: plain Gson writing equivalent classes, ids included. */
    @Benchmark
    public String smsBatchRequestPlain() {
        PlainSmsBatch batch = new PlainSmsBatch();
        batch.clientBatchId = "bench";
        for (PlainSms sms : plainMessages) {
            sms.clientMessageId = UUID.randomUUID().toString();
        }
        batch.messages = plainMessages;
        return gson.toJson(batch);
    }

    /** The facade: 1,000 authentication templates in one chat-apps batch. */
    @Benchmark
    public String chatTemplateBatchRequestFacade() {
        ChatBatch.Builder batch = ChatBatch.builder().clientBatchId("bench");
        chatMessages.forEach(batch::addMessage);
        return client.chatApps().preview(batch.build()).body();
    }

    /** Baseline: plain Gson writing equivalent classes, ids included. */
    @Benchmark
    public String chatTemplateBatchRequestPlain() {
        PlainChatBatch batch = new PlainChatBatch();
        batch.clientBatchId = "bench";
        for (PlainChat chat : plainChats) {
            chat.clientMessageId = UUID.randomUUID().toString();
        }
        batch.messages = plainChats;
        return gson.toJson(batch);
    }

    /** The facade's reader: a 1,000-item SMS batch answer into typed results with their raw JSON. */
    @Benchmark
    public BatchResult<SmsResult> smsBatchResponseFacade() {
        return SmsKinds.batch(null).read(JsonParser.parseString(responseBody).getAsJsonObject());
    }

    /** Baseline: plain Gson reading the same answer into equivalent classes. */
    @Benchmark
    public PlainSmsBatchResult smsBatchResponsePlain() {
        return gson.fromJson(responseBody, PlainSmsBatchResult.class);
    }

    /** Each measure: the facade's benchmark and its baseline, run one after the other in every round. */
    private static final String[][] PAIRS = {
        {"singleSendFacade1Thread", "singleSendPlain1Thread"},
        {"singleSendFacade8Threads", "singleSendPlain8Threads"},
        {"smsBatchRequestFacade", "smsBatchRequestPlain"},
        {"chatTemplateBatchRequestFacade", "chatTemplateBatchRequestPlain"},
        {"smsBatchResponseFacade", "smsBatchResponsePlain"},
    };

    /**
     * Runs the benchmarks in this JVM (exec:java cannot fork with the test class path) in interleaved rounds: in
     * each round every measure runs the facade and then its baseline, so that a busy machine slows both alike; the
     * table gives the median of the rounds and the ratio. The first argument is the number of rounds (default 5).
     *
     * @param args an optional number of rounds
     * @throws Exception if JMH fails
     */
    public static void main(String[] args) throws Exception {
        // The tests' logging configuration logs every call at debug (Interleaved quiets it): a benchmark measures the
        // calls, not the logs.
        Interleaved.run(FacadeBenchmark.class, PAIRS, args.length > 0 ? Integer.parseInt(args[0]) : 5, "Facade");
        printAllocations();
    }

    /**
     * Bytes allocated per single send, by the sending thread only (a blocking OkHttp call runs on it; the stub's
     * threads are not counted): the facade and the baseline, each warmed up first.
     */
    private static void printAllocations() throws IOException {
        FacadeBenchmark bench = new FacadeBenchmark();
        bench.setUp();
        try {
            long facade = allocatedPerCall(bench::singleSendFacade1Thread);
            long plain = allocatedPerCall(bench::singleSendPlain1Thread);
            System.out.printf("%-32s %12d B %12d B %6.2fx%n", "singleSendAllocation", facade, plain,
                    (double) facade / plain);
        } finally {
            bench.tearDown();
        }
    }

    /** A send, for {@link #allocatedPerCall}. */
    private interface Send {
        Object run() throws IOException;
    }

    private static long allocatedPerCall(Send send) throws IOException {
        int calls = 5_000;
        for (int i = 0; i < calls; i++) {
            send.run();
        }
        long before = allocatedBytes();
        for (int i = 0; i < calls; i++) {
            send.run();
        }
        return (allocatedBytes() - before) / calls;
    }

    /** The current thread's allocated bytes: by reflection, as the tests compile in the facade's module. */
    private static long allocatedBytes() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getCurrentThreadAllocatedBytes").invoke(threads);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread", e);
        }
    }
}
