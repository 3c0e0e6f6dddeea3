package io.connect8x8.sandbox.internal;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.connect8x8.sandbox.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every operation of the loaded documents other than the two sends (which {@link SmsApi} and {@link ChatAppsApi}
 * serve on their fast path): matched by method and path template, validated as a whole request against the document
 * that declares it, then answered from the simulator's state where it has some, else with the document's example.
 */
final class GenericApi {

    private final Documents documents;
    private final Map<String, List<Operation>> operations = new ConcurrentHashMap<>();
    private final Map<String, Function<Call, Answer>> handlers = new HashMap<>();
    final MessageOps messages;
    final LogExports exports;
    final Verifications verifications;
    private final Engine engine;

    GenericApi(Engine engine, Documents documents) {
        this.engine = engine;
        this.documents = documents;
        this.messages = new MessageOps(engine);
        this.exports = new LogExports(messages, engine.clock);
        this.verifications = new Verifications(engine.clock);
        TemplateApi templates = new TemplateApi(engine.templates, engine.clock);
        for (Api api : Api.values()) {
            String host = api == Api.SMS ? "sms" : "chatapps";
            handle(host, "cancel-scheduled-message", call -> messages.cancel(api, call));
            handle(host, "start-log-export-job", call -> exports.start(api, call));
            handle(host, "get-log-export-job-result", call -> exports.result(api, call));
            handle(host, "cancel-log-export-job", call -> exports.cancel(api, call));
            handle(host, "get-webhooks", call -> Answer.ok(engine.accounts.webhooks(api)));
            handle(host, "add-webhooks", call -> {
                engine.accounts.addWebhooks(api, call.json());
                return Answer.empty(200);
            });
            handle(host, "delete-webhooks", call -> {
                engine.accounts.deleteWebhooks(api, call.json());
                return Answer.empty(200);
            });
        }
        handle("sms", "get-sms-message-details", messages::smsDetails);
        handle("sms", "delete-pii", messages::deletePii);
        handle("sms", "cancel-many-sms-messages", call -> messages.cancelBatch(Api.SMS, call));
        handle("sms", "get-account-balance", call -> Answer.ok(engine.accounts.balance()));
        handle("chatapps", "get-chatapps-message-details", messages::chatAppsDetails);
        handle("chatapps", "cancel-many-chat-apps-messages", call -> messages.cancelBatch(Api.CHAT_APPS, call));
        handle("chatapps", "get-whatsapp-templates", templates::list);
        handle("chatapps", "add-whatsapp-template", templates::add);
        handle("chatapps", "remove-wa-template", templates::remove);
        handle("chatapps", "upload-file", this::upload);
        handle("chatapps", "download-file", this::download);
        handle("verify", "verify-request-v2", verifications::start);
        handle("verify", "code-validation-v2", verifications::check);
    }

    private void handle(String host, String handlerId, Function<Call, Answer> handler) {
        handlers.put(host + ':' + handlerId, handler);
    }

    /** A request matched to an operation. */
    record Resolved(Operation operation, Map<String, String> path) {
    }

    /**
     * Finds the operation of a request.
     *
     * @param host the first path segment ({@code sms}, {@code chatapps}, {@code verify})
     * @param method the HTTP method
     * @param path the path below the host
     * @param allow receives the methods the path has when none is {@code method}
     * @return the match
     * @throws ApiError 404 code 1300 when no operation has the path; 405 when none has it with that method
     */
    Resolved resolve(String host, String method, String path, Set<String> allow) {
        boolean pathKnown = false;
        for (Operation operation : operations(host)) {
            Map<String, String> values = operation.match(path);
            if (values == null) {
                continue;
            }
            pathKnown = true;
            if (operation.method.equals(method)) {
                return new Resolved(operation, values);
            }
            allow.add(operation.method);
        }
        if (pathKnown) {
            throw new ApiError(405, 1000, "Method " + method + " not allowed");
        }
        throw new ApiError(404, 1300, "Resource not found: /" + host + path);
    }

    /** The host's operations, set documents first, the most literal path segments first within each. */
    private List<Operation> operations(String host) {
        return operations.computeIfAbsent(host, key -> {
            List<Operation> all = new ArrayList<>();
            for (Documents.Document document : documents.of(key)) {
                List<Operation> own = new ArrayList<>(document.operations);
                own.sort(Comparator.comparingInt((Operation operation) -> -operation.literals));
                all.addAll(own);
            }
            return List.copyOf(all);
        });
    }

    /**
     * Validates the request against its document and answers it.
     *
     * @param resolved the operation and path parameters
     * @param rawQuery the raw query string, may be null
     * @param contentType the Content-Type, may be null
     * @param body the body bytes
     * @return the answer
     */
    Answer call(Resolved resolved, String rawQuery, String contentType, byte[] body) {
        engine.scheduled.releaseDue();
        Map<String, String> query = UriDecoding.query(rawQuery);
        Operation operation = resolved.operation();
        boolean multipart = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        if (!multipart) {
            validate(operation, resolved.path(), query, contentType, body);
        }
        Function<Call, Answer> handler = handlers.get(operation.document.host + ':' + operation.handlerId());
        Call call = new Call(operation, resolved.path(), query, contentType, body, engine.rootUrl);
        if (handler == null) {
            return Examples.answer(operation, engine.clock.instant());
        }
        return handler.apply(call);
    }

    private static void validate(Operation operation, Map<String, String> path, Map<String, String> query,
                                 String contentType, byte[] body) {
        String expanded = operation.template;
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            expanded = expanded.replace("{" + parameter.getKey() + "}",
                    java.net.URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(operation.method), expanded);
        query.forEach(request::withQueryParam);
        if (contentType != null) {
            request.withContentType(contentType);
        }
        com.fasterxml.jackson.databind.JsonNode json = null;
        if (body.length > 0) {
            json = Json.parse(body);
            request.withBody(new String(body, StandardCharsets.UTF_8));
        }
        ValidationReport report = operation.document.interactions().validateRequest(request.build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR
                    && !DocumentedFormats.allows(operation.handlerId(), message, json)) {
                throw ApiError.badRequest(1000, message.getMessage());
            }
        }
    }

    /** {@code Upload-File}: 201 with the name, the token and a {@code Location} to download it. */
    private Answer upload(Call call) {
        FileStore.StoredFile file = engine.files.upload(call.contentType(), call.body());
        return Answer.json(201, Json.object().put("fileName", file.fileName()).put("token", file.token()))
                .withHeader("Location", "/files/" + file.fileName() + "?token=" + file.token());
    }

    /** {@code Download-File}: 302 to the file's content; 404 code 1300 for an unknown name or a wrong token. */
    private Answer download(Call call) {
        FileStore.StoredFile file = engine.files.get(call.param("filename"));
        if (file == null || !file.token().equals(call.query().get("token"))) {
            throw new ApiError(404, 1300, "File not found.");
        }
        return Answer.redirect(call.rootUrl() + "/__files/" + file.fileName());
    }

    /**
     * The operations this simulator serves with state, as {@code host:handler-id}; every other one answers the
     * document's example.
     *
     * @return the handler keys
     */
    Set<String> stateful() {
        return new LinkedHashSet<>(handlers.keySet());
    }
}
