package io.connect8x8.sandbox.internal;

import java.util.List;

/** The SMS API's rules beyond the minimal spec, as tables. */
final class SmsRules {

    /** The live API's destination pattern: E.164 with or without {@code +}. */
    static final String MSISDN = "^\\+?[1-9][0-9]{6,14}$";
    /** The most messages in one batch request. */
    static final int MAX_BATCH = 10_000;

    /** Rules for one message (fields the spec requires are checked by the validator, not here) (a single send, or one message of a batch after the template is applied). */
    static final List<Rule> MESSAGE = List.of(
            Rule.matches("destination", MSISDN, 1002),
            Rule.maxLength("clientMessageId", 350, 1000),
            Rule.maxLength("source", 16, 1005),
            Rule.matches("country", "^[A-Za-z]{2}$", 1009),
            Rule.httpUrl("dlrCallbackUrl", 1000));

    /** Rules for a batch envelope. */
    static final List<Rule> BATCH = List.of(
            Rule.maxLength("clientBatchId", 20, 1000),
            Rule.httpUrl("template/dlrCallbackUrl", 1000));

    private SmsRules() {
    }
}
