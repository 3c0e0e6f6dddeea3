package io.connect8x8.sandbox.internal;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The validator library's side of a {@link SpecValidator}: swagger-request-validator's {@link SchemaValidator} on a
 * document parsed by swagger-parser, and the mapping of its findings to 8x8 codes. Kept apart from
 * {@link SpecValidator} so that the sends' fast path loads none of the library's classes: a cold simulator parses
 * the document with swagger-parser only after its first answered send (or when a body needs the library).
 */
final class SchemaLibrary {

    private static final Pattern MISSING = Pattern.compile("\\[\"([^\"]+)\"");
    private static final Pattern BATCH_ITEM = Pattern.compile("^/messages/(\\d+)(/.*)?$");

    private final SchemaValidator validator;
    /**
     * What the validator is given: a schema holding only the document's own {@code $ref} to the body's component
     * (see {@link #refSchema}).
     */
    private final Schema<?> singleRef;
    private final Schema<?> batchRef;

    SchemaLibrary(OpenAPI api, JsonNode document) {
        // Authentication, paths and methods are the router's job: the validator only judges the request itself.
        LevelResolver levels = LevelResolver.create()
                // The validator treats undeclared fields as errors, but the live API has many fields the minimal
                // documents leave out (clientMessageId, dlrCallbackUrl, country, track, ...). Ignoring this key
                // also stops the validator adding "additionalProperties": false to every schema, which made each
                // validation build an error report and cost 5 to 10 times as much.
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .build();
        this.validator = new SchemaValidator(api, new MessageResolver(levels));
        this.singleRef = refSchema(document, SpecValidator.SINGLE, bodySchema(api, SpecValidator.SINGLE));
        this.batchRef = refSchema(document, SpecValidator.BATCH, bodySchema(api, SpecValidator.BATCH));
    }

    /**
     * Loads and runs the validator's JSON-schema stack once on a tiny schema (a pattern, a date-time and an enum,
     * which pull in the regex engine and the date parser): run on its own thread while the documents are parsed, so
     * that the first body the library judges does not load those classes after the parse.
     */
    static void warmUp() {
        io.swagger.v3.oas.models.media.ObjectSchema body = new io.swagger.v3.oas.models.media.ObjectSchema();
        body.addProperty("number",
                new io.swagger.v3.oas.models.media.StringSchema().pattern("^\\+?[1-9][0-9]{6,14}$"));
        body.addProperty("at", new io.swagger.v3.oas.models.media.StringSchema().format("date-time"));
        body.addProperty("kind", new io.swagger.v3.oas.models.media.StringSchema()._enum(List.of("A", "B")));
        body.setRequired(List.of("number"));
        OpenAPI api = new OpenAPI().components(new io.swagger.v3.oas.models.Components().addSchemas("Warm", body));
        SchemaValidator validator = new SchemaValidator(api, new MessageResolver());
        JsonNode sample = Json.object().put("number", "+6591234567").put("at", "2026-12-01T09:00:00Z")
                .put("kind", "C");
        validator.validate(() -> sample, new Schema<>().$ref("#/components/schemas/Warm"), "request.body");
    }

    private static Schema<?> bodySchema(OpenAPI api, String path) {
        return api.getPaths().get(path).getPost().getRequestBody().getContent().get("application/json").getSchema();
    }

    /**
     * The schema handed to the validator for a body: the document's own {@code $ref} to a component (both documents
     * declare their bodies so), which the library resolves against the document's components, as it does for any
     * unresolved document. Not the resolved tree: the library looks its compiled schema up in a cache keyed by the
     * swagger {@link Schema}, whose {@code hashCode()} walks the whole tree on every request (a fifth of the
     * validation's cost); a one-field {@code $ref} schema hashes in constant time. A body declared inline is given
     * as it is.
     */
    private static Schema<?> refSchema(JsonNode document, String path, Schema<?> resolved) {
        JsonNode ref = document.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("schema").path("$ref");
        if (!ref.isTextual() || !ref.textValue().startsWith("#/components/schemas/")) {
            return resolved;
        }
        return new Schema<>().$ref(ref.textValue());
    }

    /**
     * Validates a (normalised) body with the library.
     *
     * @param batch whether the body is a batch
     * @param body the body
     * @param codes the field-to-code table of the API
     * @return the findings mapped to codes; a finding inside {@code messages[i]} of a batch carries {@code i}
     */
    List<Violation> validate(boolean batch, JsonNode body, FieldCodes codes) {
        Schema<?> schema = batch ? batchRef : singleRef;
        ValidationReport report = validator.validate(() -> body, schema, "request.body");
        List<Violation> violations = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                violations.add(toViolation(message, codes));
            }
        }
        return violations;
    }

    private static Violation toViolation(ValidationReport.Message message, FieldCodes codes) {
        String pointer = message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .orElse("");
        boolean missing = message.getKey().endsWith(".required");
        if (missing) {
            Matcher field = MISSING.matcher(message.getMessage());
            if (field.find()) {
                pointer = pointer + "/" + field.group(1);
            }
        }
        int index = -1;
        Matcher item = BATCH_ITEM.matcher(pointer);
        if (item.matches()) {
            index = Integer.parseInt(item.group(1));
            pointer = item.group(2) == null ? "" : item.group(2);
        }
        String path = pointer.replaceAll("/\\d+(?=/|$)", "").replaceFirst("^/", "");
        int code = message.getKey().startsWith("validation.request.body.schema") || missing
                ? codes.codeFor(path, missing)
                : 1000;
        String own = missing ? codes.missingMessage(path) : null;
        if (own != null) {
            return new Violation(index, code, own);
        }
        String where = path.isEmpty() ? "" : " (" + path.replace('/', '.') + ")";
        return new Violation(index, code, message.getMessage() + where);
    }
}
