/**
 * Spring Boot support for connect8x8: the {@code connect8x8.*} properties, the application events the webhook
 * endpoint publishes, the customizer hook for the client bean, and sandbox mode for tests.
 */
package io.connect8x8.spring;
