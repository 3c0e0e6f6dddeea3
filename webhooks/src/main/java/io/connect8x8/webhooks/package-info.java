/**
 * Delivery receipts and inbound messages that 8x8 POSTs to your webhooks, for both the SMS API and the Messaging
 * Apps (ChatApps) API.
 *
 * <p>{@link io.connect8x8.webhooks.WebhookParser} turns every body 8x8 documents (enveloped receipts and inbound
 * messages of every version, LINE's flat inbound events, and the account events it reads as
 * {@link io.connect8x8.webhooks.WebhookEvent.Other}) into a typed {@link io.connect8x8.webhooks.WebhookEvent}.
 * {@link io.connect8x8.webhooks.ReceiptReceiver} is a ready-made, thread-safe endpoint for the open internet: it
 * authenticates (unless explicitly told not to), bounds bodies and memory in bytes, parses strictly, deduplicates
 * through a {@link io.connect8x8.webhooks.ReceiptLedger} (in memory by default, shareable between instances) and
 * hands the events to your listeners. It mounts in the JDK's built-in HTTP server through
 * {@link io.connect8x8.webhooks.ReceiptReceiver#asHttpHandler()}, or in any other server through
 * {@link io.connect8x8.webhooks.ReceiptReceiver#handle(String, String, java.io.InputStream, long)}; the
 * {@code connect8x8-servlet} and {@code connect8x8-spring-boot-starter} modules mount it for you.
 *
 * <p>Every type here that holds a phone number or message text masks it in {@code toString()}.
 */
package io.connect8x8.webhooks;
