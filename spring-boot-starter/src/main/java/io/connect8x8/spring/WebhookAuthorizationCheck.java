package io.connect8x8.spring;

/**
 * Decides whether a webhook request's {@code Authorization} header is 8x8's, for a webhook whose header is not one
 * fixed value: one configured with {@code oauth} (OAuth 2.0 client credentials), whose access token 8x8 obtains from
 * your token endpoint. Declare it as a bean instead of setting {@code connect8x8.webhook.authorization}; its presence
 * registers the webhook endpoint. A request without the header, or refused, answers 401; a check that throws (its
 * authorization server out of reach) answers 503, which 8x8 retries. In sandbox mode it is not called.
 */
@FunctionalInterface
public interface WebhookAuthorizationCheck {

    /**
     * Checks one request's header, before its body is read.
     *
     * @param authorizationHeader the whole header value, such as {@code "Bearer eyJ..."}, without surrounding
     *                            whitespace; never null
     * @return true to accept the request
     */
    boolean accepts(String authorizationHeader);
}
