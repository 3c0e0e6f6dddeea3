package io.connect8x8.spring;

import io.connect8x8.Connect8x8Client;

/**
 * Changes the {@link Connect8x8Client.Builder} after the {@code connect8x8.*} properties were applied and before the
 * client bean is built. Declare beans of this type to set what has no property (an OkHttp client of your own, an id
 * generator, the async bound); they run in {@code @Order}.
 */
@FunctionalInterface
public interface Connect8x8ClientCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, with the properties applied
     */
    void customize(Connect8x8Client.Builder builder);
}
