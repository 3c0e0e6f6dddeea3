package io.connect8x8.postgresql.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.connect8x8.webhooks.ChatAppsDeliveryReceipt;
import io.connect8x8.webhooks.DeliveryReceipt;
import io.connect8x8.webhooks.SmsDeliveryReceipt;
import java.io.IOException;
import java.time.Instant;

/**
 * Stores a {@link DeliveryReceipt} as JSON and reads it back: the records' own fields through Gson, with the
 * concrete type kept beside it ({@link #kind}).
 */
public final class ReceiptCodec {

    /** The kind of an SMS receipt. */
    public static final String SMS = "sms";
    /** The kind of a Messaging Apps receipt. */
    public static final String CHAT_APPS = "chatapps";

    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .disableHtmlEscaping()
            .create();

    private ReceiptCodec() {
    }

    /**
     * The kind to store beside the JSON.
     *
     * @param receipt the receipt
     * @return {@link #SMS} or {@link #CHAT_APPS}
     */
    public static String kind(DeliveryReceipt receipt) {
        return receipt instanceof SmsDeliveryReceipt ? SMS : CHAT_APPS;
    }

    /**
     * Writes a receipt.
     *
     * @param receipt the receipt
     * @return its JSON
     */
    public static String toJson(DeliveryReceipt receipt) {
        return GSON.toJson(receipt);
    }

    /**
     * Reads a receipt back.
     *
     * @param kind what {@link #kind} gave
     * @param json what {@link #toJson} gave
     * @return the receipt
     */
    public static DeliveryReceipt fromJson(String kind, String json) {
        return SMS.equals(kind) ? GSON.fromJson(json, SmsDeliveryReceipt.class)
                : GSON.fromJson(json, ChatAppsDeliveryReceipt.class);
    }

    /** ISO 8601, as 8x8 writes times; java.time is not open to Gson's reflection. */
    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Instant.parse(in.nextString());
        }
    }
}
