package io.connect8x8;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The spec-driven validator: checks a request captured off the wire against one of the two documents of the spec set
 * the build used ({@code -Dspecs=...}): the generated-client jar carries them, as prepared for the generator, under
 * {@code io/connect8x8/specs/}.
 */
final class SpecValidator {

    /** The SMS fields the live API takes beyond the minimal document (see 8x8-api-facts.md). */
    static final SpecValidator SMS = new SpecValidator("sms.json", Set.of("clientMessageId", "dlrCallbackUrl",
            "country"));
    static final SpecValidator CHAT_APPS = new SpecValidator("messaging-apps.json", Set.of());

    private static final Pattern EXTRA_NAMES = Pattern.compile("\\[(\"[^\\]]*\")\\]");

    /**
     * Every request checked in this JVM, in order: the validator comparison (sandbox/README.md, "Footprint") runs
     * the contract tests and feeds exactly these requests to other validators.
     */
    private static final List<Checked> CHECKED = new CopyOnWriteArrayList<>();

    private final String file;
    private final OpenApiInteractionValidator validator;
    private final Set<String> documentedExtras;

    private SpecValidator(String file, Set<String> documentedExtras) {
        this.file = file;
        this.documentedExtras = documentedExtras;
        String resource = "io/connect8x8/specs/" + file;
        try (InputStream in = SpecValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("spec missing from the class path: " + resource);
            }
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The validator's errors for a captured request, one line each ({@code key: message}); empty when it conforms.
     */
    List<String> errors(RecordedRequest request, String body) {
        CHECKED.add(new Checked(file, request.getMethod(), request.getPath(), request.getHeaders().toMultimap(),
                body));
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod(), request.getPath())
                .withBody(body);
        for (String name : request.getHeaders().names()) {
            builder.withHeader(name, request.getHeaders().values(name));
        }
        ValidationReport report = validator.validateRequest(builder.build());
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !onlyDocumentedExtras(m))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.toList());
    }

    /**
     * One request a contract test checked.
     *
     * @param document the document it was checked against ({@code sms.json} or {@code messaging-apps.json})
     * @param method the HTTP method
     * @param path the path with its query
     * @param headers the request headers (names in lower case)
     * @param body the body as sent
     */
    record Checked(String document, String method, String path, Map<String, List<String>> headers, String body) {
    }

    /**
     * The requests checked so far in this JVM.
     *
     * @return them, in the order they were checked
     */
    static List<Checked> checked() {
        return List.copyOf(CHECKED);
    }

    /**
     * The validator treats properties a schema does not list as errors; OpenAPI allows them unless the schema says
     * {@code additionalProperties: false}. Only the documented extras are let through, so a misspelt field still
     * fails.
     */
    private boolean onlyDocumentedExtras(ValidationReport.Message message) {
        if (!message.getKey().endsWith("additionalProperties")) {
            return false;
        }
        Matcher names = EXTRA_NAMES.matcher(message.getMessage());
        if (!names.find()) {
            return false;
        }
        for (String quoted : names.group(1).split(",")) {
            if (!documentedExtras.contains(quoted.strip().replace("\"", ""))) {
                return false;
            }
        }
        return true;
    }
}
