package io.connect8x8.specupdates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 8: an earlier published version of 8x8's two documents ({@code specs/earlier.set.json}, the files
 * in {@code specs/versions/}) dropped in place of today's. The build generated it into the facade's own packages and
 * compiled the facade's unchanged sources against it ({@code target/versions/earlier/classes}): had the document
 * lacked something the hand-written mapping uses, that compilation would have failed, naming it. Here that build of
 * the facade runs {@link VersionScenario} in a class loader that sees no other {@code io.connect8x8} class or
 * document, against a loopback MockWebServer.
 */
class VersionsTest {

    private MockWebServer server;

    @TempDir
    Path temp;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void theFacadeBuiltOnTheEarlierDocumentsSendsAndCallsEveryConvenience() throws Exception {
        server.enqueue(json("{\"umid\":\"u-s\",\"clientMessageId\":\"id-1\",\"destination\":\"6512345678\","
                + "\"encoding\":\"GSM7\",\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted\"}}"));
        server.enqueue(json("{\"umid\":\"u-c\",\"user\":{\"msisdn\":\"+6512345678\"},\"clientMessageId\":\"id-1\","
                + "\"status\":{\"state\":\"queued\",\"timestamp\":\"2026-03-01T10:00:00.12Z\"}}"));
        server.enqueue(json("{\"umid\":\"u-1\",\"status\":{\"state\":\"delivered\"}}"));
        server.enqueue(json("{}"));
        server.enqueue(json("{\"umid\":\"u-3\",\"status\":{\"state\":\"read\"}}"));
        server.enqueue(json("{}"));
        server.enqueue(json("{\"templates\":[]}"));
        server.enqueue(json("{\"fileName\":\"logo.png\",\"token\":\"tok-1\"}"));
        server.enqueue(json("{\"balance\":12.5,\"currency\":\"EUR\"}"));
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/octet-stream").setBody("PNG"));
        Path file = Files.write(temp.resolve("logo.png"), new byte[] {1, 2, 3});

        List<String> lines = run("earlier", Map.of("url", server.url("/").toString(), "file", file.toString()));

        assertEquals(List.of(
                "sms u-s QUEUED",
                "chat u-c queued",
                "sms:get-sms-message-details 200",
                "sms:cancel-scheduled-message 200",
                "messaging-apps:get-chatapps-message-details 200",
                "messaging-apps:cancel-scheduled-message-1 200",
                "messaging-apps:get-whatsapp-templates 200",
                "messaging-apps:Upload-File 200",
                "url " + server.url("/") + "chat/api/v1/files?token=tok-1",
                "sms:get-account-balance 200 io.connect8x8.generated.sms.model.AccountBalance connect8x8-spec-updates",
                "messaging-apps:Download-File 200",
                "not found messaging-apps:get-call-permission-status (connect8x8-spec-updates, 36 operations); 8x8's "
                        + "complete SMS, Messaging Apps and Verification documents ship as "
                        + "io.connect8x8:connect8x8-generated-published: add that dependency (its version is in "
                        + "connect8x8-bom)"), lines);

        RecordedRequest sms = take("POST", "/sms/api/v1/subaccounts/acme.sub_1/messages");
        assertEquals(JsonParser.parseString("{\"destination\":\"+6512345678\",\"text\":\"Hi\","
                + "\"clientMessageId\":\"id-1\"}"), JsonParser.parseString(sms.getBody().readUtf8()));
        assertEquals("Bearer " + VersionScenario.KEY, sms.getHeader("Authorization"));
        RecordedRequest chat = take("POST", "/chat/api/v1/subaccounts/acme.sub_1/messages");
        assertEquals(JsonParser.parseString("{\"user\":{\"msisdn\":\"+6512345678\"},\"type\":\"text\","
                + "\"content\":{\"text\":\"Hi\"},\"clientMessageId\":\"id-1\"}"),
                JsonParser.parseString(chat.getBody().readUtf8()));
        take("GET", "/sms/api/v1/subaccounts/acme.sub_1/messages/u-1");
        take("DELETE", "/sms/api/v1/subaccounts/acme.sub_1/messages/u-2");
        take("GET", "/chat/api/v1/subaccounts/acme.sub_1/messages/u-3");
        take("DELETE", "/chat/api/v1/subaccounts/acme.sub_1/messages/u-4");
        take("GET", "/chat/api/v1/accounts/" + VersionScenario.ACCOUNT + "/channels/ch-1/templates");
        RecordedRequest upload = take("POST", "/chat/api/v1/subaccounts/acme.sub_1/files");
        String type = upload.getHeader("Content-Type");
        assertTrue(type.startsWith("multipart/form-data"), type);
        Buffer part = upload.getBody();
        assertTrue(part.readUtf8().contains("filename=\"logo.png\""));
        take("GET", "/sms/api/v1/accounts/" + VersionScenario.ACCOUNT + "/balance");
        // The generic path, and files().url above, follow the earlier document's Download-File,
        // GET /api/v1/files?token= (today GET /files/{filename}?token=).
        take("GET", "/chat/api/v1/files?token=t-1");
        assertEquals(10, server.getRequestCount());
    }

