/**
 * Micrometer observations, metrics and tracing of connect8x8's sends and receipts: {@link
 * io.connect8x8.micrometer.Connect8x8Observability}, the facade's {@link io.connect8x8.CallListener}.
 */
package io.connect8x8.micrometer;
