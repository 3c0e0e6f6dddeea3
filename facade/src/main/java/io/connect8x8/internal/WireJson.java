package io.connect8x8.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * Writes the generated request models to JSON in one streaming pass. The generated Gson adapters build a
 * {@code JsonElement} tree at every level, which its parent copies; this Gson writes each model's fields straight
 * to the stream under the {@code @SerializedName}s the generator put on them, then its additional properties, so
 * the wire stays the generated code's. The generator's one-of wrappers keep their generated adapter; enums keep
 * their generated {@code @JsonAdapter}.
 */
final class WireJson {

    /** The generated {@code ApiClient.isJsonMime} rule, compiled once instead of at every call. */
    private static final Pattern JSON_MIME =
            Pattern.compile("(?i)^(application/json|[^;/ \t]+/[^;/ \t]+[+]json)[ \t]*(;.*)?$");
    private static final String GENERATED = "io.connect8x8.generated.";
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter())
            .registerTypeAdapterFactory(new ModelFactory())
            .create();
    /** The JSON media type with its charset, as OkHttp sends it: OkHttp parses a charset-less type a second time. */
    private static final LastParsed<BodyType> MEDIA_TYPES = new LastParsed<>(WireJson::withCharset);

    private WireJson() {
    }

    /** The generated client's test for a JSON media type, without compiling a pattern per call. */
    static boolean isJsonMime(String mime) {
        // The generated operations ask about "application/json" three times a call: answered without the pattern.
        return mime != null && ("application/json".equals(mime) || "*/*".equals(mime)
                || JSON_MIME.matcher(mime).matches());
    }

    /** The generated client's path-parameter escaping (a space as {@code %20}), without its per-call pattern. */
    static String escape(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A model as a JSON body, exactly as OkHttp's {@code RequestBody.create(String, MediaType)} makes it (a
     * charset-less type gets {@code ; charset=utf-8}), the media type parsed once instead of twice a call.
     */
    static RequestBody body(Object model, String contentType) {
        BodyType type = MEDIA_TYPES.get(contentType);
        return RequestBody.create(GSON.toJson(model).getBytes(type.charset()), type.mediaType());
    }

    /** A body's media type (null when unparseable) and the charset it is encoded in. */
    private record BodyType(MediaType mediaType, Charset charset) {
    }

    /** What OkHttp's {@code RequestBody.create(String, MediaType)} sends for a content type. */
    private static BodyType withCharset(String contentType) {
        MediaType type = MediaType.parse(contentType);
        if (type == null) {
            return new BodyType(null, StandardCharsets.UTF_8);
        }
        Charset charset = type.charset();
        return charset != null ? new BodyType(type, charset)
                : new BodyType(MediaType.parse(contentType + "; charset=utf-8"), StandardCharsets.UTF_8);
    }

    /**
     * Writes a generated model field by field, in declaration order, under the {@code @SerializedName}s the generator
     * gave the fields, skipping nulls (as the generated code does), then its additional properties; an additional
     * property of the same name as a field replaces it, as in the generated adapter. The generator's one-of
     * wrappers keep their generated adapter.
     */
    private static final class ModelFactory implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<? super T> raw = type.getRawType();
            if (!raw.getName().startsWith(GENERATED) || raw.isEnum()) {
                return null;
            }
            Method additional;
            try {
                additional = raw.getMethod("getAdditionalProperties");
            } catch (NoSuchMethodException oneOfWrapperOrOther) {
                return generatedAdapter(type);
            }
            List<Property> properties = new ArrayList<>();
            for (Field field : raw.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)
                        || field.getName().equals("additionalProperties")) {
                    continue;
                }
                SerializedName name = field.getAnnotation(SerializedName.class);
                field.setAccessible(true);
                properties.add(new Property(field, name != null ? name.value() : field.getName(),
                        gson.getAdapter(TypeToken.get(field.getGenericType()))));
            }
            return new TypeAdapter<T>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                        return;
                    }
                    Map<?, ?> extra;
                    try {
                        extra = (Map<?, ?>) additional.invoke(value);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    boolean hasExtra = extra != null && !extra.isEmpty();
                    out.beginObject();
                    for (Property property : properties) {
                        if (!hasExtra || !extra.containsKey(property.name)) {
                            property.write(out, value);
                        }
                    }
                    if (hasExtra) {
                        for (Map.Entry<?, ?> entry : extra.entrySet()) {
                            out.name(String.valueOf(entry.getKey()));
                            Object v = entry.getValue();
                            if (v == null) {
                                out.nullValue();
                            } else {
                                writeAny(gson, out, v);
                            }
                        }
                    }
                    out.endObject();
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    return generatedAdapter(type).read(in);
                }
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static void writeAny(Gson gson, JsonWriter out, Object value) throws IOException {
            TypeAdapter adapter = value instanceof JsonElement ? gson.getAdapter(JsonElement.class)
                    : gson.getAdapter(value.getClass());
            adapter.write(out, value);
        }

        /** The adapter of the generated {@code JSON} class of the model's own package. */
        private static <T> TypeAdapter<T> generatedAdapter(TypeToken<T> type) {
            String name = type.getRawType().getName();
            Gson generated = name.startsWith(GENERATED + "sms.") ? io.connect8x8.generated.sms.JSON.getGson()
                    : io.connect8x8.generated.messaging.JSON.getGson();
            return generated.getAdapter(type);
        }
    }

    /** One field of a generated model and the adapter of its declared type. */
    private record Property(Field field, String name, TypeAdapter<?> adapter) {

        @SuppressWarnings({"unchecked", "rawtypes"})
        void write(JsonWriter out, Object model) throws IOException {
            Object value;
            try {
                value = field.get(model);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (value != null) {
                out.name(name);
                ((TypeAdapter) adapter).write(out, value);
            }
        }
    }

    /** ISO-8601 with offset, as the generated {@code JSON} writes it. */
    private static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
            }
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            return OffsetDateTime.parse(in.nextString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }
}
