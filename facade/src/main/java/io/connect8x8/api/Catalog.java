package io.connect8x8.api;

import static io.connect8x8.internal.Json.string;
import static io.connect8x8.internal.ResponseReader.object;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations of every generated artifact on a class loader, read once from each artifact's {@value #RESOURCE}
 * and the prepared OpenAPI documents it names. Immutable once read.
 */
final class Catalog {

    /** The index every generated artifact carries (the build writes it). */
    static final String RESOURCE = "META-INF/connect8x8/apis.properties";

    /** The artifact built from 8x8's complete documents. */
    static final String PUBLISHED_ARTIFACT = "connect8x8-generated-published";

    /** What an index written before it named its artifact holds. */
    private static final String DEFAULT_ARTIFACT = "connect8x8-generated-client";

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Map<ClassLoader, Catalog> CACHE = new ConcurrentHashMap<>();

    /** One document of one artifact: spec set, key, host key, generated API class, resource, artifact, loader. */
    record Document(String set, String key, String host, String apiClass, String resource, String artifact,
                    ClassLoader loader) {
    }

    /** One operation, its document, and whether the document answers with a redirect (a download) to follow. */
    record Entry(OperationInfo info, Document document, boolean redirects) {
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
                                p.getProperty(key.trim() + ".document", "").trim(),
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
                    entries.addAll(operations(d, JsonParser.parseReader(new InputStreamReader(in,
                            StandardCharsets.UTF_8)).getAsJsonObject()));
                }
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("the prepared document " + d.resource() + " is unreadable", e);
            }
        }
        return new Catalog(entries);
    }

    private static List<Entry> operations(Document d, JsonObject doc) {
        List<Entry> list = new ArrayList<>();
        for (Map.Entry<String, JsonElement> path : object(doc, "paths").entrySet()) {
            JsonObject item = resolve(doc, path.getValue());
            for (String method : METHODS) {
                JsonObject op = resolve(doc, item.get(method));
                if (string(op, "operationId") != null) {
                    list.add(entry(d, doc, item, op, method, path.getKey()));
                }
            }
        }
        return list;
    }

    private static Entry entry(Document d, JsonObject doc, JsonObject item, JsonObject op, String method,
                               String path) {
        Map<String, ParameterInfo> params = new LinkedHashMap<>();
        addParameters(doc, item.get("parameters"), params);
        addParameters(doc, op.get("parameters"), params);
        JsonObject body = resolve(doc, op.get("requestBody"));
        boolean bodyRequired = body.has("required") && body.get("required").getAsBoolean();
        JsonObject content = object(body, "content");
        String contentType = content.keySet().stream().findFirst().orElse(null);
        if (contentType != null && contentType.matches("multipart/.*|application/x-www-form-urlencoded.*")) {
            addFormFields(doc, resolve(doc, object(content, contentType).get("schema")), params);
        }
        OperationInfo info = new OperationInfo(string(op, "operationId"), d.key(), d.set(), d.artifact(), d.host(),
                method.toUpperCase(Locale.ROOT), path, List.copyOf(params.values()), contentType, bodyRequired,
                Objects.requireNonNullElse(string(op, "summary"), ""));
        boolean redirects = "get".equals(method)
                && object(op, "responses").keySet().stream().anyMatch(status -> status.startsWith("3"));
        return new Entry(info, d, redirects);
    }

    private static void addParameters(JsonObject doc, JsonElement parameters, Map<String, ParameterInfo> into) {
        if (parameters != null && parameters.isJsonArray()) {
            for (JsonElement e : parameters.getAsJsonArray()) {
                JsonObject p = resolve(doc, e);
                String in = string(p, "in");
                if (string(p, "name") != null && in != null) {
                    boolean required = "path".equals(in) || p.has("required") && p.get("required").getAsBoolean();
                    into.put(in + ":" + string(p, "name"), new ParameterInfo(string(p, "name"), in, required,
                            type(resolve(doc, p.get("schema"))), firstSentence(string(p, "description"))));
                }
            }
        }
    }

    private static void addFormFields(JsonObject doc, JsonObject schema, Map<String, ParameterInfo> into) {
        Set<String> required = new HashSet<>();
        if (schema.get("required") != null && schema.get("required").isJsonArray()) {
            schema.getAsJsonArray("required").forEach(n -> required.add(n.getAsString()));
        }
        for (Map.Entry<String, JsonElement> field : object(schema, "properties").entrySet()) {
            JsonObject s = resolve(doc, field.getValue());
            into.put("form:" + field.getKey(), new ParameterInfo(field.getKey(), "form",
                    required.contains(field.getKey()), "binary".equals(string(s, "format")) ? "file" : type(s),
                    firstSentence(string(s, "description"))));
        }
    }

    /** The schema's type; OpenAPI 3.1's {@code ["string", "null"]} is {@code string}. */
    private static String type(JsonObject schema) {
        JsonElement type = schema.get("type");
        if (type != null && type.isJsonArray()) {
            for (JsonElement t : type.getAsJsonArray()) {
                if (!"null".equals(t.getAsString())) {
                    return t.getAsString();
                }
            }
        }
        return type != null && type.isJsonPrimitive() ? type.getAsString() : "string";
    }

    private static String firstSentence(String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        int end = line.indexOf(". ");
        line = end < 0 ? line : line.substring(0, end + 1);
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    /** An object, following a local {@code $ref}; an empty object for anything else. */
    private static JsonObject resolve(JsonObject doc, JsonElement element) {
        JsonElement e = element;
        for (int depth = 0; depth < 20 && e != null && e.isJsonObject() && e.getAsJsonObject().has("$ref"); depth++) {
            String ref = e.getAsJsonObject().get("$ref").getAsString();
            e = ref.startsWith("#/") ? doc : null;
            for (String token : ref.substring(Math.min(2, ref.length())).split("/")) {
                String name = URLDecoder.decode(token, StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
                e = e != null && e.isJsonObject() ? e.getAsJsonObject().get(name) : null;
            }
        }
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }
}
