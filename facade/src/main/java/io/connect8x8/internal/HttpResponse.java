package io.connect8x8.internal;

import io.connect8x8.UnexpectedResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A successful (2xx) response, read whole: text for JSON and text answers, bytes for any other.
 *
 * @param status the HTTP status
 * @param body the body as text; empty for a binary answer
 * @param bytes the body as received
 * @param contentType the Content-Type header, or null
 * @param attempts how many requests the call made
 */
public record HttpResponse(int status, String body, byte[] bytes, String contentType, int attempts) {

    /** The tag of a request whose 3xx answers are followed (OkHttp drops the key when a redirect leaves the host). */
    public record FollowRedirects() {
    }

    /** A response from its bytes: decoded when its Content-Type is absent, JSON or text, else binary. */
    static HttpResponse of(int status, byte[] bytes, String contentType, int attempts) {
        return isText(contentType) ? new HttpResponse(status, decode(bytes, status, attempts), bytes, contentType,
                attempts) : new HttpResponse(status, "", bytes, contentType, attempts);
    }

    /**
     * {@return whether a body of this Content-Type is text: none, JSON, XML or {@code text/*}}
     *
     * @param contentType the header, or null
     */
    public static boolean isText(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.isBlank() || type.startsWith("text/") || type.contains("json") || type.contains("xml");
    }

    /**
     * Strict UTF-8 (JSON's only encoding): a lenient decoder would turn a broken byte into U+FFFD and hand the
     * caller a corrupted umid. The call got a success status, so the failure says the message may have been sent.
     */
    private static String decode(byte[] bytes, int status, int attempts) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnexpectedResponseException("response body is not valid UTF-8", status,
                    new String(bytes, StandardCharsets.UTF_8), e, attempts);
        }
    }
}
