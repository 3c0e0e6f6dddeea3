package io.connect8x8.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.connect8x8.ContractRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * swagger-request-validator (as the sandbox runs it) against openapi4j and networknt json-schema-validator: the
 * same requests through each, against the documents of the spec set the build used ({@code -Dspecs=guides} or
 * {@code published}). The requests are every one the facade's contract tests validate (collected by running them)
 * and deliberately invalid ones made from them: a required field missing, an enum misspelt, a wrong type, a bad
 * format, and, on a copy of the document tightened with {@code additionalProperties: false} and the live API's
 * number pattern (the bundled documents declare neither everywhere), an extra field and a bad number. It prints and
 * writes ({@code target/validator-comparison.md}) each validator's findings per request, where they differ, the
 * time per validation as a ratio, and each one's jars in a user's test scope. Run by {@code -Pvalidator-comparison}
 * only (sandbox README, "Footprint").
 */
class ValidatorComparisonTest {

    private static final String SINGLE = "/api/v1/subaccounts/{subAccountId}/messages";
    private static final String BATCH = SINGLE + "/batch";
    private static final String NUMBER_PATTERN = "^\\+?[1-9][0-9]{6,14}$";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<Validator.Factory> FACTORIES = List.of(AtlassianValidator.FACTORY,
            Openapi4jValidator.FACTORY, NetworkntValidator.FACTORY);

    /** One request of the comparison; {@code expected} is the field a deliberately invalid one breaks. */
    private record Case(String label, String api, boolean tightened, Validator.Request request, String expected) {
    }

    @Test
    void sameRequestsThroughEachValidator() throws Exception {
        List<ContractRequests.Request> contract = ContractRequests.collect();
        List<Case> cases = new ArrayList<>(contractCases(contract));
        int contractCount = cases.size();
        cases.addAll(invalidCases(cases));

        Map<String, String> documents = Map.of("sms", bundled("sms.json"), "chatapps", bundled("messaging-apps.json"));
        Map<String, Validator> bound = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        for (Validator.Factory factory : FACTORIES) {
            for (String api : List.of("sms", "chatapps")) {
                for (boolean tightened : List.of(false, true)) {
                    String document = tightened ? tighten(api, documents.get(api)) : documents.get(api);
                    try {
                        bound.put(key(factory, api, tightened), factory.bind(api, document));
                    } catch (Exception | LinkageError e) {
                        unreadable.put(key(factory, api, tightened), e.toString());
                    }
                }
            }
        }

        StringBuilder report = new StringBuilder();
        report.append("## Validator comparison, spec set `").append(System.getProperty("comparison.specs"))
                .append("`\n\n");
        report.append("| # | request | expected | ");
        FACTORIES.forEach(f -> report.append(f.name()).append(" | "));
        report.append("same |\n|---|---|---|");
        FACTORIES.forEach(f -> report.append("---|"));
        report.append("---|\n");
        Map<String, Integer> agreeing = new LinkedHashMap<>();
        Map<String, Integer> contractClean = new LinkedHashMap<>();
        Map<String, Integer> expectedFound = new LinkedHashMap<>();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Map<String, String> cells = new LinkedHashMap<>();
            for (Validator.Factory factory : FACTORIES) {
                Validator validator = bound.get(key(factory, c.api(), c.tightened()));
                String cell;
                if (validator == null) {
                    cell = "cannot read the document";
                } else {
                    try {
                        Set<String> fields = validator.findings(c.request());
                        cell = fields.isEmpty() ? "valid" : String.join(", ", fields);
                        if (i < contractCount && fields.isEmpty()) {
                            contractClean.merge(factory.name(), 1, Integer::sum);
                        }
                        if (c.expected() != null && fields.contains(c.expected())) {
                            expectedFound.merge(factory.name(), 1, Integer::sum);
                        }
                    } catch (RuntimeException | LinkageError e) {
                        cell = "throws " + e.getClass().getSimpleName();
                    }
                }
                cells.put(factory.name(), cell);
            }
            String reference = cells.get(AtlassianValidator.FACTORY.name());
            boolean same = cells.values().stream().allMatch(reference::equals);
            for (Map.Entry<String, String> cell : cells.entrySet()) {
                if (cell.getValue().equals(reference)) {
                    agreeing.merge(cell.getKey(), 1, Integer::sum);
                }
            }
            if (!same) {
                differences.add("#" + (i + 1) + " " + c.label() + ": " + cells);
            }
            report.append("| ").append(i + 1).append(" | ").append(c.label()).append(" | ")
                    .append(c.expected() == null ? "valid" : c.expected()).append(" | ");
            cells.values().forEach(v -> report.append(v).append(" | "));
            report.append(same ? "yes" : "**no**").append(" |\n");
        }
        int invalidCount = cases.size() - contractCount;
        report.append("\n| validator | contract requests found valid (of ").append(contractCount)
                .append(") | invalid ones with the broken field found (of ").append(invalidCount)
                .append(") | same findings as swagger-request-validator (of ").append(cases.size()).append(") |\n");
        report.append("|---|---|---|---|\n");
        for (Validator.Factory factory : FACTORIES) {
            report.append("| ").append(factory.name()).append(" | ")
                    .append(contractClean.getOrDefault(factory.name(), 0)).append(" | ")
                    .append(expectedFound.getOrDefault(factory.name(), 0)).append(" | ")
                    .append(agreeing.getOrDefault(factory.name(), 0)).append(" |\n");
        }
        if (!unreadable.isEmpty()) {
            report.append("\nDocuments a validator could not read: ").append(unreadable).append('\n');
        }
        report.append("\nDifferences:\n\n");
        differences.forEach(d -> report.append("- ").append(d).append('\n'));

