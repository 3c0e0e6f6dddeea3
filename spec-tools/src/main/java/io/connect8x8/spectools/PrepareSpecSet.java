package io.connect8x8.spectools;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The build's one preparation step for a spec set: reads the set's file ({@code specs/<set>.set.json}), and for
 * each of its two documents writes a copy under a canonical name ({@code sms.json}, {@code messaging-apps.json})
 * plus the openapi-generator configuration file the set gives for it. 8x8's files are never edited.
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

    /** Canonical names of the two documents, as the class path and the generator see them. */
    private static final String[] DOCUMENTS = {"sms", "messaging-apps"};

    /** A reference chain longer than this is a cycle; 8x8's documents nest at most three deep. */
    private static final int MAX_DEPTH = 32;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrepareSpecSet() {
    }

    /**
     * Prepares one set.
     *
     * @param args the set's name ({@code guides} or {@code published}), the {@code specs/} directory, and the
     *     output directory: documents go to {@code <out>/resources/io/connect8x8/specs/}, generator configuration
     *     files to {@code <out>/generator/}
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: PrepareSpecSet <set> <specs-dir> <output-dir>");
        }
        String set = args[0];
        Path specsDir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Path setFile = specsDir.resolve(set + ".set.json");
        if (!Files.isRegularFile(setFile)) {
            throw new IllegalArgumentException("unknown spec set '" + set + "': no " + setFile
                    + " (choose one of the specs/*.set.json files with -Dspecs=<name>)");
        }
        JsonNode setConfig = JSON.readTree(setFile.toFile());
        Path resources = out.resolve("resources/io/connect8x8/specs");
        Path generator = out.resolve("generator");
        Files.createDirectories(resources);
        Files.createDirectories(generator);
        StringBuilder properties = new StringBuilder("# The spec set this build was generated from.\n")
                .append("set=").append(set).append('\n');
        for (String name : DOCUMENTS) {
            JsonNode entry = setConfig.path("documents").path(name);
            String source = entry.path("source").asText(null);
            if (source == null) {
                throw new IllegalArgumentException(setFile + ": documents." + name + ".source is missing");
            }
            JsonNode document = inlinePathReferences(JSON.readTree(specsDir.resolve(source).toFile()));
            write(resources.resolve(name + ".json"), document);
            JsonNode generatorInput = entry.path("generatorInput");
            write(generator.resolve(name + ".openapi.json"),
                    generatorInput.path("dropMediaTypeExamples").asBoolean(false)
                            ? withoutMediaTypeExamples(document) : document);
            write(generator.resolve(name + ".json"), entry.path("generator").isObject()
                    ? entry.get("generator") : JSON.createObjectNode());
            properties.append(name).append(".source=").append(source).append('\n');
        }
        Files.writeString(resources.resolve("spec-set.properties"), properties, StandardCharsets.UTF_8);
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

    private static void write(Path file, JsonNode node) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(node) + "\n", StandardCharsets.UTF_8);
    }
}