    @Test
    void theEarlierBuildIsTheEarlierGeneratedCodeAndSeesNoOtherDocument() throws Exception {
        try (URLClassLoader loader = loader("earlier")) {
            Class<?> messaging = loader.loadClass("io.connect8x8.generated.messaging.api.MessagingApi");
            assertEquals(loader, messaging.getClassLoader());
            // Today's document has the typing indicator; the earlier one does not.
            List<String> methods = Arrays.stream(messaging.getMethods()).map(m -> m.getName()).toList();
            assertTrue(methods.contains("uploadFileCall"), methods.toString());
            assertTrue(!methods.contains("sendTypingIndicatorCall"), methods.toString());
            assertEquals(loader, loader.loadClass("io.connect8x8.Connect8x8Client").getClassLoader());
            List<URL> indexes = Collections.list(loader.getResources("META-INF/connect8x8/apis.properties"));
            assertEquals(1, indexes.size(), indexes.toString());
        }
    }

    @Test
    void theCompileCheckNamesEveryOperationTheConveniencesCall() throws Exception {
        // Every "document:operationId" the facade's sources name, but the Verification API's (no set here has it).
        Set<String> named = new TreeSet<>();
        Pattern id = Pattern.compile("\"((?:sms|messaging-apps):[A-Za-z0-9_-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("facade.sources")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                id.matcher(Files.readString(file)).results().forEach(m -> named.add(m.group(1)));
            }
        }
        try (URLClassLoader loader = loader("earlier")) {
            Field ids = loader.loadClass("io.connect8x8.specupdates.versions.ConvenienceOperations")
                    .getDeclaredField("IDS");
            ids.setAccessible(true);
            assertEquals(named, new TreeSet<>((List<?>) ids.get(null)));
        }
    }

    private RecordedRequest take(String method, String path) throws InterruptedException {
        RecordedRequest request = server.takeRequest();
        assertEquals(method + " " + path, request.getMethod() + " " + request.getPath());
        return request;
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    /** Runs {@link VersionScenario} in the facade built on a set's documents. */
    @SuppressWarnings("unchecked")
    private static List<String> run(String set, Map<String, String> input) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = loader(set)) {
            thread.setContextClassLoader(loader);
            Function<Map<String, String>, List<String>> scenario = (Function<Map<String, String>, List<String>>)
                    loader.loadClass(VersionScenario.class.getName()).getDeclaredConstructor().newInstance();
            return new ArrayList<>(scenario.apply(input));
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * The facade and generated classes compiled for a set, its prepared documents and operation index, and this
     * module's test classes (for the scenario), over a parent that hides every other {@code io.connect8x8} class and
     * resource: the facade and generated artifacts the module's tests otherwise run on.
     */
    private static URLClassLoader loader(String set) throws IOException {
        Path dir = Path.of(System.getProperty("versions.dir"), set);
        URL tests = VersionsTest.class.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader hiding = new ClassLoader(VersionsTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("io.connect8x8.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }

            @Override
            public URL getResource(String name) {
                return hidden(name) ? null : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        return new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL(),
                dir.resolve("spec-set/resources").toUri().toURL(), tests}, hiding);
    }

    private static boolean hidden(String resource) {
        return resource.startsWith("io/connect8x8/") || resource.startsWith("META-INF/connect8x8/");
    }
}
