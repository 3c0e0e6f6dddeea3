package io.connect8x8.internal;

import io.connect8x8.CallListener;
import io.connect8x8.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the send pipelines and the generic operation path of one client run with.
 *
 * @param executor the client's transport
 * @param listener the client's listener
 * @param clock the client's clock
 * @param timeout the default deadline of a call
 * @param retryPolicy the default retry policy
 * @param baseUrls the base URL of each host key ({@code sms}, {@code chatapps}, {@code verify})
 * @param subAccountId the client's sub-account for {@code subAccountId} path parameters, or null (each call then
 *     gives one)
 * @param accountId the account id for {@code accountId} path parameters, or null
 * @param key the API key, revealed only into the Authorization header
 * @param userAgent the User-Agent header
 * @param closed whether the client was closed
 */
public record ApiSettings(Transport executor, CallListener listener, Clock clock, Duration timeout,
                          RetryPolicy retryPolicy, Map<String, String> baseUrls, String subAccountId,
                          String accountId, Supplier<String> key, String userAgent, BooleanSupplier closed) {
}