        report.append(timing(cases.subList(0, contractCount), bound));
        report.append(footprint());

        String text = report.toString();
        System.out.println(text);
        Path out = Path.of(System.getProperty("comparison.report"));
        Files.writeString(out, text, StandardCharsets.UTF_8);

        // The reference does what the contract tests assert: every request the facade sends conforms.
        assertEquals(contractCount, contractClean.getOrDefault(AtlassianValidator.FACTORY.name(), 0),
                "swagger-request-validator found a contract request invalid");
        // Each deliberately invalid request breaks something a validator sees, or it compares nothing.
        for (Case c : cases.subList(contractCount, cases.size())) {
            boolean seen = false;
            for (Validator.Factory factory : FACTORIES) {
                Validator validator = bound.get(key(factory, c.api(), c.tightened()));
                try {
                    seen |= validator != null && validator.findings(c.request()).contains(c.expected());
                } catch (RuntimeException | LinkageError e) {
                    // Reported in the table.
                }
            }
            assertTrue(seen, "no validator found the broken field of: " + c.label());
        }
    }

    private static String key(Validator.Factory factory, String api, boolean tightened) {
        return factory.name() + "/" + api + (tightened ? "/tightened" : "");
    }

    private static List<Case> contractCases(List<ContractRequests.Request> contract) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (ContractRequests.Request r : contract) {
            String api = r.document().equals("sms.json") ? "sms" : "chatapps";
            String path = r.path().replaceFirst("\\?.*$", "");
            boolean batch = path.endsWith("/batch");
            JsonNode body = MAPPER.readTree(r.body());
            String kind = batch ? "batch of " + body.path("messages").size()
                    : api.equals("sms") ? "single" : body.path("type").asText();
            cases.add(new Case("contract: " + api + " " + kind + " (" + body.size() + " fields)", api, false,
                    new Validator.Request(batch ? BATCH : SINGLE, path, r.body()), null));
        }
        return cases;
    }

    /** Deliberately invalid requests, each from the first contract request of its kind. */
    private static List<Case> invalidCases(List<Case> contract) throws IOException {
        List<Case> cases = new ArrayList<>();
        Case sms = first(contract, "sms", SINGLE);
        Case smsBatch = first(contract, "sms", BATCH);
        Case chat = first(contract, "chatapps", SINGLE);
        Case chatBatch = first(contract, "chatapps", BATCH);
        cases.add(invalid(sms, "sms: required destination missing", "destination", false,
                b -> b.remove("destination")));
        cases.add(invalid(sms, "sms: encoding misspelt UNICODE", "encoding", false,
                b -> b.put("encoding", "UNICODE")));
        cases.add(invalid(sms, "sms: text a number", "text", false, b -> b.set("text", IntNode.valueOf(42))));
        cases.add(invalid(sms, "sms: scheduled not a date-time", "scheduled", false,
                b -> b.put("scheduled", "tomorrow")));
        cases.add(invalid(minimalSms(sms), "sms: extra field destinaton (additionalProperties false)", "destinaton",
                true, b -> b.put("destinaton", "+6512345678")));
        cases.add(invalid(minimalSms(sms), "sms: destination +12ab (pattern)", "destination", true,
                b -> b.put("destination", "+12ab")));
        cases.add(invalid(smsBatch, "sms batch: required messages missing", "messages", false,
                b -> b.remove("messages")));
        cases.add(invalid(smsBatch, "sms batch: messages an object", "messages", false,
                b -> b.set("messages", MAPPER.createObjectNode())));
        cases.add(invalid(smsBatch, "sms batch: an item's encoding misspelt", "messages.encoding", false,
                b -> ((ObjectNode) b.path("messages").path(0)).put("encoding", "UNICODE")));
        cases.add(invalid(chat, "chat: required type missing", "type", false, b -> b.remove("type")));
        cases.add(invalid(chat, "chat: type misspelt Txt", "type", false, b -> b.put("type", "Txt")));
        cases.add(invalid(chat, "chat: content a string", "content", false, b -> b.put("content", "hello")));
        cases.add(invalid(chat, "chat: user.msisdn a number", "user.msisdn", false,
                b -> ((ObjectNode) b.path("user")).set("msisdn", IntNode.valueOf(6512345))));
        cases.add(invalid(chat, "chat: dlrCallbackUrl not a URI", "dlrCallbackUrl", false,
                b -> b.put("dlrCallbackUrl", "not a url")));
        cases.add(invalid(minimalChat(chat), "chat: extra field usr (additionalProperties false)", "usr", true,
                b -> b.set("usr", MAPPER.createObjectNode().put("msisdn", "+6512345678"))));
        cases.add(invalid(minimalChat(chat), "chat: user.msisdn +12ab (pattern)", "user.msisdn", true,
                b -> ((ObjectNode) b.path("user")).set("msisdn", TextNode.valueOf("+12ab"))));
        cases.add(invalid(chatBatch, "chat batch: messages an object", "messages", false,
                b -> b.set("messages", MAPPER.createObjectNode())));
        cases.add(invalid(chatBatch, "chat batch: an item's user.msisdn a number", "messages.user.msisdn", false,
                b -> ((ObjectNode) b.path("messages").path(0).path("user")).set("msisdn", IntNode.valueOf(1))));
        return cases;
    }

    private static Case first(List<Case> cases, String api, String template) {
        return cases.stream().filter(c -> c.api().equals(api) && c.request().pathTemplate().equals(template))
                .findFirst().orElseThrow(() -> new AssertionError("no contract request " + api + " " + template));
    }

    /** The base of a tightened-document case: only fields every document declares. */
    private static Case minimalSms(Case sms) throws IOException {
        JsonNode body = MAPPER.readTree(sms.request().body());
        ObjectNode minimal = MAPPER.createObjectNode().put("destination", body.path("destination").asText())
                .put("text", body.path("text").asText());
        return withBody(sms, minimal);
    }

    private static Case minimalChat(Case chat) throws IOException {
        JsonNode body = MAPPER.readTree(chat.request().body());
        ObjectNode minimal = MAPPER.createObjectNode();
        minimal.set("user", MAPPER.createObjectNode().put("msisdn", body.path("user").path("msisdn").asText()));
        minimal.set("type", body.path("type"));
        minimal.set("content", body.path("content"));
        return withBody(chat, minimal);
    }

    private static Case withBody(Case base, JsonNode body) throws IOException {
        return new Case(base.label(), base.api(), true, new Validator.Request(base.request().pathTemplate(),
                base.request().path(), MAPPER.writeValueAsString(body)), null);
    }

    private static Case invalid(Case base, String label, String expected, boolean tightened,
            Consumer<ObjectNode> change) throws IOException {
        ObjectNode body = (ObjectNode) MAPPER.readTree(base.request().body());
        change.accept(body);
        String text = MAPPER.writeValueAsString(body);
        if (text.equals(base.request().body())) {
            throw new AssertionError("the change did nothing: " + label);
        }
        return new Case("invalid: " + label + (tightened ? " [tightened document]" : ""), base.api(), tightened,
                new Validator.Request(base.request().pathTemplate(), base.request().path(), text), expected);
    }

    private static String bundled(String file) throws IOException {
        String resource = "io/connect8x8/specs/" + file;
        try (InputStream in = ValidatorComparisonTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The document with {@code additionalProperties: false} on the single-message body schema and the live API's
     * number pattern on its number field where it has none.
     */
    private static String tighten(String api, String document) throws IOException {
        JsonNode root = MAPPER.readTree(document);
        ObjectNode body = resolve(root, root.path("paths").path(SINGLE).path("post").path("requestBody")
                .path("content").path("application/json").path("schema"));
        body.put("additionalProperties", false);
        ObjectNode number = api.equals("sms")
                ? resolve(root, body.path("properties").path("destination"))
                : resolve(root, resolve(root, body.path("properties").path("user")).path("properties")
                        .path("msisdn"));
        if (!number.has("pattern")) {
            number.put("pattern", NUMBER_PATTERN);
        }
        return MAPPER.writeValueAsString(root);
    }

    private static ObjectNode resolve(JsonNode root, JsonNode schema) {
        JsonNode node = schema;
        while (node.has("$ref")) {
            String pointer = node.get("$ref").asText().substring(1).replace("%7B", "{").replace("%7D", "}");
            node = root.at(pointer);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalStateException("no schema object at " + schema);
        }
        return object;
    }

    /**
     * Time per validation of the contract requests, each validator in turn in every round (warm-up rounds first,
     * for the JIT; {@code -Dcomparison.warmup} and {@code -Dcomparison.rounds} set how many), per API, as a ratio
     * to swagger-request-validator's: a figure, not an assertion (the machine's other load slows all three alike,
     * as they alternate).
     */
    private static String timing(List<Case> contract, Map<String, Validator> bound) {
        // 100 rounds of each is a test suite's scale; the JIT keeps speeding swagger-request-validator up for tens
        // of thousands of validations (sandbox README, "Benchmark"): -Dcomparison.warmup=3000 measures that state.
        int warmUp = Integer.getInteger("comparison.warmup");
        int rounds = Integer.getInteger("comparison.rounds");
        Map<String, Long> nanos = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        long sink = 0;
        for (int round = 0; round < warmUp + rounds; round++) {
            for (Validator.Factory factory : FACTORIES) {
                for (Case c : contract) {
                    Validator validator = bound.get(key(factory, c.api(), false));
                    if (validator == null) {
                        continue;
                    }
                    long start = System.nanoTime();
                    sink += validator.findings(c.request()).size();
                    long spent = System.nanoTime() - start;
                    if (round >= warmUp) {
                        nanos.merge(factory.name() + "/" + c.api(), spent, Long::sum);
                        counts.merge(factory.name() + "/" + c.api(), 1, Integer::sum);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder("\nTime per validation of the " + contract.size()
                + " contract requests (" + warmUp + " warm-up rounds, then " + rounds + " measured; findings "
                + sink + "), microseconds:\n\n| validator | SMS | Messaging Apps | all | ratio to "
                + AtlassianValidator.FACTORY.name() + " |\n|---|---|---|---|---|\n");
        double reference = total(nanos, AtlassianValidator.FACTORY.name());
        for (Validator.Factory factory : FACTORIES) {
            String name = factory.name();
            int all = counts.getOrDefault(name + "/sms", 0) + counts.getOrDefault(name + "/chatapps", 0);
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.2f |%n", name,
                    micros(nanos, counts, name + "/sms"), micros(nanos, counts, name + "/chatapps"),
                    total(nanos, name) / 1000.0 / Math.max(all, 1), total(nanos, name) / reference));
        }
        return out.toString();
    }

    private static double total(Map<String, Long> nanos, String name) {
        return nanos.getOrDefault(name + "/sms", 0L) + nanos.getOrDefault(name + "/chatapps", 0L);
    }

    private static double micros(Map<String, Long> nanos, Map<String, Integer> counts, String key) {
        return nanos.getOrDefault(key, 0L) / 1000.0 / Math.max(counts.getOrDefault(key, 0), 1);
    }

    /** Each validator's jars in a user's test scope, from this module's verbose dependency tree. */
    private static String footprint() throws IOException {
        Footprint tree = Footprint.read(Path.of(System.getProperty("comparison.tree")),
                Path.of(System.getProperty("comparison.repository")));
        String sandbox = "io.connect8x8:connect8x8-sandbox:jar";
        String facade = "io.connect8x8:connect8x8-facade:jar";
        String atlassian = "com.atlassian.oai:swagger-request-validator-core:jar";
        Set<String> facadeJars = tree.closure(List.of(facade), Set.of());
        Set<String> sandboxJars = tree.closure(List.of(sandbox), Set.of());
        Set<String> sandboxWithoutValidator = tree.closure(List.of(sandbox), Set.of(atlassian));
        Map<String, String> candidates = new LinkedHashMap<>();
        candidates.put(AtlassianValidator.FACTORY.name(), atlassian);
        candidates.put(Openapi4jValidator.FACTORY.name(), "org.openapi4j:openapi-operation-validator:jar");
        candidates.put(NetworkntValidator.FACTORY.name(), "com.networknt:json-schema-validator:jar");

        StringBuilder out = new StringBuilder("\nFootprint in a user's test scope (jars besides the facade's "
                + facadeJars.size() + "; connect8x8's own jars not counted in MB):\n\n"
                + "| validator | its jars | MB | of them already in the tree without it | the sandbox with it: jars "
                + "(its own included) | MB | its newest class file |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, String> candidate : candidates.entrySet()) {
            Set<String> own = tree.closure(List.of(candidate.getValue()), Set.of());
            Set<String> shared = new TreeSet<>(own);
            shared.retainAll(sandboxWithoutValidator);
            shared.addAll(intersect(own, facadeJars));
            Set<String> withIt = new TreeSet<>(sandboxWithoutValidator);
            withIt.addAll(own);
            withIt.removeAll(facadeJars);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %d | %d | %.1f | %s |%n", candidate.getKey(),
                    own.size(), megabytes(tree, own), shared.size(), withIt.size(), megabytes(tree, withIt),
                    newestEntry(tree, candidate.getValue())));
            out.append("|  ").append(" | ").append(String.join(" ", shortNames(own))).append(" | | | | | |\n");
        }
        Set<String> current = new TreeSet<>(sandboxJars);
        current.removeAll(facadeJars);
        if (!current.equals(withValidator(sandboxWithoutValidator, tree.closure(List.of(atlassian), Set.of()),
                facadeJars))) {
            throw new AssertionError("the sandbox's tree is not its validator's plus the rest: " + current);
        }
        return out.toString();
    }

    private static Set<String> withValidator(Set<String> rest, Set<String> validator, Set<String> facade) {
        Set<String> all = new TreeSet<>(rest);
        all.addAll(validator);
        all.removeAll(facade);
        return all;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static List<String> shortNames(Set<String> keys) {
        return keys.stream().map(k -> k.split(":")[1]).toList();
    }

    private static double megabytes(Footprint tree, Set<String> keys) throws IOException {
        long bytes = 0;
        for (String key : keys) {
            if (!key.startsWith("io.connect8x8:")) {
                bytes += tree.bytes(key);
            }
        }
        return bytes / 1_000_000.0;
    }

    /** When the library was last built, read from its jar: the newest time of a class file in it. */
    private static String newestEntry(Footprint tree, String key) throws IOException {
        String[] parts = key.split(":");
        Path jar = Path.of(System.getProperty("comparison.repository"), parts[0].replace('.', '/'), parts[1]);
        try (var versions = Files.list(jar)) {
            Path dir = versions.filter(Files::isDirectory).findFirst().orElseThrow();
            try (ZipFile zip = new ZipFile(dir.resolve(parts[1] + "-" + dir.getFileName() + ".jar").toFile())) {
                FileTime newest = zip.stream().filter(e -> e.getName().endsWith(".class"))
                        .map(ZipEntry::getLastModifiedTime).max(FileTime::compareTo).orElseThrow();
                return LocalDate.ofInstant(newest.toInstant(), ZoneOffset.UTC).toString();
            }
        }
    }
}
