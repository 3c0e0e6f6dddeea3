package io.connect8x8.comparison;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * networknt json-schema-validator with its OpenAPI 3.0 dialect ({@code nullable}, {@code discriminator}, the 3.0
 * {@code exclusiveMinimum}), formats asserted: the operation's body schema is addressed by its JSON pointer inside
 * the whole document, so every {@code $ref} (to components or into paths) resolves in it. It validates JSON
 * Schema only: the path and method are this class's lookup, as the sandbox's router does today.
 */
final class NetworkntValidator implements Validator {

    private static final String BASE = "https://connect8x8.invalid/document.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> NAMES_A_FIELD = Set.of("required", "additionalProperties");
    /**
     * The OpenAPI 3.0 dialect, plus the OpenAPI document's own top-level members as keywords that validate nothing:
     * the document is loaded as the schema resource the body's {@code $ref}s point into, and the library logs a
     * warning for each member it does not know otherwise.
     */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getOpenApi30())
            .keywords(Stream.of("openapi", "info", "servers", "tags", "paths", "components", "security",
                    "externalDocs").map(NonValidationKeyword::new).toList())
            .build();

    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private NetworkntValidator(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** The factory. */
    static final Factory FACTORY = new Factory() {
        @Override
        public String name() {
            return "networknt json-schema-validator";
        }

        @Override
        public Validator bind(String api, String document) {
            SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
            return new NetworkntValidator(SchemaRegistry.withDefaultDialect(DIALECT,
                    builder -> builder.schemas(Map.of(BASE, document)).schemaRegistryConfig(config)));
        }
    };

    @Override
    public Set<String> findings(Request request) {
        Schema schema = schemas.computeIfAbsent(request.pathTemplate(), template -> registry.getSchema(
                SchemaLocation.of(BASE + "#/paths/" + escape(template)
                        + "/post/requestBody/content/application~1json/schema")));
        Set<String> fields = new TreeSet<>();
        try {
            for (Error error : schema.validate(MAPPER.readTree(request.body()))) {
                String location = error.getInstanceLocation().toString();
                // A missing or an undeclared field is reported at its parent object, the field named apart.
                if (NAMES_A_FIELD.contains(error.getKeyword()) && error.getProperty() != null) {
                    location = location + "." + error.getProperty();
                }
                fields.add(Validator.field(location));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }

    /** A path template as one JSON pointer segment inside a URI fragment. */
    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
    }
}
