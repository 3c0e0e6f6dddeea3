package io.connect8x8.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations of every generated artifact on a class loader, read once from each artifact's
 * {@value #RESOURCE} and the prepared OpenAPI documents it names. Nothing here is written per operation: ids,
 * methods, paths and parameters all come from the documents. Immutable once read.
 */
final class Catalog {

    /** The index every generated artifact carries (the build writes it). */
    static final String RESOURCE = "META-INF/connect8x8/apis.properties";

    /** The artifact built from 8x8's complete documents. */
    static final String PUBLISHED_ARTIFACT = "connect8x8-generated-published";

    private static final String DEFAULT_ARTIFACT = "connect8x8-generated-client";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Map<ClassLoader, Catalog> CACHE = new ConcurrentHashMap<>();

    /**
     * One document of one artifact.
     *
     * @param set the spec set
     * @param key the document's key
     * @param host the configured base URL it goes to
     * @param apiClass the generated API class's name
     * @param resource the prepared document on the class path
     * @param artifact the Maven artifact
     * @param loader where its classes are
     */
    record Document(String set, String key, String host, String apiClass, String resource, String artifact,
                    ClassLoader loader) {
    }

    /**
     * One operation and the document it is in.
     *
     * @param info what the document declares
     * @param document the document
     * @param generatorOrder the parameters' names ({@code body} for a JSON body) in the order the generator gives
     *     its methods' parameters: the operation's own, then the path's, then form fields or the body, required ones
     *     first (openapi-generator's sortParamsByRequiredFlag); used only for classes compiled without -parameters
     */
    record Entry(OperationInfo info, Document document, List<String> generatorOrder) {
    }

    private final List<Entry> entries;
    private final List<OperationInfo> infos;
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final Set<String> artifacts = new HashSet<>();

    private Catalog(List<Entry> entries) {
        this.entries = entries;
        List<OperationInfo> list = new ArrayList<>();
        for (Entry e : entries) {
            list.add(e.info());
            artifacts.add(e.document().artifact());
            OperationInfo info = e.info();
            // The first artifact wins a plain id: published sorts first, as the complete one.
            byId.putIfAbsent(info.operationId(), e);
            byId.putIfAbsent(info.qualifiedId(), e);
            byId.putIfAbsent(info.set() + ":" + info.qualifiedId(), e);
        }
        this.infos = Collections.unmodifiableList(list);
    }

    /**
     * The catalog of a class loader, read at the first use.
     *
     * @param loader the loader
     * @return the catalog
     */
    static Catalog of(ClassLoader loader) {
        return CACHE.computeIfAbsent(loader, Catalog::read);
    }

    /**
     * The catalog of the thread's context class loader, else the facade's.
     *
     * @return the catalog
     */
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

    /**
     * An operation by its id, {@code document:id} or {@code set:document:id}.
     *
     * @param id the id
     * @return the entry
     * @throws OperationNotFoundException naming the operation and where it is
     */
    Entry find(String id) {
        Entry entry = byId.get(id);
        if (entry == null) {
            throw notFound(id);
        }
        return entry;
    }

    /** Whether an operation is present. */
    boolean has(String id) {
        return byId.containsKey(id);
    }

    OperationNotFoundException notFound(String id) {
        String present = artifacts.isEmpty() ? "no generated artifact" : String.join(", ", new java.util.TreeSet<>(
                artifacts));
        String where = artifacts.contains(PUBLISHED_ARTIFACT)
                ? "; `connect8x8 api --list` lists the operations there are"
                : "; 8x8's complete SMS, Messaging Apps and Verification documents ship as io.connect8x8:"
                        + PUBLISHED_ARTIFACT + ": add that dependency (its version is in connect8x8-bom)";
        return new OperationNotFoundException(id, "operation '" + id + "' is not in the generated artifacts on the "
                + "class path (" + present + ", " + infos.size() + " operations)" + where);
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
                String set = p.getProperty("set", "guides").trim();
                for (String key : p.getProperty("documents", "").split(",")) {
                    key = key.trim();
                    String api = p.getProperty(key + ".api");
                    if (key.isEmpty() || api == null || !apiClasses.add(api.trim())) {
                        continue;
                    }
                    documents.add(new Document(set, key, p.getProperty(key + ".host", "sms").trim(), api.trim(),
                            p.getProperty(key + ".document", "").trim(), artifactOf(api.trim()), loader));
                }
            }
            if (documents.isEmpty()) {
                documents.addAll(defaultArtifact(loader));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading " + RESOURCE + " failed", e);
        }
        documents.sort(Comparator.comparing((Document d) -> !"published".equals(d.set())));
        List<Entry> entries = new ArrayList<>();
        for (Document d : documents) {
            JsonObject doc = load(loader, d.resource());
            if (doc != null) {
                entries.addAll(operations(d, doc));
            }
        }
        return new Catalog(Collections.unmodifiableList(entries));
    }

    /** The default artifact before the build wrote its index: its two documents where it has always put them. */
    private static List<Document> defaultArtifact(ClassLoader loader) throws IOException {
        Properties p = new Properties();
        try (InputStream in = loader.getResourceAsStream("io/connect8x8/specs/spec-set.properties")) {
            if (in == null) {
                return List.of();
            }
            p.load(in);
        }
        String set = p.getProperty("set", "guides");
        return List.of(
                new Document(set, "sms", "sms", "io.connect8x8.generated.sms.api.SmsApi", "io/connect8x8/specs/sms.json",
                        DEFAULT_ARTIFACT, loader),
                new Document(set, "messaging-apps", "chatapps", "io.connect8x8.generated.messaging.api.MessagingApi",
                        "io/connect8x8/specs/messaging-apps.json", DEFAULT_ARTIFACT, loader));
    }

    private static String artifactOf(String apiClass) {
        return apiClass.startsWith("io.connect8x8.generated.published.") ? PUBLISHED_ARTIFACT : DEFAULT_ARTIFACT;
    }

    private static JsonObject load(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return JsonParser.parseReader(reader).getAsJsonObject();
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the prepared document " + resource + " is unreadable", e);
        }
    }

    private static List<Entry> operations(Document d, JsonObject doc) {
        List<Entry> list = new ArrayList<>();
        JsonObject paths = object(doc, "paths");
        for (Map.Entry<String, JsonElement> path : paths.entrySet()) {
            JsonObject item = resolve(doc, path.getValue());
            for (String method : METHODS) {
                if (!item.has(method)) {
                    continue;
                }
                JsonObject op = resolve(doc, item.get(method));
                String id = string(op, "operationId");
                if (id == null) {
                    continue;
                }
                Map<String, ParameterInfo> params = new LinkedHashMap<>();
                addParameters(doc, item.get("parameters"), params);
                addParameters(doc, op.get("parameters"), params);
                Map<String, ParameterInfo> generatorOrder = new LinkedHashMap<>();
                addParameters(doc, op.get("parameters"), generatorOrder);
                params.forEach(generatorOrder::putIfAbsent);
                String contentType = null;
                boolean bodyRequired = false;
                if (op.has("requestBody")) {
                    JsonObject body = resolve(doc, op.get("requestBody"));
                    bodyRequired = body.has("required") && body.get("required").getAsBoolean();
                    JsonObject content = object(body, "content");
                    if (!content.keySet().isEmpty()) {
                        contentType = content.keySet().iterator().next();
                        if (contentType.startsWith("multipart/") || contentType.startsWith("application/x-www")) {
                            addFormFields(doc, resolve(doc, object(content, contentType).get("schema")), params);
                            params.forEach(generatorOrder::putIfAbsent);
                        } else {
                            generatorOrder.put("body", new ParameterInfo("body", "body", bodyRequired, "object", ""));
                        }
                    }
                }
                OperationInfo info = new OperationInfo(id, d.key(), d.set(), d.artifact(), d.host(),
                        method.toUpperCase(Locale.ROOT), path.getKey(), new ArrayList<>(params.values()),
                        contentType, bodyRequired, string(op, "summary"));
                List<String> order = new ArrayList<>();
                generatorOrder.values().stream().filter(ParameterInfo::required).forEach(p -> order.add(p.name()));
                generatorOrder.values().stream().filter(p -> !p.required()).forEach(p -> order.add(p.name()));
                list.add(new Entry(info, d, List.copyOf(order)));
            }
        }
        return list;
    }

    private static void addParameters(JsonObject doc, JsonElement parameters, Map<String, ParameterInfo> into) {
        if (parameters == null || !parameters.isJsonArray()) {
            return;
        }
        for (JsonElement e : parameters.getAsJsonArray()) {
            JsonObject p = resolve(doc, e);
            String name = string(p, "name");
            String in = string(p, "in");
            if (name == null || in == null) {
                continue;
            }
            boolean required = "path".equals(in) || (p.has("required") && p.get("required").getAsBoolean());
            into.put(in + ":" + name, new ParameterInfo(name, in, required, type(resolve(doc, p.get("schema"))),
                    firstSentence(string(p, "description"))));
        }
    }

    private static void addFormFields(JsonObject doc, JsonObject schema, Map<String, ParameterInfo> into) {
        Set<String> required = new HashSet<>();
        JsonElement names = schema.get("required");
        if (names != null && names.isJsonArray()) {
            for (JsonElement n : names.getAsJsonArray()) {
                required.add(n.getAsString());
            }
        }
        for (Map.Entry<String, JsonElement> field : object(schema, "properties").entrySet()) {
            JsonObject s = resolve(doc, field.getValue());
            String type = "binary".equals(string(s, "format")) ? "file" : type(s);
            into.put("form:" + field.getKey(), new ParameterInfo(field.getKey(), "form",
                    required.contains(field.getKey()), type, firstSentence(string(s, "description"))));
        }
    }

    private static String type(JsonObject schema) {
        JsonElement type = schema.get("type");
        if (type == null) {
            return "string";
        }
        if (type.isJsonArray()) {
            // OpenAPI 3.1: ["string", "null"].
            for (JsonElement t : type.getAsJsonArray()) {
                if (!"null".equals(t.getAsString())) {
                    return t.getAsString();
                }
            }
            return "string";
        }
        return type.getAsString();
    }

    private static String firstSentence(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        int end = line.indexOf(". ");
        line = end < 0 ? line : line.substring(0, end + 1);
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    /** An object, following a local {@code $ref}; an empty object for anything else. */
    private static JsonObject resolve(JsonObject doc, JsonElement element) {
        JsonElement e = element;
        for (int depth = 0; depth < 20 && e != null && e.isJsonObject() && e.getAsJsonObject().has("$ref"); depth++) {
            String ref = e.getAsJsonObject().get("$ref").getAsString();
            if (!ref.startsWith("#/")) {
                return new JsonObject();
            }
            e = doc;
            for (String token : ref.substring(2).split("/")) {
                String name = URLDecoder.decode(token, StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
                if (e == null || !e.isJsonObject()) {
                    return new JsonObject();
                }
                e = e.getAsJsonObject().get(name);
            }
        }
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static JsonObject object(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
