package io.connect8x8.sms;

import io.connect8x8.BatchResult;
import io.connect8x8.MessageOperations;
import io.connect8x8.internal.Access;

/** The SMS API of a {@link io.connect8x8.Connect8x8Client}, from {@code client.sms()}; thread-safe. */
public final class SmsOperations extends MessageOperations<Sms, SmsResult, SmsBatch> {

    static {
        Access.register(SmsOperations.class, SmsOperations::new);
    }

    private SmsOperations(Access.Wiring<Sms, SmsResult, SmsBatch, BatchResult<SmsResult>> wiring) {
        super(wiring.pipeline(), wiring.single(), wiring.batch());
    }
}
