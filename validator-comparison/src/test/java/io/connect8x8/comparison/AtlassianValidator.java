package io.connect8x8.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.connect8x8.sandbox.internal.FieldCodes;
import io.connect8x8.sandbox.internal.SpecValidator;
import io.connect8x8.sandbox.internal.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * swagger-request-validator exactly as the sandbox runs it: the sandbox's own {@link SpecValidator} (the library's
 * {@code SchemaValidator} on the operation's body schema, undeclared fields allowed), without the enum-casing step
 * that runs before it (the sandbox's rule, not the library's).
 */
final class AtlassianValidator implements Validator {

    /** The sandbox appends the field it mapped to a code to each finding's message: {@code "... (user.msisdn)"}. */
    private static final Pattern FIELD = Pattern.compile("\\(([^()\\s]+)\\)$");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SpecValidator validator;

    private AtlassianValidator(SpecValidator validator) {
        this.validator = validator;
    }

    /** The factory. */
    static final Factory FACTORY = new Factory() {
        @Override
        public String name() {
            return "swagger-request-validator";
        }

        @Override
        public Validator bind(String api, String document) {
            return new AtlassianValidator(SpecValidator.parse(document,
                    api.equals("sms") ? FieldCodes.SMS : FieldCodes.CHAT_APPS));
        }
    };

    @Override
    public Set<String> findings(Request request) {
        Set<String> fields = new TreeSet<>();
        try {
            for (Violation violation : validator.validate(request.path(), MAPPER.readTree(request.body()))) {
                Matcher field = FIELD.matcher(violation.message());
                String path = field.find() ? field.group(1) : "";
                String item = violation.messageIndex() >= 0 ? "messages." : "";
                fields.add(Validator.field(item + path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }
}
