package io.connect8x8.internal;

/**
 * A successful (2xx) response, read whole.
 *
 * @param status the HTTP status
 * @param body the body
 * @param attempts how many requests the call made
 */
public record HttpResponse(int status, String body, int attempts) {
}
