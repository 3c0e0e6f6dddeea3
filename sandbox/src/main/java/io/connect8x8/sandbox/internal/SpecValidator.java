package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Validates request bodies against one bundled OpenAPI document with swagger-request-validator and maps its findings
 * to 8x8 codes. Built once (parsing the document and building the validator is the expensive part) and shared by all
 * threads and all simulators of the JVM: both are immutable.
 *
 * <p>It uses the library's swagger-request-validator's {@code SchemaValidator} on the operation's body schema rather than its
 * {@code OpenApiInteractionValidator}: the router already resolves the path, method and key, and the full
 * interaction validator (path matching, parameters, security, re-parsing the body text) cost about three times as
 * much per request, which kept the simulator far below the live API's 1,800 requests a second per sub-account on
 * two cores. The Content-Type check that the interaction validator made is {@link #checkContentType}. Before the
 * library, a body meets its schema compiled into plain checks ({@link CompiledSchema}), which only says "certainly
 * valid"; any other body goes to the library, whose findings are reported.
 *
 * <p>The fast path and the enum spellings ({@link EnumCasing}) are compiled from the document's JSON tree alone; the
 * library's side ({@link SchemaLibrary}, on swagger-parser's model of the document) arrives later, in the
 * background, so that a cold simulator answers its first valid send without loading the parser and validator (about
 * a second of CPU). A body the fast path cannot vouch for waits for the library.
 */
public final class SpecValidator {

    /** The single-send path template of both documents. */
    public static final String SINGLE = "/api/v1/subaccounts/{subAccountId}/messages";
    /** The batch path template of both documents. */
    public static final String BATCH = "/api/v1/subaccounts/{subAccountId}/messages/batch";

    private final FieldCodes codes;
    /** The enum spellings of the body schemas. */
    private final EnumCasing singleEnums;
    private final EnumCasing batchEnums;
    /** The fast paths: true when the library would certainly find nothing ({@link CompiledSchema}). */
    private final Predicate<JsonNode> singleValid;
    private final Predicate<JsonNode> batchValid;
    /** The library's side, complete once swagger-parser has parsed the document. */
    private final CompletableFuture<SchemaLibrary> library;
    /** Asks for the library now (the documents' parse may be waiting for the first answered send). */
    private final Runnable needLibrary;
    /**
     * The fields of a message's {@code user} that name its recipient and that the single send's schema declares,
     * in order of precedence (see {@link #RECIPIENT_FIELDS}).
     */
    private final List<String> recipientFields;

    /**
     * The Messaging Apps fields that may name a message's recipient, in order of precedence: {@code msisdn}, and in
     * 8x8's complete document {@code channelUserId} ("Can be used alongside msisdn; if both are provided, msisdn
     * takes precedence") and {@code lineUserId} ("Use this instead of msisdn when sending messages to a LINE
     * user"). The guides' document declares msisdn alone.
     */
    static final List<String> RECIPIENT_FIELDS = List.of("msisdn", "channelUserId", "lineUserId");

    private SpecValidator(JsonNode document, FieldCodes codes, CompletableFuture<SchemaLibrary> library,
                          Runnable needLibrary) {
        this.codes = codes;
        JsonNode single = JsonRefs.postBodySchema(document, SINGLE);
        JsonNode batch = JsonRefs.postBodySchema(document, BATCH);
        this.singleEnums = EnumCasing.compile(document, single);
        this.batchEnums = EnumCasing.compile(document, batch);
        this.singleValid = CompiledSchema.compile(document, single);
        this.batchValid = CompiledSchema.compile(document, batch);
        this.library = library;
        this.needLibrary = needLibrary;
        JsonNode user = single == null ? null : JsonRefs.resolve(document, JsonRefs.resolve(document, single)
                .path("properties").path("user"));
        JsonNode declared = user == null ? null : user.path("properties");
        this.recipientFields = RECIPIENT_FIELDS.stream()
                .filter(field -> declared != null && declared.has(field)).toList();
    }

    /**
     * The fields of a Messaging Apps message's {@code user} that may name its recipient in the document in use: of
     * {@link #RECIPIENT_FIELDS}, those the single send's schema declares, in that order.
     *
     * @return the fields, {@code msisdn} first when declared
     */
    List<String> recipientFields() {
        return recipientFields;
    }

    /**
     * The send validator of a document: ready for the fast path at once, for the library once {@code parsed}
     * completes.
     *
     * @param tree the spec set's document as JSON
     * @param parsed the same document parsed by swagger-parser, complete later
     * @param parseNow asks for {@code parsed} without waiting for the first answered send
     * @param codes the field-to-code table of that API
     * @return the validator
     */
    static SpecValidator of(JsonNode tree, CompletableFuture<Documents.Document> parsed, Runnable parseNow,
                            FieldCodes codes) {
        return new SpecValidator(tree, codes, parsed.thenApply(document -> new SchemaLibrary(document.api,
                document.tree)), parseNow);
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
            JsonNode tree = Json.MAPPER.readTree(text);
            return new SpecValidator(tree, codes, CompletableFuture.completedFuture(new SchemaLibrary(api, tree)),
                    () -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the library's side is ready: until then a body it may have to judge would wait for the parse. */
    boolean libraryReady() {
        return library.isDone();
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
        (path.endsWith("/batch") ? batchEnums : singleEnums).normalise(body);
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
        if (!library.isDone()) {
            needLibrary.run();
        }
        return library.join().validate(batch, body, codes);
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
}
