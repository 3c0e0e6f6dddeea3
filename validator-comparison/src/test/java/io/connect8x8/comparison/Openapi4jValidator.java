package io.connect8x8.comparison;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapi4j.core.validation.ValidationException;
import org.openapi4j.core.validation.ValidationResults;
import org.openapi4j.core.validation.ValidationSeverity;
import org.openapi4j.operation.validator.model.Request.Method;
import org.openapi4j.operation.validator.model.impl.Body;
import org.openapi4j.operation.validator.model.impl.DefaultRequest;
import org.openapi4j.operation.validator.validation.RequestValidator;
import org.openapi4j.parser.OpenApi3Parser;
import org.openapi4j.parser.model.v3.OpenApi3;
import org.openapi4j.parser.model.v3.Operation;

/**
 * openapi4j's operation validator: the whole request (path parameters, Content-Type, body) against the operation,
 * as swagger-request-validator's interaction validator checks it in the facade's contract tests. The URL is the
 * document's first server plus the path: it is only matched against the document, never called.
 */
final class Openapi4jValidator implements Validator {

    /** "Field 'x' is required." and "Additional property 'x' is not allowed." */
    private static final Pattern NAMED_FIELD = Pattern.compile("^(?:Field|Additional property) '([^']+)' is");

    private final OpenApi3 api;
    private final RequestValidator validator;
    private final String server;

    private Openapi4jValidator(OpenApi3 api) {
        this.api = api;
        this.validator = new RequestValidator(api);
        this.server = api.getServers() == null || api.getServers().isEmpty() ? "" : api.getServers().get(0).getUrl();
    }

    /** The factory. */
    static final Factory FACTORY = new Factory() {
        @Override
        public String name() {
            return "openapi4j";
        }

        @Override
        public Validator bind(String api, String document) throws Exception {
            // The parser reads from a URL only.
            Path file = Files.createTempFile("openapi4j-" + api, ".json");
            try {
                Files.writeString(file, document, StandardCharsets.UTF_8);
                return new Openapi4jValidator(new OpenApi3Parser().parse(file.toUri().toURL(), false));
            } finally {
                Files.delete(file);
            }
        }
    };

    @Override
    public Set<String> findings(Request request) {
        org.openapi4j.parser.model.v3.Path path = api.getPath(request.pathTemplate());
        Operation operation = path.getOperation("post");
        DefaultRequest sent = new DefaultRequest.Builder(server + request.path(), Method.POST)
                .header("Content-Type", "application/json")
                .body(Body.from(request.body()))
                .build();
        Set<String> fields = new TreeSet<>();
        try {
            validator.validate(sent, path, operation);
        } catch (ValidationException e) {
            for (ValidationResults.ValidationItem item : e.results().items(ValidationSeverity.ERROR)) {
                fields.add(field(item));
            }
        }
        return fields;
    }

    /**
     * Its data crumbs start with where the value sat ({@code body.}); a missing or an undeclared field is reported
     * at its parent object and named only in the message.
     */
    private static String field(ValidationResults.ValidationItem item) {
        String crumbs = item.dataCrumbs() == null ? "" : item.dataCrumbs().replaceFirst("^body\\.?", "");
        Matcher named = NAMED_FIELD.matcher(String.valueOf(item.message()));
        if (named.find()) {
            crumbs = crumbs.isEmpty() ? named.group(1) : crumbs + "." + named.group(1);
        }
        return Validator.field(crumbs);
    }

}
