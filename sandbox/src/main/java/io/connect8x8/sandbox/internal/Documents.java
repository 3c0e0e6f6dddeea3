package io.connect8x8.sandbox.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The OpenAPI documents on the class path, found once per JVM: the spec set the generated client was built from
 * ({@code io/connect8x8/specs/}, origin {@code set}) and, when the {@code connect8x8-generated-published} artifact is
 * there too, 8x8's complete documents ({@code io/connect8x8/specs/published/}, origin {@code published}).
 *
 * <p>The rule for which document serves a request: the operations of the set's documents come first, so a send is
 * validated against the document the facade's send mapping was compiled from; an operation only the published
 * artifact has is served and validated from that artifact's document. The sends' two documents are parsed first, in
 * parallel, on background threads; the others after them; a request waits only for the documents it needs.
 */
public final class Documents {

    /** Where each document key is served: the first path segment of the simulator's base URLs. */
    private static final Map<String, String> HOSTS = Map.of("sms", "sms", "messaging-apps", "chatapps",
            "verification", "verify");
    private static final String SET = "io/connect8x8/specs/";
    private static final String PUBLISHED = "io/connect8x8/specs/published/";
    /**
     * The longest swagger-parser's parse of the documents waits for the first answered send (or a request that needs
     * it) before it starts: long, as only an idle simulator reaches it, and a start slowed down by a busy machine
     * should not have the parse compete with its first answer.
     */
    private static final int OTHERS_DELAY_SECONDS = 30;
    /** How long after the first answered send the parse starts (unless a request needs it sooner). */
    private static final long AFTER_FIRST_ANSWER_MILLIS = 1_000;
    /** The documents of the two sends, which the fast path validates against. */
    private static final java.util.Set<String> SENDS = java.util.Set.of("sms", "messaging-apps");

    private static volatile Documents shared;

    private final Map<String, CompletableFuture<List<Document>>> byHost = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Document>> setDocuments = new LinkedHashMap<>();
    /** The sends' documents of the set as plain JSON, read at once (the fast path's source). */
    private final Map<String, CompletableFuture<JsonNode>> sendTrees = new LinkedHashMap<>();
    /**
     * Opened by the first request that needs a parsed document (an operation other than a send, or a body the sends'
     * fast path cannot vouch for).
     */
    private final java.util.concurrent.CountDownLatch others = new java.util.concurrent.CountDownLatch(1);
    /** Set by the first answered send: the parse starts {@link #AFTER_FIRST_ANSWER_MILLIS} later. */
    private volatile boolean answered;

