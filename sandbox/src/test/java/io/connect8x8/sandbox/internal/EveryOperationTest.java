package io.connect8x8.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.connect8x8.sandbox.Sandbox;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Calls every operation of every document the simulator loaded once, with a request made from the document (its
 * example, else a schema-made body; path and query parameters from their schemas), and checks that the operation is
 * served (not the router's 404 or 405, not a 500) and that the answer, whatever its status, conforms to the
 * document: the response validator of swagger-request-validator on status, headers and body.
 */
class EveryOperationTest {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();
    private static final java.util.Set<String> UNDECLARED_ERRORS = java.util.Set.of(
            "validation.response.status.unknown", "validation.response.body.unexpected");
    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersWithinItsDocument() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Documents.Document document : Documents.shared().all()) {
            for (Operation operation : document.operations()) {
                tests.add(DynamicTest.dynamicTest(document.key() + (document.published() ? " (published) " : " ")
                        + operation, () -> call(operation)));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    private static void call(Operation operation) throws IOException {
        String path = operation.template();
        Map<String, Parameter> parameters = new java.util.LinkedHashMap<>();
        List<Parameter> declared = new ArrayList<>();
        io.swagger.v3.oas.models.PathItem item = operation.document().api().getPaths().get(operation.template());
        if (item.getParameters() != null) {
            declared.addAll(item.getParameters());
        }
        if (operation.model.getParameters() != null) {
            declared.addAll(operation.model.getParameters());
        }
        declared.forEach(parameter -> parameters.put(parameter.getIn() + ":" + parameter.getName(), parameter));
        HttpUrl.Builder url = HttpUrl.get(sandbox.rootUrl() + "/" + operation.document.host).newBuilder();
        for (Parameter parameter : parameters.values()) {
            String value = value(parameter);
            if ("path".equals(parameter.getIn())) {
                path = path.replace("{" + parameter.getName() + "}", value);
            } else if ("query".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired())) {
                url.addQueryParameter(parameter.getName(), value);
            }
        }
        for (String segment : path.substring(1).split("/")) {
            url.addPathSegment(segment);
        }
        okhttp3.Request.Builder request = new okhttp3.Request.Builder().url(url.build())
                .header("Authorization", "Bearer " + sandbox.apiKey());
        RequestBody body = null;
        if (operation.model.getRequestBody() != null && operation.model.getRequestBody().getContent() != null) {
            var content = operation.model.getRequestBody().getContent();
            if (content.containsKey("multipart/form-data")) {
                body = new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM)
                        .addFormDataPart("file", "a.txt", RequestBody.create("hello", null)).build();
            } else {
                MediaType media = Examples.json(content);
                JsonNode example = media.getExample() != null ? Json.MAPPER.valueToTree(media.getExample())
                        : Examples.fromSchema(media.getSchema(), Instant.now(), 0);
                body = RequestBody.create(Json.text(example), okhttp3.MediaType.get("application/json"));
            }
        }
        if (body == null && ("POST".equals(operation.method()) || "PUT".equals(operation.method()))) {
            body = RequestBody.create(new byte[0], null);
        }
        request.method(operation.method(), body);
        try (Response response = HTTP.newCall(request.build()).execute()) {
            String text = response.body().string();
            int status = response.code();
            assertNotEquals(405, status, text);
            assertTrue(status < 500, status + " " + text);
            if (status == 404) {
                assertFalse(text.contains("Resource not found"), text);
            }
            SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
            response.headers().names().forEach(name -> answer.withHeader(name, response.header(name)));
            if (!text.isEmpty()) {
                answer.withBody(text);
            }
            ValidationReport report = operation.document().interactions().validateResponse(operation.template(),
                    Request.Method.valueOf(operation.method()), answer.build());
            if (status >= 400) {
                // Every error is 8x8's envelope, whether or not the document declares the status or its body
                // (the guides' documents declare none; many of the published ones declare no body).
                JsonNode error = Json.MAPPER.readTree(text);
                assertTrue(error.path("code").isInt() && error.path("message").isTextual()
                        && error.path("errorId").isTextual() && error.path("timestamp").isTextual(), text);
            }
            assertEquals(List.of(), report.getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .filter(message -> status < 400 || !UNDECLARED_ERRORS.contains(message.getKey()))
                    // The live API writes null where it has no value (clientMessageId of a send's answer); the
                    // documents say string. The simulator answers as the live API does.
                    .filter(message -> !message.getMessage().contains("Instance type (null)"))
                    .map(message -> message.getKey() + ": " + message.getMessage()).toList(),
                    status + " " + text);
        }
    }

    /** A value for a parameter: its example, else one its schema accepts. */
    private static String value(Parameter parameter) {
        if (parameter.getExample() != null) {
            return parameter.getExample().toString();
        }
        if ("subAccountId".equals(parameter.getName())) {
            return "acme-tests";
        }
        if ("accountId".equals(parameter.getName())) {
            return "0123456789abcdef0123456789abcdef";
        }
        if (parameter.getName().toLowerCase(java.util.Locale.ROOT).contains("umid")) {
            return "00000000-0000-4000-8000-000000000000";
        }
        JsonNode value = Examples.fromSchema(parameter.getSchema(), Instant.now(), 1);
        return value.isTextual() ? value.textValue() : value.toString();
    }
}
