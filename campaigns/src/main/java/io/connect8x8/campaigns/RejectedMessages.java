package io.connect8x8.campaigns;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a chunk's rejected messages in a journal (a file journal's outcome line, a database column): one
 * word without spaces, {@code position,clientMessageId,recipient,errorCode,reason} per message, messages separated by
 * {@code ;}, each field URL-encoded (so it holds no separator) and empty for null. A {@link CampaignJournal} of one's
 * own keeps a {@link ChunkRecord#rejections()} list with it, as {@link FileJournal} and the PostgreSQL journal do.
 */
public final class RejectedMessages {

    private RejectedMessages() {
    }

    /**
     * Writes rejected messages as one word.
     *
     * @param rejections the messages
     * @return their text form; empty for none
     */
    public static String encode(List<RejectedMessage> rejections) {
        StringBuilder text = new StringBuilder();
        for (RejectedMessage r : rejections) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(r.position()).append(',').append(field(r.clientMessageId())).append(',')
                    .append(field(r.recipient())).append(',')
                    .append(r.errorCode() == null ? "" : r.errorCode().toString()).append(',')
                    .append(field(r.reason()));
        }
        return text.toString();
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @param text the text form; null or empty for none
     * @return the messages, in order
     * @throws IllegalArgumentException when the text is not in that form
     */
    public static List<RejectedMessage> decode(String text) {
        List<RejectedMessage> rejections = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return rejections;
        }
        for (String entry : text.split(";")) {
            String[] f = entry.split(",", -1);
            if (f.length != 5) {
                throw new IllegalArgumentException("not a rejected message: " + entry);
            }
            rejections.add(new RejectedMessage(Long.parseLong(f[0]), unfield(f[1]), unfield(f[2]),
                    f[3].isEmpty() ? null : Integer.valueOf(f[3]), unfield(f[4])));
        }
        return rejections;
    }

    private static String field(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unfield(String value) {
        return value.isEmpty() ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
