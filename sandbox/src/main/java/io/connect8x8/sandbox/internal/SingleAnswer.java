package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer of a single SMS send written straight into bytes: its constant fragments copied, its values in between.
 * Every send is answered so, and building an {@code ObjectNode} to have Jackson serialise it cost more than the
 * rest of the answer. The bytes are exactly those {@link Json#bytes} writes for {@link SmsApi#response}'s tree
 * (field order, no spaces); a value with a character JSON escapes, or that is not ASCII, is written by that tree
 * instead, so that no escaping rule is copied here.
 */
final class SingleAnswer {

    private static final byte[] UMID = ascii("{\"umid\":\"");
    private static final byte[] CLIENT_MESSAGE_ID = ascii("\",\"clientMessageId\":");
    private static final byte[] NULL = ascii("null");
    private static final byte[] DESTINATION = ascii(",\"destination\":");
    private static final byte[] ENCODING = ascii(",\"encoding\":\"");
    private static final byte[] CODE = ascii("\",\"status\":{\"code\":\"");
    private static final byte[] DESCRIPTION = ascii("\",\"description\":\"");
    private static final byte[] END = ascii("\"}}");
    private static final byte[] QUOTE = ascii("\"");

    private SingleAnswer() {
    }

    /**
     * The answer's JSON.
     *
     * @param umid the message's id
     * @param clientMessageId the client's id, or null
     * @param destination the number as echoed (without its '+'), or null
     * @param encoding the encoding's name
     * @param code the status code
     * @param description the status description
     * @return {@code {"umid","clientMessageId","destination","encoding","status":{"code","description"}}} as UTF-8
     */
    static byte[] bytes(String umid, String clientMessageId, String destination, String encoding, String code,
                        String description) {
        // Sized for plain values (one byte a character); the copy checks each character as it goes.
        int length = UMID.length + umid.length() + CLIENT_MESSAGE_ID.length + quotedLength(clientMessageId)
                + DESTINATION.length + quotedLength(destination) + ENCODING.length + encoding.length() + CODE.length
                + code.length() + DESCRIPTION.length + description.length() + END.length;
        byte[] out = new byte[length];
        int at = put(out, 0, UMID);
        at = put(out, at, umid);
        at = quoted(out, put(out, at, CLIENT_MESSAGE_ID), clientMessageId);
        at = quoted(out, put(out, at, DESTINATION), destination);
        at = put(out, at, ENCODING);
        at = put(out, at, encoding);
        at = put(out, at, CODE);
        at = put(out, at, code);
        at = put(out, at, DESCRIPTION);
        at = put(out, at, description);
        if (at < 0) {
            return Json.bytes(tree(umid, clientMessageId, destination, encoding, code, description));
        }
        put(out, at, END);
        return out;
    }

    /** The same answer as a tree: what the bytes stand for, written by Jackson when a value needs escaping. */
    static ObjectNode tree(String umid, String clientMessageId, String destination, String encoding, String code,
                           String description) {
        ObjectNode response = Json.object();
        response.put("umid", umid);
        response.put("clientMessageId", clientMessageId);
        response.put("destination", destination);
        response.put("encoding", encoding);
        ObjectNode status = response.putObject("status");
        status.put("code", code);
        status.put("description", description);
        return response;
    }

    private static int quotedLength(String text) {
        return text == null ? NULL.length : text.length() + 2;
    }

    /** Writes a string value in quotes, or null; -1 (and from -1) when a character is not plain. */
    private static int quoted(byte[] out, int at, String text) {
        if (text == null) {
            return put(out, at, NULL);
        }
        return put(out, put(out, put(out, at, QUOTE), text), QUOTE);
    }

    /** Copies a fragment; -1 stays -1. */
    private static int put(byte[] out, int at, byte[] fragment) {
        if (at < 0) {
            return -1;
        }
        System.arraycopy(fragment, 0, out, at, fragment.length);
        return at + fragment.length;
    }

    /**
     * Copies text that JSON writes as it is (printable ASCII but the quote and the backslash), one byte a character;
     * -1 at the first other character (and from -1).
     */
    private static int put(byte[] out, int at, String text) {
        if (at < 0) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return -1;
            }
            out[at++] = (byte) c;
        }
        return at;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
