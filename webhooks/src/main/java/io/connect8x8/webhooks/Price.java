package io.connect8x8.webhooks;

import java.math.BigDecimal;

/**
 * What 8x8 charged for a message.
 *
 * @param total    the total price, or null
 * @param perSms   the price of one SMS part, or null
 * @param currency the ISO 4217 currency code, such as {@code USD}, or null
 */
public record Price(BigDecimal total, BigDecimal perSms, String currency) {
}
