package io.connect8x8.webhooks;

/**
 * WhatsApp-specific facts that newer (version 9) Messaging Apps receipts add.
 *
 * @param providerErrorCode WhatsApp's own error code for a failed message, as a string, or null
 * @param pricingCategory   WhatsApp's pricing category for the conversation (such as {@code marketing} or
 *                          {@code utility}), or null
 */
public record WhatsAppInfo(String providerErrorCode, String pricingCategory) {
}
