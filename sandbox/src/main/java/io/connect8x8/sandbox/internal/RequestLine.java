package io.connect8x8.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** The line the request log gets for one answered request: method, path, status, and whom it was for, masked. */
final class RequestLine {

    private RequestLine() {
    }

    /**
     * Whom a parsed body is for: the masked destination of a single message, or the message count of a batch.
     *
     * @param json the request body
     * @return the target, or null when the body names none
     */
    static String target(JsonNode json) {
        JsonNode messages = json.path("messages");
        String target;
        if (messages.isArray()) {
            target = messages.size() + (messages.size() == 1 ? " message" : " messages");
        } else {
            String number = json.path("destination").asText(json.path("user").path("msisdn").asText(""));
            target = number.isEmpty() ? null : mask(number);
        }
        return target;
    }

    /**
     * Formats the line of an answered exchange.
     *
     * @param exchange the exchange, its response sent (status -1 when the connection was closed without one)
     * @return one line
     */
    static String of(Exchange exchange) {
        int status = exchange.status();
        String target = exchange.target();
        return exchange.method() + " " + exchange.path() + " "
                + (status < 0 ? "(closed without a response)" : Integer.toString(status))
                + (target == null ? "" : " " + target);
    }

    /**
     * Masks a phone number as the facade's logs do ({@code +65******67}): the simulator keeps its own copy rather than
     * reaching into the facade's internals. The country code is told apart by libphonenumber's table of codes.
     *
     * @param number the number as sent
     * @return the country code and the last two digits, the rest starred
     */
    static String mask(String number) {
        String digits = number.replaceAll("[^0-9]", "");
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        int codeLength = 0;
        for (int length = 1; length <= 3 && length < digits.length() - 2; length++) {
            int code = Integer.parseInt(digits.substring(0, length));
            if (!"ZZ".equals(PhoneNumberUtil.getInstance().getRegionCodeForCountryCode(code))) {
                codeLength = length;
                break;
            }
        }
        return (codeLength > 0 ? "+" + digits.substring(0, codeLength) : "")
                + "*".repeat(digits.length() - codeLength - 2) + digits.substring(digits.length() - 2);
    }
}
