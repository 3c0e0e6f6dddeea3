package io.connect8x8.sandbox.internal;

import io.connect8x8.sandbox.WhatsAppTemplate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated configuration of a simulator, handed from the public builder to the internals.
 *
 * @param host the address to bind
 * @param port the port, 0 for a free one
 * @param apiKey the default key
 * @param keys every accepted key with the sub-accounts it owns (the default key included)
 * @param strict whether a key may only use the sub-accounts it owns
 * @param rateLimit requests per second per sub-account, 0 for no limit
 * @param webhookUrl the receipt webhook for messages without dlrCallbackUrl, or null
 * @param timeFactor multiplies the receipt retry delays
 * @param clock the clock of timestamps, rate windows and attempts
 * @param maxBodyBytes the largest request body
 * @param templates the approved WhatsApp templates
 * @param threads the request threads
 * @param recordWindow how many of the latest messages are kept whole for inspection
 */
public record Settings(String host, int port, String apiKey, Map<String, Set<String>> keys, boolean strict,
                       int rateLimit, String webhookUrl, double timeFactor, Clock clock, int maxBodyBytes,
                       List<WhatsAppTemplate> templates, int threads, int recordWindow) {
}
