/**
 * Every operation of the generated artifacts on the class path, callable by its operationId through the configured
 * {@link io.connect8x8.Connect8x8Client} ({@link io.connect8x8.api.Operations}, from
 * {@link io.connect8x8.Connect8x8Client#api()}), and the few conveniences built on that one path: message status and
 * cancellation, WhatsApp templates, media files, the account, and one-time codes.
 */
package io.connect8x8.api;