    private Documents(List<Source> sources) {
        Map<String, List<CompletableFuture<Document>>> loading = new LinkedHashMap<>();
        List<Runnable> sends = new ArrayList<>();
        List<CompletableFuture<Document>> sendDocuments = new ArrayList<>();
        List<Runnable> later = new ArrayList<>();
        for (Source source : sources) {
            CompletableFuture<Document> document = new CompletableFuture<>();
            Runnable load = () -> {
                try {
                    document.complete(Document.load(source));
                } catch (RuntimeException | Error e) {
                    document.completeExceptionally(e);
                }
            };
            if (!source.published && SENDS.contains(source.key)) {
                // The sends' documents as JSON at once, in parallel: the first send's fast path needs only that.
                CompletableFuture<JsonNode> tree = new CompletableFuture<>();
                start(() -> {
                    try {
                        tree.complete(Json.MAPPER.readTree(text(source)));
                    } catch (IOException | RuntimeException | Error e) {
                        tree.completeExceptionally(e);
                    }
                }, "sandbox-spec-reader-" + source.key);
                sendTrees.putIfAbsent(source.key, tree);
                sends.add(load);
                sendDocuments.add(document);
            } else {
                later.add(load);
            }
            loading.computeIfAbsent(source.host, host -> new ArrayList<>()).add(document);
            if (!source.published) {
                setDocuments.putIfAbsent(source.key, document);
            }
        }
        // swagger-parser's models (and the validator library with them) wait for a request that needs them, or a
        // second after the first answered send, or OTHERS_DELAY_SECONDS: loading them takes about a second of CPU,
        // which a cold start's first answers do not need. Then the sends' documents in parallel with the validator's warm-up, and
        // the others (the published artifact's, the set's Verification document) one after the other.
        start(() -> {
            try {
                awaitParseTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            start(() -> {
                try {
                    SchemaLibrary.warmUp();
                } catch (RuntimeException | LinkageError e) {
                    // Only a head start: the first body the library judges loads whatever this did not.
                }
            }, "sandbox-validator-warm-up");
            for (int i = 0; i < sends.size(); i++) {
                start(sends.get(i), "sandbox-spec-loader-" + i);
            }
            sendDocuments.forEach(document -> document.exceptionally(failed -> null).join());
            later.forEach(Runnable::run);
        }, "sandbox-spec-loader");
        loading.forEach((host, futures) -> byHost.put(host,
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                        .thenApply(done -> futures.stream().map(CompletableFuture::join).toList())));
    }

    /** A document's text, from the class path. */
    private static String text(Source source) throws IOException {
        try (InputStream in = Documents.class.getClassLoader().getResourceAsStream(source.resource)) {
            if (in == null) {
                throw new IllegalStateException("spec missing from the class path: " + source.resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void start(Runnable task, String name) {
        Thread loader = new Thread(task, name);
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * The documents of the class path, loading in the background on first call (a cold JVM needs about a second to
     * load the parser and validator classes; {@code start()} does not wait for them).
     *
     * @return the shared documents
     */
    public static Documents shared() {
        Documents documents = shared;
        if (documents == null) {
            synchronized (Documents.class) {
                documents = shared;
                if (documents == null) {
                    documents = new Documents(discover());
                    shared = documents;
                }
            }
        }
        return documents;
    }

    /**
     * The documents of one host, set first, then published; empty when the class path has none for it.
     *
     * @param host {@code sms}, {@code chatapps} or {@code verify}
     * @return the loaded documents (waits for them)
     */
    List<Document> of(String host) {
        others.countDown();
        CompletableFuture<List<Document>> documents = byHost.get(host);
        return documents == null ? List.of() : documents.join();
    }

    /**
     * Waits until a request needs the parsed documents, or {@link #AFTER_FIRST_ANSWER_MILLIS} after the first answered
     * send (so that the parse does not compete with the sends right after a cold start's first answer), or
     * {@link #OTHERS_DELAY_SECONDS}, whichever comes first.
     */
    private void awaitParseTime() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(OTHERS_DELAY_SECONDS);
        while (!answered) {
            long left = deadline - System.nanoTime();
            // Polls for the first answer (a send path that only writes a volatile); a needing request opens at once.
            if (left <= 0 || others.await(Math.min(left, 50_000_000L), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                return;
            }
        }
        others.await(AFTER_FIRST_ANSWER_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Lets the documents load soon: called after each answered send (a volatile read once set). */
    void sendAnswered() {
        if (!answered) {
            answered = true;
        }
    }

    /** Starts parsing the documents now, for a request that needs one: called before waiting for it. */
    void parseNow() {
        others.countDown();
    }

    /**
     * A send document of the set as plain JSON, as soon as it is read (swagger-parser's model comes later, from
     * {@link #setDocumentAsync}).
     *
     * @param key {@code sms} or {@code messaging-apps}
     * @return the tree, or a failed future when the class path lacks it
     */
    CompletableFuture<JsonNode> sendTreeAsync(String key) {
        CompletableFuture<JsonNode> tree = sendTrees.get(key);
        return tree != null ? tree : CompletableFuture.failedFuture(new IllegalStateException(
                "bundled spec missing from the class path: " + SET + key + ".json"));
    }

    /**
     * The set's document of a key, as soon as that document alone is parsed (which waits for the first answered
     * send or {@link #parseNow}).
     *
     * @param key e.g. {@code sms}
     * @return the document, or a failed future when the class path lacks it
     */
    CompletableFuture<Document> setDocumentAsync(String key) {
        CompletableFuture<Document> document = setDocuments.get(key);
        return document != null ? document : CompletableFuture.failedFuture(new IllegalStateException(
                "bundled spec missing from the class path: " + SET + key + ".json"));
    }

    /**
     * Returns the hosts with at least one document.
     *
     * @return the hosts with at least one document
     */
    List<String> hosts() {
        return List.copyOf(byHost.keySet());
    }

    /**
     * Returns every document found, in serving order (set before published), waiting for them to load.
     *
     * @return every document found
     */
    public List<Document> all() {
        List<Document> all = new ArrayList<>();
        byHost.keySet().forEach(host -> all.addAll(of(host)));
        return all;
    }

    /**
     * The operations of every document as {@code host:operationId}, without repeats, in serving order.
     *
     * @return the operation names
     */
    public List<String> operationNames() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        all().forEach(document -> document.operations.forEach(operation ->
                names.add(document.host + ":" + operation.id)));
        return List.copyOf(names);
    }

    /** Reads the artifacts' operation indexes, then looks for the documents under their fixed names. */
    private static List<Source> discover() {
        Map<String, Source> found = new LinkedHashMap<>();
        ClassLoader loader = Documents.class.getClassLoader();
        try {
            Enumeration<URL> indexes = loader.getResources("META-INF/connect8x8/apis.properties");
            while (indexes.hasMoreElements()) {
                Properties index = new Properties();
                try (InputStream in = indexes.nextElement().openStream()) {
                    index.load(in);
                }
                for (String key : index.getProperty("documents", "").split(",")) {
                    String resource = index.getProperty(key.trim() + ".document");
                    String host = hostName(index.getProperty(key.trim() + ".host"), key.trim());
                    if (resource != null && host != null && loader.getResource(resource) != null) {
                        found.putIfAbsent(resource, new Source(key.trim(), host, resource,
                                resource.startsWith(PUBLISHED)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String prefix : List.of(SET, PUBLISHED)) {
            for (String key : List.of("sms", "messaging-apps", "verification")) {
                String resource = prefix + key + ".json";
                if (loader.getResource(resource) != null) {
                    found.putIfAbsent(resource, new Source(key, HOSTS.get(key), resource, prefix.equals(PUBLISHED)));
                }
            }
        }
        List<Source> ordered = new ArrayList<>(found.values().stream().filter(source -> !source.published).toList());
        ordered.addAll(found.values().stream().filter(source -> source.published).toList());
        return ordered;
    }

    private static String hostName(String configured, String key) {
        if ("verify".equals(configured) || "sms".equals(configured) || "chatapps".equals(configured)) {
            return configured;
        }
        return HOSTS.get(key);
    }

    /** Where a document is on the class path. */
    private record Source(String key, String host, String resource, boolean published) {
    }

    /** One parsed document: its model, its JSON, its operations and a validator for whole requests. */
    public static final class Document {

        final String key;
        final String host;
        final String resource;
        final boolean published;
        final OpenAPI api;
        final JsonNode tree;
        final List<Operation> operations;
        private volatile OpenApiInteractionValidator interactions;

        private Document(Source source, OpenAPI api, JsonNode tree) {
            this.key = source.key;
            this.host = source.host;
            this.resource = source.resource;
            this.published = source.published;
            this.api = api;
            this.tree = tree;
            this.operations = Operation.all(this);
        }

        static Document load(Source source) {
            try {
                String text = text(source);
                ParseOptions options = new ParseOptions();
                options.setResolve(true);
                options.setResolveFully(true);
                OpenAPI api = new OpenAPIV3Parser().readContents(text, null, options).getOpenAPI();
                if (api == null) {
                    throw new IllegalStateException("spec does not parse: " + source.resource);
                }
                return new Document(source, api, Json.MAPPER.readTree(text));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Returns the document key, e.g. {@code sms}.
         *
         * @return the document key
         */
        public String key() {
            return key;
        }

        /**
         * Returns whether it came from the published artifact.
         *
         * @return whether it came from the published artifact
         */
        public boolean published() {
            return published;
        }

        /**
         * Returns the parsed model.
         *
         * @return the parsed model
         */
        public OpenAPI api() {
            return api;
        }

        /**
         * Returns the operations.
         *
         * @return the operations
         */
        public List<Operation> operations() {
            return operations;
        }

        /**
         * The validator of whole interactions (path and query parameters, Content-Type, body; and responses), built
         * on first use: only the operations other than the sends use it, and the tests that check answers.
         *
         * @return the validator
         */
        public OpenApiInteractionValidator interactions() {
            OpenApiInteractionValidator validator = interactions;
            if (validator == null) {
                synchronized (this) {
                    validator = interactions;
                    if (validator == null) {
                        validator = OpenApiInteractionValidator.createFor(api)
                                .withLevelResolver(LevelResolver.create()
                                        // Authentication is the router's (the simulator's keys, not the document's).
                                        .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                                        // As for sends: the documents leave out fields the live API has.
                                        .withLevel("validation.schema.additionalProperties",
                                                ValidationReport.Level.IGNORE)
                                        .withLevel("validation.request.body.schema.additionalProperties",
                                                ValidationReport.Level.IGNORE)
                                        .withLevel("validation.response.body.schema.additionalProperties",
                                                ValidationReport.Level.IGNORE)
                                        .build())
                                .build();
                        interactions = validator;
                    }
                }
            }
            return validator;
        }
    }
}
