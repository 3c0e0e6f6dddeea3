package io.connect8x8.specupdates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonParser;
import io.connect8x8.Connect8x8Client;
import io.connect8x8.api.ApiResult;
import io.connect8x8.api.OperationCall;
import io.connect8x8.api.OperationInfo;
import io.connect8x8.spectools.PrepareSpecSet;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Issue 15, item 8: a spec update reaches the wire with no facade change. A changed copy of 8x8's published SMS
 * document goes through the build's own steps inside the test (spec-tools' PrepareSpecSet, openapi-generator with the
 * options of generated-parent/pom.xml, javac), the result is loaded in a class loader of its own with its operation
 * index, and the facade's generic operation path, which knows nothing of the change, calls it against a loopback
 * MockWebServer. The generated packages are {@value #PACKAGE_ROOT}, so nothing clashes with the generated artifact
 * the facade was built with, whichever spec set that was.
 */
class SpecUpdateTest {

    private static final Path ROOT = Path.of("..");
    private static final String SET = "updated";
    private static final String PACKAGE_ROOT = "io.connect8x8.generated.updated";
    private static final String KEY = "test-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    /** The regenerated client, its prepared document and its operation index. */
    private static ClassLoader updated;

    private MockWebServer server;

    /**
     * One changed copy of the published SMS document, regenerated once for all tests: a new operation with a new
     * model, a new field in an existing response model, and a new value of an existing enum.
     */
    @BeforeAll
    static void regenerateTheChangedDocument() throws Exception {
        ObjectNode document = publishedSmsDocument();
        ObjectNode operation = JSON.createObjectNode();
        operation.put("operationId", "get-sms-delivery-attempts");
        operation.put("summary", "Every delivery attempt of a message");
        ArrayNode parameters = operation.putArray("parameters");
        parameters.add(parameter("subAccountId", "path", true, "string"));
        parameters.add(parameter("umid", "path", true, "string"));
        parameters.add(parameter("limit", "query", false, "integer"));
        operation.putArray("security").addObject().putArray("apiKey");
        operation.putObject("responses").putObject("200").put("description", "the attempts")
                .putObject("content").putObject("application/json").putObject("schema")
                .put("$ref", "#/components/schemas/DeliveryAttempts");
        ((ObjectNode) document.get("paths")).putObject("/api/v1/subaccounts/{subAccountId}/messages/{umid}/attempts")
                .set("get", operation);
        ((ObjectNode) document.at("/components/schemas")).set("DeliveryAttempts", JSON.readTree("""
                {"type": "object", "properties": {
                  "umid": {"type": "string"},
                  "attempts": {"type": "array", "items": {"type": "object", "properties": {
                    "channel": {"type": "string"}, "status": {"type": "string"}}}}}}
                """));
        ((ObjectNode) document.at("/components/schemas/AccountBalance/properties")).set("creditLimit",
                JSON.readTree("{\"type\": \"number\", \"description\": \"Credit line\"}"));
        // The encoding enum is written inline three times, and the set file names all three SmsEncoding, one class:
        // the value goes into each (PrepareSpecSet refuses copies that differ; see specs/README.md).
        for (String schema : new String[] {"SmsRequest", "SmsResponse", "SmsTemplateFull"}) {
            ((ArrayNode) document.at("/components/schemas/" + schema + "/properties/encoding/enum")).add("UTF16");
        }
        updated = regenerate(document);
    }

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
    void anAddedOperationIsCalledThroughTheGenericPath() throws Exception {
        server.enqueue(ok("{\"umid\":\"u-1\",\"attempts\":[{\"channel\":\"SMS\",\"status\":\"delivered\"}]}"));

        ApiResult result = withContextLoader(updated, () -> {
            try (Connect8x8Client client = client()) {
                OperationInfo info = client.api().operation("get-sms-delivery-attempts");
                assertEquals("GET", info.method());
                assertEquals("/api/v1/subaccounts/{subAccountId}/messages/{umid}/attempts", info.path());
                assertEquals(SET, info.set());
                return client.api().call(OperationCall.of("get-sms-delivery-attempts").param("umid", "u-1")
                        .param("limit", 5));
            }
        });

        RecordedRequest request = server.takeRequest();
        assertEquals("GET", request.getMethod());
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages/u-1/attempts?limit=5", request.getPath());
        assertEquals("Bearer " + KEY, request.getHeader("Authorization"));
        assertEquals(200, result.status());
        Object model = result.model();
        assertEquals(PACKAGE_ROOT + ".sms.model.DeliveryAttempts", model.getClass().getName());
        assertEquals("u-1", model.getClass().getMethod("getUmid").invoke(model));
        Object attempt = ((List<?>) model.getClass().getMethod("getAttempts").invoke(model)).get(0);
        assertEquals("delivered", attempt.getClass().getMethod("getStatus").invoke(attempt));
        // The facade itself is unchanged: without the regenerated artifact on the class path, there is no such call.
        try (Connect8x8Client client = client()) {
            assertFalse(client.api().has("get-sms-delivery-attempts"));
        }
    }

    @Test
    void anAddedResponseFieldAndAnAddedEnumValueReachTheModelAndTheWire() throws Exception {
        server.enqueue(ok("{\"balance\":12.5,\"currency\":\"EUR\",\"creditLimit\":100}"));
        server.enqueue(ok("{\"umid\":\"u-2\",\"destination\":\"+6512345678\",\"encoding\":\"UCS2\","
                + "\"status\":{\"code\":\"QUEUED\",\"description\":\"SMS is accepted and queued for processing\"}}"));
        String body = "{\"destination\":\"+6512345678\",\"text\":\"Hi\",\"encoding\":\"UTF16\"}";

        List<ApiResult> results = withContextLoader(updated, () -> {
            try (Connect8x8Client client = client()) {
                // Qualified by set and document: with -Dspecs=published the facade's own artifact has both too.
                return List.of(client.api().call(OperationCall.of(SET + ":sms:get-account-balance")),
                        client.api().call(OperationCall.of(SET + ":sms:Send-Sms-Single").body(body)));
            }
        });

        assertEquals("/api/v1/accounts/acme/balance", server.takeRequest().getPath());
        Object balance = results.get(0).model();
        assertEquals(PACKAGE_ROOT + ".sms.model.AccountBalance", balance.getClass().getName());
        assertEquals("100", String.valueOf(balance.getClass().getMethod("getCreditLimit").invoke(balance)));
        RecordedRequest send = server.takeRequest();
        assertEquals("/api/v1/subaccounts/acme.sub_1/messages", send.getPath());
        // The body went through the regenerated model (SmsRequest, its SmsEncoding now with UTF16) to the wire.
        assertEquals(JsonParser.parseString(body), JsonParser.parseString(send.getBody().readUtf8()));
        Class<?> encoding = Class.forName(PACKAGE_ROOT + ".sms.model.SmsEncoding", false, updated);
        assertEquals("UTF16", String.valueOf(encoding.getMethod("fromValue", String.class).invoke(null, "UTF16")));
    }

    private Connect8x8Client client() {
        String url = server.url("/").toString();
        return Connect8x8Client.builder().apiKey(KEY).subAccountId("acme.sub_1").accountId("acme")
                .smsBaseUrl(url).chatAppsBaseUrl(url).build();
    }

    private static ObjectNode publishedSmsDocument() throws IOException {
        return (ObjectNode) JSON.readTree(ROOT.resolve("specs/8x8-published/sms_api.json").toFile());
    }

    private static ObjectNode parameter(String name, String in, boolean required, String type) {
        ObjectNode parameter = JSON.createObjectNode().put("name", name).put("in", in).put("required", required);
        parameter.putObject("schema").put("type", type);
        return parameter;
    }

    private static MockResponse ok(String body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static <T> T withContextLoader(ClassLoader loader, Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * The build's steps for a one-document set holding {@code document}, with the published set's configuration of
     * the SMS document: prepare, generate, compile; then a class loader with the classes, the prepared document and
     * the operation index.
     */
    private static ClassLoader regenerate(JsonNode document) throws Exception {
        Path specs = Files.createDirectories(work.resolve("specs"));
        JSON.writeValue(specs.resolve("sms_api.json").toFile(), document);
        ObjectNode entry = (ObjectNode) JSON.readTree(ROOT.resolve("specs/published.set.json").toFile())
                .at("/documents/sms").deepCopy();
        entry.put("source", "sms_api.json");
        ObjectNode set = JSON.createObjectNode();
        set.putObject("documents").set("sms", entry);
        JSON.writeValue(specs.resolve(SET + ".set.json").toFile(), set);
        Path prepared = work.resolve("spec-set");
        PrepareSpecSet.main(new String[] {SET, specs.toString(), prepared.toString(), PACKAGE_ROOT,
                "io/connect8x8/specs/" + SET});

        Path sources = work.resolve("generated");
        CodegenConfigurator configurator = CodegenConfigurator.fromFile(
                prepared.resolve("generator/sms.json").toString());
        applySharedOptions(configurator);
        configurator.setInputSpec(prepared.resolve("generator/sms.openapi.json").toString());
        configurator.setOutputDir(sources.toString());
        new DefaultGenerator().opts(configurator.toClientOptInput()).generate();

        Path classes = Files.createDirectories(work.resolve("classes"));
        compile(sources.resolve("src/main/java"), classes);
        return new URLClassLoader(new URL[] {classes.toUri().toURL(), prepared.resolve("resources").toUri().toURL()},
                SpecUpdateTest.class.getClassLoader());
    }

    /**
     * The generator options every document shares, read from generated-parent/pom.xml rather than repeated here, so
     * this test generates exactly as the build does. An option the test does not know fails it, naming the option.
     */
    private static void applySharedOptions(CodegenConfigurator configurator) throws Exception {
        Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ROOT.resolve("generated-parent/pom.xml").toFile()).getDocumentElement();
        Element configuration = null;
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("openapi-generator-maven-plugin".equals(text(plugin, "artifactId"))) {
                configuration = child(plugin, "configuration");
            }
        }
        assertTrue(configuration != null, "generated-parent/pom.xml configures no openapi-generator-maven-plugin");
        for (Element option : children(configuration)) {
            String value = option.getTextContent().strip();
            switch (option.getTagName()) {
                case "generatorName" -> configurator.setGeneratorName(value);
                case "library" -> configurator.setLibrary(value);
                case "inlineSchemaOptions" -> {
                    for (String pair : value.split(",")) {
                        String[] kv = pair.split("=", 2);
                        configurator.addInlineSchemaOption(kv[0].strip(), kv[1].strip());
                    }
                }
                case "typeMappings" -> {
                    for (Element mapping : children(option)) {
                        String[] kv = mapping.getTextContent().strip().split("=", 2);
                        configurator.addTypeMapping(kv[0], kv[1]);
                    }
                }
                case "configOptions" -> {
                    for (Element configOption : children(option)) {
                        configurator.addAdditionalProperty(configOption.getTagName(),
                                configOption.getTextContent().strip());
                    }
                }
                case "generateApiTests" -> configurator.addGlobalProperty("apiTests", value);
                case "generateModelTests" -> configurator.addGlobalProperty("modelTests", value);
                case "generateApiDocumentation" -> configurator.addGlobalProperty("apiDocs", value);
                case "generateModelDocumentation" -> configurator.addGlobalProperty("modelDocs", value);
                case "openapiGeneratorIgnoreList" -> {
                    for (String ignored : value.split(",")) {
                        configurator.addOpenapiGeneratorIgnoreList(ignored.strip());
                    }
                }
                case "quiet" -> configurator.setQuiet(Boolean.parseBoolean(value));
                // The output is a new temporary directory.
                case "cleanupOutput" -> { }
                default -> throw new AssertionError("generated-parent/pom.xml sets the generator option "
                        + option.getTagName() + ", which this test does not apply: teach applySharedOptions it");
            }
        }
    }

    private static void compile(Path sourceRoot, Path classes) throws IOException {
        List<File> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toFile()));
        }
        // Surefire runs the tests from a manifest-only jar; the real class path is in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
            // -parameters as the build compiles generated code: the generic path ties parameters by name.
            boolean compiled = javac.getTask(diagnostics, fileManager, null, List.of("-d", classes.toString(),
                    "-classpath", classPath, "--release", "17", "-parameters", "-proc:none", "-nowarn",
                    "-encoding", "UTF-8"), null, fileManager.getJavaFileObjectsFromFiles(files)).call();
            assertTrue(compiled, diagnostics.toString());
        }
    }

    private static String text(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        for (Element child : children(parent)) {
            if (child.getTagName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }
}
