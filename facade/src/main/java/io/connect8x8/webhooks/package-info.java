/**
 * Delivery receipts and inbound messages that 8x8 POSTs to your webhooks, for both the SMS API and the Messaging
 * Apps (ChatApps) API.
 *
 * <p>{@link io.connect8x8.webhooks.WebhookParser} turns a request body into a typed
 * {@link io.connect8x8.webhooks.WebhookEvent}; {@link io.connect8x8.webhooks.ReceiptReceiver} is a ready-made,
 * thread-safe endpoint that authenticates, bounds, parses, deduplicates and orders the events and hands them to your
 * listeners. It mounts in the JDK's built-in HTTP server through
 * {@link io.connect8x8.webhooks.ReceiptReceiver#asHttpHandler()}, or in any other server through
 * {@link io.connect8x8.webhooks.ReceiptReceiver#handle(String, String, java.io.InputStream, long)}.
 *
 * <p>Every type here that holds a phone number or message text masks it in {@code toString()}.
 */
package io.connect8x8.webhooks;
