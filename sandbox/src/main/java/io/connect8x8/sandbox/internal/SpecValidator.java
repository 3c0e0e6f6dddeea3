package io.connect8x8.sandbox.internal;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates request bodies against one bundled OpenAPI document with swagger-request-validator and maps its findings
 * to 8x8 codes. Built once (parsing the document and building the validator is the expensive part) and shared by all
 * threads and all simulators of the JVM: both are immutable.
 *
 * <p>It uses the library's {@link SchemaValidator} on the operation's body schema rather than its
 * {@code OpenApiInteractionValidator}: the router already resolves the path, method and key, and the full
 * interaction validator (path matching, parameters, security, re-parsing the body text) cost about three times as
 * much per request, which kept the simulator far below the live API's 1,800 requests a second per sub-account on
 * two cores. The Content-Type check that the interaction validator made is {@link #checkContentType}. Before the
 * library, a body meets its schema compiled into plain checks ({@link CompiledSchema}), which only says "certainly
 * valid"; any other body goes to the library, whose findings are reported.
 */
public final class SpecValidator {

    /** The single-send path template of both documents. */
    public static final String SINGLE = "/api/v1/subaccounts/{subAccountId}/messages";
    /** The batch path template of both documents. */
    public static final String BATCH = "/api/v1/subaccounts/{subAccountId}/messages/batch";

    private static final Pattern MISSING = Pattern.compile("\\[\"([^\"]+)\"");
    private static final Pattern BATCH_ITEM = Pattern.compile("^/messages/(\\d+)(/.*)?$");

    private final SchemaValidator validator;
    /** The fully resolved body schemas, walked by {@link EnumCasing}. */
    private final Schema<?> singleSchema;
    private final Schema<?> batchSchema;
    /**
     * What the validator is given: a schema holding only the document's own {@code $ref} to the body's component
     * (see {@link #refSchema}).
     */
    private final Schema<?> singleRef;
    private final Schema<?> batchRef;
    private final FieldCodes codes;
    /** The fast paths: true when the library would certainly find nothing ({@link CompiledSchema}). */
    private final java.util.function.Predicate<JsonNode> singleValid;
    private final java.util.function.Predicate<JsonNode> batchValid;

    private SpecValidator(OpenAPI api, JsonNode document, FieldCodes codes) {
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
        this.singleSchema = bodySchema(api, SINGLE);
        this.batchSchema = bodySchema(api, BATCH);
        this.singleRef = refSchema(document, SINGLE, singleSchema);
        this.batchRef = refSchema(document, BATCH, batchSchema);
        this.codes = codes;
        this.singleValid = CompiledSchema.compile(singleSchema);
        this.batchValid = CompiledSchema.compile(batchSchema);
    }

    /**
     * Loads and runs the validator's JSON-schema stack once on a tiny schema (a pattern, a date-time and an enum,
     * which pull in the regex engine and the date parser): run on its own thread while the documents are parsed, so
     * that the first request does not load those classes after the parse, on the critical path of a cold start.
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
        Json.bytes(sample);
    }

    /**
     * The send validator of a loaded document.
     *
     * @param document the spec set's document
     * @param codes the field-to-code table of that API
     * @return the validator
     */
    static SpecValidator of(Documents.Document document, FieldCodes codes) {
        return new SpecValidator(document.api, document.tree, codes);
    }

    /**
     * Builds a validator from a document's text. The simulator uses {@link #of} on the documents it loaded; the
     * validator comparison (validator-comparison/) gives this one documents it tightened, to see how the library
     * treats keywords the bundled documents lack.
     *
     * @param text an OpenAPI 3 document in JSON
     * @param codes the field-to-code table of that API
     * @return the validator
     * @throws IllegalStateException if the document does not parse
     */
    public static SpecValidator parse(String text, FieldCodes codes) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
        if (api == null) {
            throw new IllegalStateException("spec does not parse");
        }
        try {
            return new SpecValidator(api, Json.MAPPER.readTree(text), codes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
     * Rewrites the body's enum spellings to the spec's (see {@link EnumCasing}), then validates it.
     *
     * @param path the request path below the API's base URL; a path ending in {@code /batch} selects the batch
     *     schema
     * @param body the request tree, its enum spellings changed in place
     * @return the findings mapped to codes, as {@link #validate(String, JsonNode)}
     */
    public List<Violation> normaliseAndValidate(String path, JsonNode body) {
        EnumCasing.normalise(body, path.endsWith("/batch") ? batchSchema : singleSchema);
        return validate(path, body);
    }

    /**
     * {@link #normaliseAndValidate} for a single message: the first finding fails the request.
     *
     * @param path the request path
     * @param body the request tree, its enum spellings changed in place
     * @throws ApiError 400 with the first finding's code
     */
    public void requireValid(String path, JsonNode body) {
        List<Violation> violations = normaliseAndValidate(path, body);
        if (!violations.isEmpty()) {
            throw ApiError.badRequest(violations.get(0).code(), violations.get(0).message());
        }
    }

    /**
     * Validates a request body.
     *
     * @param path the request path below the API's base URL, e.g. {@code /api/v1/subaccounts/acme/messages}; a path
     *     ending in {@code /batch} is validated against the batch schema
     * @param body the (normalised) body
     * @return the findings mapped to codes; a finding inside {@code messages[i]} of a batch carries {@code i}
     */
    public List<Violation> validate(String path, JsonNode body) {
        boolean batch = path.endsWith("/batch");
        if (certainlyValid(batch, body)) {
            return List.of();
        }
        return validateWithLibrary(batch, body);
    }

    /**
     * The fast path alone.
     *
     * @param batch whether the body is a batch
     * @param body the (normalised) body
     * @return true when the library would certainly find nothing; false when it must judge
     */
    boolean certainlyValid(boolean batch, JsonNode body) {
        return (batch ? batchValid : singleValid).test(body);
    }

    /**
     * {@link #validate} by the library alone, without the fast path: what the fast path is compared with.
     *
     * @param batch whether the body is a batch
     * @param body the (normalised) body
     * @return the findings mapped to codes
     */
    List<Violation> validateWithLibrary(boolean batch, JsonNode body) {
        Schema<?> schema = batch ? batchRef : singleRef;
        ValidationReport report = validator.validate(() -> body, schema, "request.body");
        List<Violation> violations = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                violations.add(toViolation(message));
            }
        }
        return violations;
    }

    /**
     * The documents accept only {@code application/json} bodies.
     *
     * @param contentType the request's Content-Type, may be null
     * @throws ApiError 400 code 1000 for a missing or other media type
     */
    static void checkContentType(String contentType) {
        int parameters = contentType == null ? -1 : contentType.indexOf(';');
        String mediaType = contentType == null ? ""
                : (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        if (!mediaType.equalsIgnoreCase("application/json")) {
            throw ApiError.badRequest(1000, "Request Content-Type '" + contentType
                    + "' is not allowed: must be application/json");
        }
    }

    private Violation toViolation(ValidationReport.Message message) {
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
        String where = path.isEmpty() ? "" : " (" + path.replace('/', '.') + ")";
        return new Violation(index, code, message.getMessage() + where);
    }
}
