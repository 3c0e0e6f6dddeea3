package io.connect8x8.internal;

import io.connect8x8.CallListener;
import io.connect8x8.RetryPolicy;
import io.connect8x8.ValidationException;
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
 * @param liveBesideLoopback the APIs whose calls {@link #checkHost} refuses, each with its live base URL
 * @param subAccountId the client's sub-account for {@code subAccountId} path parameters, or null (each call then
 *     gives one)
 * @param accountId the account id for {@code accountId} path parameters, or null
 * @param key the API key, revealed only into the Authorization header
 * @param userAgent the User-Agent header
 * @param closed whether the client was closed
 */
public record ApiSettings(Transport executor, CallListener listener, Clock clock, Duration timeout,
                          RetryPolicy retryPolicy, Map<String, String> baseUrls,
                          Map<CallListener.Api, String> liveBesideLoopback, String subAccountId,
                          String accountId, Supplier<String> key, String userAgent, BooleanSupplier closed) {

    /**
     * Refuses a call, before any I/O, to an API left on its region's live host while another API's base URL is a
     * loopback test server: that call, meant for the test, would reach 8x8 with the key (a one-time code to a real
     * phone). A proxy, which is not loopback, leaves the other APIs live.
     *
     * @param api the API called
     * @throws ValidationException naming the base URL setting to set
     */
    public void checkHost(CallListener.Api api) {
        String live = liveBesideLoopback.get(api);
        if (live != null) {
            String setting = switch (api) {
                case SMS -> "smsBaseUrl";
                case CHAT_APPS -> "chatAppsBaseUrl";
                case VERIFY -> "verifyBaseUrl";
            };
            throw new ValidationException(setting, "is not set, so calls would go to the live host " + live
                    + " while another API's base URL is a loopback test server; nothing was sent: set it too, to the"
                    + " test server (or to " + live + " to call 8x8 on purpose)");
        }
    }
}
