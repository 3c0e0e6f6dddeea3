package io.connect8x8.spectools;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonpatch.JsonPatch;
import com.github.fge.jsonpatch.JsonPatchException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The build's one preparation step for a spec set: reads the set's file ({@code specs/<set>.set.json}), and for
 * each of its documents, in the order of the file, writes a copy under its key's name ({@code sms.json},
 * {@code messaging-apps.json}, {@code verification.json}) plus the openapi-generator configuration file the set
 * gives for it. 8x8's files are never edited.
 *
 * <p>It also writes the artifact's operation index, {@code META-INF/connect8x8/apis.properties}: the set's name,
 * the building module's artifactId (the facade names it in its operations and failures: a package root does not
 * tell which artifact holds a set), its document keys, and for each document its generated API class, the host its
 * operations go to ({@code sms}, {@code chatapps} or {@code verify}, from the document's {@code host} in the set
 * file), where its prepared document lies on the class path, and where its {@code OperationIndex} does. Every
 * generated artifact has one under the same name, so the facade finds the operations of all of them with
 * {@code ClassLoader.getResources}.
 *
 * <p>The only change to a document: a {@code $ref} that points into {@code #/paths/...} (8x8's complete documents
 * reuse parameters, responses and schemas of other operations so, 61 times in the SMS document and 119 in the
 * Messaging one) is replaced by a copy of what it points to. Neither swagger-parser's {@code resolve} nor its
 * {@code resolveFully} follows such a reference (both keep it, and drop the referenced parameters, so
 * {@code subAccountId} vanishes and the generator's validator reports "duplicate parameter values"); references to
 * {@code #/components/...} are left alone, so component schemas keep their names. A document without such
 * references (the guides' two) is copied unchanged apart from its formatting.
 *
 * <p>The generator reads its own copy ({@code <out>/generator/<name>.openapi.json}): the same document, less what
 * the set's {@code generatorInput} object of that document drops. {@code "dropMediaTypeExamples": true} removes the
 * {@code example} and {@code examples} of every request body's and response's media types: the generator uses them
 * only for the documentation and tests it is told not to write, and prints a warning for the kinds it cannot use
 * ("Ignoring complex example on request body"; "Failed to get the schema name: null" for an {@code examples} entry
 * written inline). The copy on the class path, which the sandbox and the contract tests validate against, keeps
 * them.
 */
public final class PrepareSpecSet {

    /** The package root of the default artifact (connect8x8-generated-client). */
    static final String DEFAULT_PACKAGE_ROOT = "io.connect8x8.generated";

    /** The Maven artifact built from the set when the build names none. */
    static final String DEFAULT_ARTIFACT = "connect8x8-generated-client";

    /** Where the default artifact keeps its prepared documents on the class path. */
    static final String DEFAULT_RESOURCE_DIR = "io/connect8x8/specs";

    /** The operation index every generated artifact carries; the facade reads all of them off the class path. */
    static final String APIS_RESOURCE = "META-INF/connect8x8/apis.properties";

    /** The base URLs a document's operations can go to: the facade's configured SMS, chat apps and verify hosts. */
    private static final Set<String> HOSTS = Set.of("sms", "chatapps", "verify");

    /** A document key (file name, property prefix) and a package segment: lower case, digits, dashes. */
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

    /** A Java package segment and the generated API class's prefix (the tag every operation gets). */
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9]*");
    private static final Pattern API = Pattern.compile("[A-Z][A-Za-z0-9]*");

    /**
     * The openapi-generator executions of the generated modules' parent pom (generated-parent/pom.xml,
     * {@code document-1} to {@code document-4}): one per document, the unused ones skipped.
     */
    static final int GENERATOR_SLOTS = 4;

    /** The file the generated modules' pom reads the slots from (properties-maven-plugin). */
    static final String SLOTS_FILE = "generator/slots.properties";

    /** A reference chain longer than this is a cycle; 8x8's documents nest at most three deep. */
    private static final int MAX_DEPTH = 32;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrepareSpecSet() {
    }

    /**
     * Prepares one set.
     *
     * @param args the set's name ({@code guides} or {@code published}), the {@code specs/} directory, the output
     *     directory, and optionally the package root of the generated code (default {@code io.connect8x8.generated})
     *     the class-path directory of the prepared documents (default {@code io/connect8x8/specs}), and the
     *     building module's artifactId (default {@value #DEFAULT_ARTIFACT}): documents go to
     *     {@code <out>/resources/<resource-dir>/}, the operation index to
     *     {@code <out>/resources/META-INF/connect8x8/apis.properties}, generator inputs to {@code <out>/generator/}
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3 || args.length > 6) {
            throw new IllegalArgumentException("usage: PrepareSpecSet <set> <specs-dir> <output-dir> [<package-root>"
                    + " [<resource-dir> [<artifact-id>]]]");
        }
        prepare(args[0], Path.of(args[1]), Path.of(args[2]),
                args.length > 3 ? args[3] : DEFAULT_PACKAGE_ROOT, args.length > 4 ? args[4] : DEFAULT_RESOURCE_DIR,
                args.length > 5 ? args[5] : DEFAULT_ARTIFACT);
    }

    /**
     * Prepares one set for one artifact.
     *
     * @param set the set's name: {@code specs/<set>.set.json}
     * @param specsDir the {@code specs/} directory
     * @param out the output directory
     * @param packageRoot the package the generated code goes under ({@code <root>.<document's package>.api}, ...)
     * @param resourceDir where the prepared documents go on the class path, without leading or trailing slash
     * @param artifact the building module's artifactId, written to the operation index
     * @throws IOException when a file cannot be read or written
     */
    static void prepare(String set, Path specsDir, Path out, String packageRoot, String resourceDir, String artifact)
            throws IOException {
        Path setFile = specsDir.resolve(set + ".set.json");
        if (!Files.isRegularFile(setFile)) {
            throw new IllegalArgumentException("unknown spec set '" + set + "': no " + setFile
                    + " (choose one of the specs/*.set.json files with -Dspecs=<name>)");
        }
        JsonNode setConfig = JSON.readTree(setFile.toFile());
        // Nothing of a set prepared before (another set's third document) stays to be packaged.
        deleteRecursively(out.resolve("resources"));
        deleteRecursively(out.resolve("generator"));
        Path resources = out.resolve("resources").resolve(resourceDir);
        Path generator = out.resolve("generator");
        Path index = out.resolve("resources").resolve(APIS_RESOURCE);
        Files.createDirectories(resources);
        Files.createDirectories(generator);
        Files.createDirectories(index.getParent());
        StringBuilder properties = new StringBuilder("# The spec set this build was generated from.\n")
                .append("set=").append(set).append('\n');
        StringBuilder apis = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> document : iterable(setConfig.path("documents").fields())) {
            String name = document.getKey();
            JsonNode entry = document.getValue();
            String where = setFile + ": documents." + name;
            require(KEY.matcher(name).matches(), where + ": a document key is lower case, digits and dashes");
            String source = text(entry, "source", where);
            String host = text(entry, "host", where);
            require(HOSTS.contains(host), where + ".host is '" + host + "', not one of " + new TreeSet<>(HOSTS));
            String segment = text(entry, "package", where);
            require(PACKAGE.matcher(segment).matches(), where + ".package '" + segment + "' is no package name");
            String api = text(entry, "api", where);
            require(API.matcher(api).matches(), where + ".api '" + api + "' is no class name prefix");

            JsonNode prepared = inlinePathReferences(
                    patched(JSON.readTree(specsDir.resolve(source).toFile()), entry.path("patch"), where + ".patch"));
            write(resources.resolve(name + ".json"), prepared);
            write(resources.resolve(name + ".operations.json"), OperationIndex.of(prepared));
            write(generator.resolve(name + ".openapi.json"), withSharedEnumsMerged(
                    forGenerator(prepared, entry.path("generatorInput"), where + ".generatorInput"),
                    entry.path("generator").path("inlineSchemaNameMappings"),
                    where + ".generator.inlineSchemaNameMappings"));
            write(generator.resolve(name + ".json"), generatorConfiguration(entry.path("generator"),
                    packageRoot + "." + segment, api));
            properties.append(name).append(".source=").append(source).append('\n');
            apis.append(name).append(".api=").append(packageRoot).append('.').append(segment).append(".api.")
                    .append(api).append("Api\n")
                    .append(name).append(".host=").append(host).append('\n')
                    .append(name).append(".document=").append(resourceDir).append('/').append(name).append(".json\n")
                    .append(name).append(".operations=").append(resourceDir).append('/').append(name)
                    .append(".operations.json\n");
            names.add(name);
        }
        require(!names.isEmpty(), setFile + ": no documents");
        require(names.size() <= GENERATOR_SLOTS, setFile + ": " + names.size() + " documents, more than the "
                + GENERATOR_SLOTS + " generator executions of generated-parent/pom.xml (add one there)");
        StringBuilder slots = new StringBuilder("# The generator executions of generated-parent/pom.xml: one document"
                + " each, in the set file's order; the rest skipped.\n");
        for (int slot = 1; slot <= GENERATOR_SLOTS; slot++) {
            boolean used = slot <= names.size();
            slots.append("generated.slot").append(slot).append(".name=")
                    .append(used ? names.get(slot - 1) : "unused-" + slot).append('\n')
                    .append("generated.slot").append(slot).append(".skip=").append(!used).append('\n');
        }
        Files.writeString(out.resolve(SLOTS_FILE), slots, StandardCharsets.UTF_8);
        Files.writeString(resources.resolve("spec-set.properties"), properties, StandardCharsets.UTF_8);
        Files.writeString(index, "# the generated APIs of this artifact\n"
                + "set=" + set + "\n"
                + "artifact=" + artifact + "\n"
                + "documents=" + String.join(",", names) + "\n"
                + apis, StandardCharsets.UTF_8);
    }

    /**
     * The generator's copy with the inline enums that the set maps onto one class name given the union of their
     * values. The generator writes such a class once per mapped copy, each time over the last, so the class would have
     * the values of whichever copy comes last: a value 8x8 adds to one copy only (the SMS request's {@code encoding},
     * say, and not the response's) would be missing from the class, and the facade, which checks a value by name
     * against the class, would refuse to send it; mapping the copies to different names instead breaks the facade's
     * mapping, which uses the one class for the request and the batch template. With the union the class has every
     * copy's values. The class path's copy, which the sandbox and the contract tests validate against, keeps each
     * copy's own values. Values that differ only in case would give clashing constants: those are refused, naming both copies. Only mappings of the
     * form {@code <component schema>_<property>} are merged (the ones that name a property's enum).
     *
     * @param document the generator's copy of the document, not changed
     * @param mappings the document's {@code inlineSchemaNameMappings} (or a missing node)
     * @param where the mappings' place in the set file, for the message
     * @return {@code document} itself when every group's copies agree, or a changed copy
     */
    static JsonNode withSharedEnumsMerged(JsonNode document, JsonNode mappings, String where) {
        Map<String, List<String>> keysByName = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> mapping : iterable(mappings.fields())) {
            if (propertyEnum(document, mapping.getKey()) != null) {
                keysByName.computeIfAbsent(mapping.getValue().asText(), name -> new ArrayList<>())
                        .add(mapping.getKey());
            }
        }
        JsonNode merged = document;
        for (Map.Entry<String, List<String>> group : keysByName.entrySet()) {
            List<String> keys = group.getValue();
            ArrayNode union = JSON.createArrayNode();
            Map<String, String> keyOfValue = new HashMap<>();
            for (String key : keys) {
                for (JsonNode value : propertyEnum(document, key)) {
                    String folded = value.asText().toLowerCase(Locale.ROOT);
                    boolean known = false;
                    for (JsonNode seen : union) {
                        known |= seen.equals(value);
                    }
                    if (!known) {
                        String other = keyOfValue.putIfAbsent(folded, key);
                        if (other != null) {
                            throw new IllegalArgumentException(where + " maps " + other + " "
                                    + propertyEnum(document, other) + " and " + key + " " + propertyEnum(document, key)
                                    + " onto one class, " + group.getKey() + ", but they spell a value in different"
                                    + " cases: map them to different names (or ask 8x8 why they differ)");
                        }
                        union.add(value);
                    }
                }
            }
            for (String key : keys) {
                if (!propertyEnum(merged, key).equals(union)) {
                    if (merged == document) {
                        merged = document.deepCopy();
                    }
                    ArrayNode values = (ArrayNode) propertyEnum(merged, key);
                    values.removeAll();
                    values.addAll(union);
                }
            }
        }
        return merged;
    }

    /** The {@code enum} of {@code components.schemas.<schema>.properties.<property>} for a key {@code schema_property}. */
    private static JsonNode propertyEnum(JsonNode document, String key) {
        JsonNode schemas = document.path("components").path("schemas");
        for (int cut = key.indexOf('_'); cut > 0; cut = key.indexOf('_', cut + 1)) {
            JsonNode values = schemas.path(key.substring(0, cut)).path("properties").path(key.substring(cut + 1))
                    .path("enum");
            if (values.isArray()) {
                return values;
            }
        }
        return null;
    }

    /**
     * The generator's configuration file for one document: the set's own {@code generator} object, plus the
     * document's packages and the tag that puts every operation into one API class ({@code <api>Api}), unless the
     * set gives them itself.
     *
     * @param setGenerator the document's {@code generator} object of the set file (or a missing node)
     * @param basePackage {@code <package root>.<document's package>}
     * @param api the API class's prefix
     * @return a new object
     */
    static ObjectNode generatorConfiguration(JsonNode setGenerator, String basePackage, String api) {
        ObjectNode configuration = setGenerator.isObject() ? setGenerator.deepCopy() : JSON.createObjectNode();
        putIfAbsent(configuration, "invokerPackage", basePackage);
        putIfAbsent(configuration, "apiPackage", basePackage + ".api");
        putIfAbsent(configuration, "modelPackage", basePackage + ".model");
        JsonNode normalizer = configuration.path("openapiNormalizer");
        ObjectNode rules = normalizer.isObject() ? (ObjectNode) normalizer : configuration.putObject("openapiNormalizer");
        putIfAbsent(rules, "SET_TAGS_FOR_ALL_OPERATIONS", api);
        return configuration;
    }

    private static void putIfAbsent(ObjectNode object, String field, String value) {
        if (!object.has(field)) {
            object.put(field, value);
        }
    }

    private static String text(JsonNode entry, String field, String where) {
        String value = entry.path(field).asText(null);
        require(value != null, where + "." + field + " is missing");
        return value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }

    /**
     * The document with the set's RFC 6902 JSON Patch applied (none when the entry has no {@code patch}): a set can
     * change a document it takes unchanged from its author (a correction, or a test's added operation) without
     * editing the file. Both the class path's copy and the generator's see the patched document.
     *
     * @param document the document as read
     * @param patch the entry's {@code patch} array, or a missing node
     * @param where the set file's location of the patch, for errors
     * @return the patched document
     */
    static JsonNode patched(JsonNode document, JsonNode patch, String where) {
        if (patch.isMissingNode()) {
            return document;
        }
        try {
            return JsonPatch.fromJson(patch).apply(document);
        } catch (IOException | JsonPatchException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the generator reads: the prepared document less what the document's {@code generatorInput} drops.
     *
     * @param prepared the prepared document, read but not changed
     * @param generatorInput the document's {@code generatorInput} object of the set file (or a missing node)
     * @param where the object's place in the set file, for error messages
     * @return the prepared document itself, or a changed copy
     */
    static JsonNode forGenerator(JsonNode prepared, JsonNode generatorInput, String where) {
        JsonNode document = prepared;
        if (generatorInput.path("dropMediaTypeExamples").asBoolean(false)) {
            document = withoutMediaTypeExamples(document);
        }
        String version = generatorInput.path("readAsOpenApi").asText(null);
        if (version != null) {
            document = readAs(document, version, where + ".readAsOpenApi");
        }
        return document;
    }

    /**
     * The JSON Schema keywords (and the document-level fields) OpenAPI 3.1 added to 3.0, found in a 3.1 document that
     * is to be read as 3.0. With none of them, the two versions mean the same.
     */
    private static final Set<String> OPENAPI_31_ONLY = Set.of("const", "prefixItems", "$defs", "$id", "$schema",
            "$anchor", "$dynamicRef", "$dynamicAnchor", "unevaluatedProperties", "unevaluatedItems", "if", "then",
            "else", "dependentRequired", "dependentSchemas", "patternProperties", "propertyNames", "contains",
            "minContains", "maxContains", "contentMediaType", "contentEncoding", "contentSchema", "webhooks",
            "jsonSchemaDialect", "pathItems");

    /** Objects whose keys are names (of properties, paths, components, media types, ...), not keywords. */
    private static final Set<String> NAME_MAPS = Set.of("properties", "paths", "schemas", "parameters", "responses",
            "requestBodies", "headers", "securitySchemes", "examples", "links", "callbacks", "content", "encoding",
            "variables", "mapping");

    /**
     * The document with its {@code openapi} field set to {@code version} (a 3.0 version), for a 3.1 document that
     * uses nothing 3.0 lacks: openapi-generator reads 3.1 with a parser it calls beta, and logs a warning saying so
     * for every generation. Refused, naming the first 3.1-only construct found, when the document uses one: a type
     * list ({@code "type": ["string", "null"]}), a schema's {@code examples} list, or a keyword of
     * {@link #OPENAPI_31_ONLY}; then the set has to drop {@code readAsOpenApi} and generate from 3.1.
     *
     * @param document the document, read but not changed
     * @param version the version to declare, {@code 3.0.x}
     * @param where the setting's place in the set file, for error messages
     * @return a changed copy
     */
    static JsonNode readAs(JsonNode document, String version, String where) {
        require(version.startsWith("3.0."), where + " is '" + version + "', not a 3.0.x version");
        String found = openApi31Construct(document, "#");
        require(found == null, where + ": the document uses " + found + ", which OpenAPI 3.0 does not have;"
                + " generate it as " + document.path("openapi").asText() + " (drop " + where + ")");
        ObjectNode copy = document.deepCopy();
        copy.put("openapi", version);
        return copy;
    }

    private static String openApi31Construct(JsonNode node, String pointer) {
        if (node.isObject()) {
            boolean schemaLike = node.has("type") || node.has("properties") || node.has("items");
            if (node.path("type").isArray()) {
                return "a type list at " + pointer + "/type";
            }
            if (schemaLike && node.path("examples").isArray()) {
                return "a schema's examples list at " + pointer + "/examples";
            }
            for (Map.Entry<String, JsonNode> field : iterable(node.fields())) {
                String key = field.getKey();
                String at = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                // Under "properties" (and the like) a key is a name, not a keyword.
                if (OPENAPI_31_ONLY.contains(key) && !isNameMap(pointer)) {
                    return "'" + key + "' at " + at;
                }
                String inner = openApi31Construct(field.getValue(), at);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = openApi31Construct(node.get(i), pointer + "/" + i);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** Whether the object at this pointer maps names to things (properties, paths, components, ...). */
    private static boolean isNameMap(String pointer) {
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        return NAME_MAPS.contains(last);
    }

    /**
     * The document without the {@code example} and {@code examples} of any request body's or response's media type
     * (in operations and under {@code components}); schemas' own examples stay.
     *
     * @param document the prepared document, read but not changed
     * @return a changed copy
     */
    static JsonNode withoutMediaTypeExamples(JsonNode document) {
        JsonNode copy = document.deepCopy();
        for (JsonNode pathItem : copy.path("paths")) {
            for (JsonNode operation : pathItem) {
                dropMediaTypeExamples(operation.path("requestBody"));
                for (JsonNode response : operation.path("responses")) {
                    dropMediaTypeExamples(response);
                }
            }
        }
        for (JsonNode requestBody : copy.path("components").path("requestBodies")) {
            dropMediaTypeExamples(requestBody);
        }
        for (JsonNode response : copy.path("components").path("responses")) {
            dropMediaTypeExamples(response);
        }
        return copy;
    }

    private static void dropMediaTypeExamples(JsonNode bodyOrResponse) {
        for (JsonNode mediaType : bodyOrResponse.path("content")) {
            if (mediaType.isObject()) {
                ((ObjectNode) mediaType).remove(List.of("example", "examples"));
            }
        }
    }

    /**
     * Replaces every reference into {@code #/paths/} with a copy of its target, itself resolved the same way.
     *
     * @param document the parsed document, read but not changed
     * @return a changed copy
     */
    static JsonNode inlinePathReferences(JsonNode document) {
        return resolve(document.deepCopy(), document, new ArrayDeque<>());
    }

    private static JsonNode resolve(JsonNode node, JsonNode document, Deque<String> chain) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.textValue().startsWith("#/paths/")) {
                return target(ref.textValue(), document, chain);
            }
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(resolve(field.getValue(), document, chain));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i), document, chain));
            }
        }
        return node;
    }

    private static JsonNode target(String ref, JsonNode document, Deque<String> chain) {
        if (chain.contains(ref) || chain.size() > MAX_DEPTH) {
            throw new IllegalArgumentException("$ref cycle through " + ref);
        }
        // A JSON pointer in a URI fragment: percent-decode first ({accountId} is written %7BaccountId%7D).
        JsonPointer pointer = JsonPointer.compile(URI.create(ref).getFragment());
        JsonNode target = document.at(pointer);
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("$ref points at nothing: " + ref);
        }
        chain.push(ref);
        JsonNode resolved = resolve(target.deepCopy(), document, chain);
        chain.pop();
        return resolved;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void write(Path file, JsonNode node) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(node) + "\n", StandardCharsets.UTF_8);
    }
}
