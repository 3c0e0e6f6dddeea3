package io.connect8x8.api;

import static io.connect8x8.internal.ResponseReader.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations of every generated artifact on a class loader, read once from each artifact's {@value #RESOURCE}
 * and the operation index of each document it names (the build resolves the documents). Immutable once read.
 */
final class Catalog {

    /** The index every generated artifact carries (the build writes it). */
    static final String RESOURCE = "META-INF/connect8x8/apis.properties";

    /** The artifact built from 8x8's complete documents. */
    static final String PUBLISHED_ARTIFACT = "connect8x8-generated-published";

    /** What an index written before it named its artifact holds. */
    private static final String DEFAULT_ARTIFACT = "connect8x8-generated-client";

    private static final Map<ClassLoader, Catalog> CACHE = new ConcurrentHashMap<>();

    /** One document of one artifact: spec set, key, host key, generated API class, its index, artifact, loader. */
    record Document(String set, String key, String host, String apiClass, String resource, String artifact,
                    ClassLoader loader) {
    }

    /** One operation, its document, whether it answers with a redirect (a download), its parameters' constraints. */
    record Entry(OperationInfo info, Document document, boolean redirects, Map<String, Bound.Limits> constraints) {
    }

    private final List<Entry> entries;
    private final List<OperationInfo> infos;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Set<String> artifacts = new TreeSet<>();
    private final Set<String> sets = new HashSet<>();

    private Catalog(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.infos = entries.stream().map(Entry::info).toList();
        for (Entry e : entries) {
            artifacts.add(e.document().artifact());
            sets.add(e.document().set());
            OperationInfo info = e.info();
            // The first artifact wins a plain id: published sorts first, as the complete one.
            byId.putIfAbsent(info.operationId(), e);
            byId.putIfAbsent(info.qualifiedId(), e);
            byId.putIfAbsent(info.set() + ":" + info.qualifiedId(), e);
        }
    }

    /** The catalog of a class loader, read at the first use. */
    static Catalog of(ClassLoader loader) {
        return CACHE.computeIfAbsent(loader, Catalog::read);
    }

    /** The catalog of the thread's context class loader, else the facade's. */
    static Catalog current() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return of(context != null ? context : Catalog.class.getClassLoader());
    }

    List<OperationInfo> operations() {
        return infos;
    }

    List<Entry> entries() {
        return entries;
    }

    boolean has(String id) {
        return byId.containsKey(id);
    }

    /** An operation by its id, {@code document:id} or {@code set:document:id}; else the failure naming it. */
    Entry find(String id) {
        Entry entry = byId.get(id);
        if (entry != null) {
            return entry;
        }
        // The complete documents may be in any artifact (the default one built with -Dspecs=published).
        String where = sets.contains("published")
                ? "; `connect8x8 api --list` lists the operations there are"
                : "; 8x8's complete SMS, Messaging Apps and Verification documents ship as io.connect8x8:"
                        + PUBLISHED_ARTIFACT + ": add that dependency (its version is in connect8x8-bom)";
        throw new OperationNotFoundException(id, "operation '" + id + "' is not in the generated artifacts on the "
                + "class path (" + (artifacts.isEmpty() ? "no generated artifact" : String.join(", ", artifacts))
                + ", " + infos.size() + " operations)" + where);
    }

    private static Catalog read(ClassLoader loader) {
        List<Document> documents = new ArrayList<>();
        Set<String> apiClasses = new HashSet<>();
        try {
            Enumeration<URL> indexes = loader.getResources(RESOURCE);
            while (indexes.hasMoreElements()) {
                Properties p = new Properties();
                try (InputStream in = indexes.nextElement().openStream()) {
                    p.load(in);
                }
                for (String key : p.getProperty("documents", "").split(",")) {
                    String api = p.getProperty(key.trim() + ".api", "").trim();
                    if (!api.isEmpty() && apiClasses.add(api)) {
                        documents.add(new Document(p.getProperty("set", "guides").trim(), key.trim(),
                                p.getProperty(key.trim() + ".host", "sms").trim(), api,
                                p.getProperty(key.trim() + ".operations", "").trim(),
                                p.getProperty("artifact", DEFAULT_ARTIFACT).trim(), loader));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading " + RESOURCE + " failed", e);
        }
        documents.sort(Comparator.comparing((Document d) -> !"published".equals(d.set())));
        List<Entry> entries = new ArrayList<>();
        for (Document d : documents) {
            try (InputStream in = loader.getResourceAsStream(d.resource())) {
                if (in != null) {
                    JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonArray()
                            .forEach(e -> entries.add(entry(d, e.getAsJsonObject())));
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("the operation index " + d.resource() + " is unreadable", e);
            }
        }
        return new Catalog(entries);
    }

    /** One operation of the index the build wrote from the prepared document (spec-tools' OperationIndex). */
    private static Entry entry(Document d, JsonObject op) {
        List<ParameterInfo> params = new ArrayList<>();
        Map<String, Bound.Limits> constraints = new HashMap<>();
        for (JsonElement e : op.getAsJsonArray("parameters")) {
            JsonObject p = e.getAsJsonObject();
            constraints.put(string(p, "name"),
                    p.has("constraints") ? Bound.Limits.of(p.getAsJsonObject("constraints")) : null);
            params.add(new ParameterInfo(string(p, "name"), string(p, "in"), p.get("required").getAsBoolean(),
                    string(p, "type"), string(p, "description")));
        }
        OperationInfo info = new OperationInfo(string(op, "operationId"), d.key(), d.set(), d.artifact(), d.host(),
                string(op, "method"), string(op, "path"), List.copyOf(params), string(op, "bodyContentType"),
                op.get("bodyRequired").getAsBoolean(), string(op, "summary"));
        return new Entry(info, d, op.get("redirects").getAsBoolean(), constraints);
    }
}
